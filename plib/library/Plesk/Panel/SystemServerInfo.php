<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Plesk\Panel;

use PleskExt\M365SplitDelivery\Api\ServerInfo;

/** This machine's host name and interface addresses, loopback and link-local left out. */
final class SystemServerInfo implements ServerInfo
{
    /** @var callable(): (array<string, array<string, mixed>>|false) */
    private $interfaces;

    /**
     * @param (callable(): (array<string, array<string, mixed>>|false))|null $interfaces
     *        net_get_interfaces() by default
     */
    public function __construct(
        private readonly ?string $hostname = null,
        ?callable $interfaces = null
    ) {
        $this->interfaces = $interfaces ?? static fn(): array|false => net_get_interfaces();
    }

    public function hostname(): string
    {
        return $this->hostname ?? (string) gethostname();
    }

    public function addresses(): array
    {
        $addresses = [];
        foreach (($this->interfaces)() ?: [] as $interface) {
            foreach ($interface['unicast'] ?? [] as $unicast) {
                $address = is_array($unicast) ? ($unicast['address'] ?? null) : null;
                if (is_string($address) && self::isReachable($address)) {
                    $addresses[$address] = true;
                }
            }
        }
        $list = array_map('strval', array_keys($addresses));
        sort($list);

        return $list;
    }

    /** Whether other hosts could reach this address: not loopback, not link-local. */
    private static function isReachable(string $address): bool
    {
        if (filter_var($address, FILTER_VALIDATE_IP) === false) {
            return false;
        }
        $packed = (string) inet_pton($address);
        if (strlen($packed) === 4) {
            return $packed[0] !== "\x7f" && !str_starts_with($address, '169.254.');
        }

        return $address !== '::1' && !str_starts_with(strtolower($address), 'fe80:');
    }
}
