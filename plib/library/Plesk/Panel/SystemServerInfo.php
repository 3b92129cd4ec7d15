<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Plesk\Panel;

use PleskExt\M365SplitDelivery\Api\ServerInfo;

/**
 * This server's name as its Postfix gives it (the name Microsoft's outbound connector must use
 * for SmartHosts and TlsDomain) and its interface addresses, loopback and link-local left out.
 */
final class SystemServerInfo implements ServerInfo
{
    /**
     * Postfix's own name for this server. -x expands `$mydomain` and the like, which main.cf
     * may use in myhostname; the absolute path does not depend on the panel's PATH.
     */
    public const POSTCONF_MYHOSTNAME = ['/usr/sbin/postconf', '-x', '-h', 'myhostname'];

    /** Only what postconf needs: MAIL_CONFIG from the panel's environment must not leak in. */
    private const ENVIRONMENT = ['PATH' => '/usr/sbin:/usr/bin:/sbin:/bin', 'LC_ALL' => 'C'];

    /** @var callable(): (array<string, array<string, mixed>>|false) */
    private $interfaces;

    /**
     * @param string|null $hostname a fixed name; by default Postfix's myhostname, else the
     *        system's host name
     * @param (callable(): (array<string, array<string, mixed>>|false))|null $interfaces
     *        net_get_interfaces() by default
     * @param list<string> $myhostnameCommand the command that prints Postfix's myhostname
     */
    public function __construct(
        private readonly ?string $hostname = null,
        ?callable $interfaces = null,
        private readonly array $myhostnameCommand = self::POSTCONF_MYHOSTNAME
    ) {
        $this->interfaces = $interfaces ?? static fn(): array|false => net_get_interfaces();
    }

    public function hostname(): string
    {
        return $this->hostname ?? $this->postfixHostname() ?? (string) gethostname();
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

    /**
     * Postfix's myhostname, or null when postconf cannot be run, fails (no main.cf) or prints
     * nothing that is a host name; the caller then falls back to the system's host name, which
     * is what Postfix itself uses when myhostname is not set.
     */
    private function postfixHostname(): ?string
    {
        // An argument array: no shell. Its stderr is dropped, the fallback is the answer.
        $process = @proc_open(
            $this->myhostnameCommand,
            [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']],
            $pipes,
            null,
            self::ENVIRONMENT
        );
        if ($process === false) {
            return null;
        }
        $output = (string) stream_get_contents($pipes[1]);
        fclose($pipes[1]);
        if (proc_close($process) !== 0) {
            return null;
        }

        $name = trim($output);

        return preg_match('/\A[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?\z/', $name) === 1
            ? $name
            : null;
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
