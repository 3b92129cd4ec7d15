<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Store;

use PleskExt\M365SplitDelivery\Routing\InvalidAddress;
use PleskExt\M365SplitDelivery\Routing\Mark;

/**
 * A routing store that can replace a domain's marks in one write: dropping 1,000 gone marks, or
 * following renames, is then one write instead of one per mark.
 */
interface ReplaceableMarks
{
    /**
     * @param list<Mark> $marks the domain's marks from now on, in this order
     * @throws InvalidAddress when a local part is outside the route grammar
     */
    public function replaceMarks(int $domainId, array $marks): void;
}
