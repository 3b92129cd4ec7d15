<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Api\Panel;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Plesk\Panel\DnsHostResolver;
use PleskExt\M365SplitDelivery\Plesk\Panel\PanelForgeryToken;
use PleskExt\M365SplitDelivery\Plesk\Panel\SystemServerInfo;

/** The resolver, server and token adapters, with their system calls replaced by the test's. */
final class SystemAdaptersTest extends TestCase
{
    public function testAHostWithAddressesResolvesOneWithoutDoesNotNoAnswerIsUnknown(): void
    {
        $asked = [];
        $resolver = new DnsHostResolver(static function (string $host) use (&$asked): array|false {
            $asked[] = $host;
            return match ($host) {
                'example-com.mail.protection.outlook.com.' => [['ip' => '192.0.2.1']],
                'nowhere.mail.protection.outlook.com.' => [],
                default => false,
            };
        });

        self::assertTrue($resolver->resolves('example-com.mail.protection.outlook.com'));
        self::assertFalse($resolver->resolves('nowhere.mail.protection.outlook.com'));
        self::assertNull($resolver->resolves('offline.mail.protection.outlook.com'));
        self::assertSame('example-com.mail.protection.outlook.com.', $asked[0]);
    }

    public function testTheServersAddressesLeaveOutLoopbackAndLinkLocal(): void
    {
        $server = new SystemServerInfo('plesk.example.net', static fn (): array => [
            'lo' => ['unicast' => [['address' => '127.0.0.1'], ['address' => '::1']]],
            'eth0' => ['unicast' => [
                ['family' => 17],
                ['address' => '203.0.113.10'],
                ['address' => 'fe80::1'],
                ['address' => '2001:db8::10'],
                ['address' => '169.254.1.1'],
            ]],
            'eth1' => ['unicast' => [['address' => '203.0.113.10']]],
        ]);

        self::assertSame('plesk.example.net', $server->hostname());
        self::assertSame(['2001:db8::10', '203.0.113.10'], $server->addresses());
    }

    public function testTheSessionsTokenIsReadFromThePanelSession(): void
    {
        $token = new PanelForgeryToken();
        $saved = $_SESSION ?? null;
        try {
            $_SESSION = [];
            self::assertNull($token->expected());
            $_SESSION = ['forgery_protection_token' => 'eb864f991ca346026d31e1b6b827dfb7'];
            self::assertSame('eb864f991ca346026d31e1b6b827dfb7', $token->expected());
        } finally {
            $_SESSION = $saved;
        }
    }
}
