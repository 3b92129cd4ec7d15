<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sandbox;

use PleskExt\M365SplitDelivery\Api\HostResolver;

/**
 * Whether a next hop resolves, from a hosts file only (the sandbox's network namespace names
 * the fake Exchange Online host there): listed is true, anything else "could not check", since
 * the sandbox asks no DNS server.
 */
final class HostsFileResolver implements HostResolver
{
    public function __construct(private readonly ?string $hostsFile)
    {
    }

    public function resolves(string $host): ?bool
    {
        if ($this->hostsFile === null || !is_readable($this->hostsFile)) {
            return null;
        }
        foreach (file($this->hostsFile, FILE_IGNORE_NEW_LINES) ?: [] as $line) {
            $fields = preg_split('/\s+/', trim((string) preg_replace('/#.*/', '', $line))) ?: [];
            if (in_array($host, array_map('strtolower', array_slice($fields, 1)), true)) {
                return true;
            }
        }

        return null;
    }
}
