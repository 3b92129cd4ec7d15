<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sync;

use PleskExt\M365SplitDelivery\Routing\Mark;

/** A domain's marks after following renames and restores, and what moved, for the log. */
final class FollowedMarks
{
    /**
     * @param list<Mark> $marks
     * @param list<string> $changes e.g. `the mark of bob@example.com follows its rename to …`
     */
    public function __construct(public readonly array $marks, public readonly array $changes)
    {
    }
}
