<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Api;

/** Whether a next hop resolves in DNS: a hint for the user, never a reason to refuse it. */
interface HostResolver
{
    /** True when $host has an address, false when DNS says it has none, null when unknown. */
    public function resolves(string $host): ?bool;
}
