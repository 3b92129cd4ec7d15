<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Api;

/**
 * Whether a next hop resolves in DNS. Only a definite "no" (false) refuses a next hop, so an
 * implementation answers false only when DNS itself said so, never when it could not ask.
 */
interface HostResolver
{
    /**
     * True when $host has an address; false when DNS answered that the name does not exist or has
     * no address; null when that could not be checked (no answer, time-out, server failure).
     */
    public function resolves(string $host): ?bool;
}
