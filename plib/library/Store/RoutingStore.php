<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Store;

use PleskExt\M365SplitDelivery\Routing\InvalidAddress;
use PleskExt\M365SplitDelivery\Routing\InvalidNextHop;
use PleskExt\M365SplitDelivery\Routing\Mark;

/**
 * The only state the extension owns: per domain id, the marked mailboxes and the next hop.
 * Values are kept in normal form (see RouteGrammar); implementations refuse anything else.
 */
interface RoutingStore
{
    /** The domain's next hop, or null when none was entered. */
    public function nextHop(int $domainId): ?string;

    /**
     * Sets (or, with null, forgets) the domain's next hop: a host as NextHop::fromMxValue gives.
     *
     * @throws InvalidNextHop
     */
    public function setNextHop(int $domainId, ?string $host): void;

    /** @return list<Mark> the domain's marks, in the order they were added */
    public function marks(int $domainId): array;

    /**
     * Adds a mark; a mark equal to one already there changes nothing.
     *
     * @throws InvalidAddress when its local part is outside the route grammar
     */
    public function addMark(int $domainId, Mark $mark): void;

    /** Removes the marks equal to $mark, if any. */
    public function removeMark(int $domainId, Mark $mark): void;

    /** @return list<int> the ids of the domains that have marks, ascending */
    public function domainIdsWithMarks(): array;
}
