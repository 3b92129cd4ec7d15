<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Plesk\Panel;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Plesk\Panel\DnsHostResolver;
use RuntimeException;

/**
 * The resolver's default DNS query against a fake DNS server in a network namespace of the
 * test's own (`ip netns exec` reads /etc/netns/<name>/resolv.conf in place of the machine's):
 * only NXDOMAIN and NODATA may say "does not resolve", since that refuses a next hop.
 */
final class DnsHostResolverTest extends TestCase
{
    private const FAKE_DNS_SERVER = __DIR__ . '/fake-dns-server.php';

    private string $namespace = '';

    /** @var resource|null */
    private $server = null;

    protected function setUp(): void
    {
        $this->namespace = 'm365-php-dns-' . bin2hex(random_bytes(4));
        self::command(['ip', 'netns', 'add', $this->namespace]);
        $etc = '/etc/netns/' . $this->namespace;
        mkdir($etc, 0755, true);
        // One second, one try: a name the server does not answer times out quickly.
        file_put_contents(
            $etc . '/resolv.conf',
            "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n"
        );
        self::command(['ip', '-n', $this->namespace, 'link', 'set', 'lo', 'up']);

        $server = proc_open(
            ['ip', 'netns', 'exec', $this->namespace, PHP_BINARY, self::FAKE_DNS_SERVER],
            [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']],
            $pipes
        );
        if ($server === false) {
            throw new RuntimeException('cannot start the fake DNS server');
        }
        $this->server = $server;
        $ready = fgets($pipes[1]);
        if ($ready !== "ready\n") {
            throw new RuntimeException('the fake DNS server did not start: '
                . stream_get_contents($pipes[2]));
        }
    }

    protected function tearDown(): void
    {
        if ($this->server !== null) {
            proc_terminate($this->server);
            proc_close($this->server);
        }
        $etc = '/etc/netns/' . $this->namespace;
        if (is_file($etc . '/resolv.conf')) {
            unlink($etc . '/resolv.conf');
        }
        if (is_dir($etc)) {
            rmdir($etc);
        }
        self::command(['ip', 'netns', 'delete', $this->namespace]);
    }

    public function testOnlyADefiniteAnswerFromDnsSaysThatAHostDoesNotResolve(): void
    {
        self::assertSame([
            'example-com.mail.protection.outlook.com' => true,
            'v6only-com.mail.protection.outlook.com' => true,
            'nosuchtenant-com.mail.protection.outlook.com' => false,
            'noaddress-com.mail.protection.outlook.com' => false,
            'servfail-com.mail.protection.outlook.com' => null,
            'refused-com.mail.protection.outlook.com' => null,
            'silent-com.mail.protection.outlook.com' => null,
        ], $this->resolveInNamespace([
            'example-com.mail.protection.outlook.com',
            'v6only-com.mail.protection.outlook.com',
            'nosuchtenant-com.mail.protection.outlook.com',
            'noaddress-com.mail.protection.outlook.com',
            'servfail-com.mail.protection.outlook.com',
            'refused-com.mail.protection.outlook.com',
            'silent-com.mail.protection.outlook.com',
        ]));
    }

    public function testAnIpv4LookupThatTimesOutDoesNotHideAnIpv6Address(): void
    {
        self::assertSame(
            ['v4silent-com.mail.protection.outlook.com' => true],
            $this->resolveInNamespace(['v4silent-com.mail.protection.outlook.com'])
        );
    }

    public function testNoDnsServerAtAllIsCouldNotCheck(): void
    {
        proc_terminate($this->server);
        proc_close($this->server);
        $this->server = null;

        self::assertSame(
            ['nosuchtenant-com.mail.protection.outlook.com' => null],
            $this->resolveInNamespace(['nosuchtenant-com.mail.protection.outlook.com'])
        );
    }

    public function testAsksForTheAbsoluteNameSoSearchDomainsAreNotAppended(): void
    {
        $asked = [];
        $resolver = new DnsHostResolver(static function (string $host) use (&$asked): array {
            $asked[] = $host;
            return [];
        });

        $resolver->resolves('example-com.mail.protection.outlook.com');
        $resolver->resolves('example-com.mail.protection.outlook.com.');

        self::assertSame([
            'example-com.mail.protection.outlook.com.',
            'example-com.mail.protection.outlook.com.',
        ], $asked);
    }

    /**
     * @param list<string> $hosts
     * @return array<string, bool|null>
     */
    private function resolveInNamespace(array $hosts): array
    {
        $output = self::command(array_merge(
            ['ip', 'netns', 'exec', $this->namespace, PHP_BINARY,
                __DIR__ . '/resolve-in-namespace.php'],
            $hosts
        ));

        return json_decode($output, true, 4, JSON_THROW_ON_ERROR);
    }

    /** @param list<string> $command */
    private static function command(array $command): string
    {
        $process = proc_open(
            $command,
            [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']],
            $pipes
        );
        if ($process === false) {
            throw new RuntimeException('cannot run ' . implode(' ', $command));
        }
        $stdout = (string) stream_get_contents($pipes[1]);
        $stderr = (string) stream_get_contents($pipes[2]);
        $status = proc_close($process);
        if ($status !== 0) {
            throw new RuntimeException(implode(' ', $command) . ' failed (exit ' . $status . '): '
                . $stderr);
        }

        return $stdout;
    }
}
