<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Plesk\Panel;

use PleskExt\M365SplitDelivery\Api\HostResolver;

/**
 * Asks the system's DNS resolver whether a next hop has an address (A or AAAA). Only an answer
 * from DNS that the name does not exist (NXDOMAIN) or has no address (NODATA) is "does not
 * resolve"; no answer, a time-out or a server failure is "could not check", since a next hop that
 * does not resolve is refused.
 */
final class DnsHostResolver implements HostResolver
{
    /** @var callable(string): (array<mixed>|false) */
    private $lookup;

    /**
     * @param (callable(string): (array<mixed>|false))|null $lookup the DNS query: the host's
     *        address records, [] when DNS answered that there are none, false when it could not
     *        be asked; by default dns_get_record() for A, then AAAA records
     */
    public function __construct(?callable $lookup = null)
    {
        $this->lookup = $lookup ?? self::addressRecords(...);
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

    /**
     * The A, else AAAA records of $host. dns_get_record() gives [] for NXDOMAIN and NODATA and
     * false (with a warning) for a time-out or a server failure. A and AAAA are asked apart so
     * that a failure of one does not hide the records of the other.
     *
     * @return array<mixed>|false
     */
    private static function addressRecords(string $host): array|false
    {
        // The warning's words are not needed: false already means "could not check".
        $ipv4 = @dns_get_record($host, DNS_A);
        if ($ipv4 !== false && $ipv4 !== []) {
            return $ipv4;
        }
        $ipv6 = @dns_get_record($host, DNS_AAAA);
        if ($ipv6 !== false && $ipv6 !== []) {
            return $ipv6;
        }

        return $ipv4 === false || $ipv6 === false ? false : [];
    }
}
