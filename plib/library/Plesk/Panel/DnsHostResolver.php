<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Plesk\Panel;

use PleskExt\M365SplitDelivery\Api\HostResolver;

/**
 * Asks the system's DNS resolver whether a next hop has an address (A or AAAA). An answer with no
 * records is "does not resolve"; no answer at all (no DNS server reachable) is "unknown".
 */
final class DnsHostResolver implements HostResolver
{
    /** @var callable(string): (array<mixed>|false) */
    private $lookup;

    /**
     * @param (callable(string): (array<mixed>|false))|null $lookup the DNS query; by default
     *        dns_get_record() for A and AAAA records
     */
    public function __construct(?callable $lookup = null)
    {
        $this->lookup = $lookup
            ?? static fn(string $host): array|false => @dns_get_record($host, DNS_A | DNS_AAAA);
    }

    public function resolves(string $host): ?bool
    {
        // A trailing dot keeps the resolver from appending the server's own search domains.
        $records = ($this->lookup)(rtrim($host, '.') . '.');
        if ($records === false) {
            return null;
        }

        return $records !== [];
    }
}
