<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sync;

/**
 * What the last rebuild learnt about one domain with marks, so that the panel can show its state
 * without asking Plesk's XML API: the addresses the map in force routes, the warnings of the
 * plan, and whether the domain had a next hop.
 */
final class DomainRecord
{
    /**
     * @param list<string> $routed
     * @param list<AccountWarning> $warnings
     */
    public function __construct(
        public readonly array $routed,
        public readonly array $warnings,
        public readonly bool $hasNextHop
    ) {
    }
}
