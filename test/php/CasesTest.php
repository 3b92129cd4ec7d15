<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Mail\JsonMailboxDirectory;
use PleskExt\M365SplitDelivery\Routing\Address;
use PleskExt\M365SplitDelivery\Routing\InvalidAddress;
use PleskExt\M365SplitDelivery\Routing\InvalidNextHop;
use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Routing\NextHop;
use PleskExt\M365SplitDelivery\Routing\NextHopGuess;
use PleskExt\M365SplitDelivery\Routing\Planner;
use PleskExt\M365SplitDelivery\Routing\PlanWarning;
use PleskExt\M365SplitDelivery\Routing\Route;
use PleskExt\M365SplitDelivery\Routing\TransportMapRenderer;
use PleskExt\M365SplitDelivery\Routing\TransportMapsValue;
use PleskExt\M365SplitDelivery\Store\JsonStore;
use PleskExt\M365SplitDelivery\Tests\Support\FakeRootHelper;
use PleskExt\M365SplitDelivery\Tests\Support\InMemoryStore;
use PleskExt\M365SplitDelivery\Tests\Support\TempDir;

/** The cases of ../shared/CASES.md that the PHP side decides, each with its exact value. */
final class CasesTest extends TestCase
{
    private const DEMO = __DIR__ . '/../../build/sandbox/demo';
    private const HOST = 'example-com.mail.protection.outlook.com';
    private const EXPECTED_HOSTS = '(expected *.mail.protection.outlook.com, *.mx.microsoft, '
        . '*.mail.protection.office365.us or *.mail.protection.partner.outlook.cn)';

    private TempDir $dir;

    protected function setUp(): void
    {
        $this->dir = new TempDir();
    }

    protected function tearDown(): void
    {
        $this->dir->remove();
    }

    public function testAMarkedAliasGetsNoRouteAndMarkingItsMailboxRoutesOnlyTheMailbox(): void
    {
        // C1: sales@ is an alias of bob@; aliases are rewritten before the transport lookup.
        $planner = new Planner(new JsonMailboxDirectory(self::DEMO . '/accounts.json'));
        $store = new InMemoryStore();
        $store->setNextHop(1, self::HOST);
        $store->addMark(1, new Mark(98, 'sales'));

        $aliasOnly = $planner->plan($store);
        $store->addMark(1, new Mark(12, 'bob'));
        $withMailbox = $planner->plan($store);

        self::assertSame([], $aliasOnly->routes);
        self::assertEquals([new PlanWarning(
            'alias',
            'sales@example.com is an alias of bob@example.com: aliases are rewritten before '
            . 'routing; route bob@example.com instead',
            1,
            'sales@example.com'
        )], $aliasOnly->warnings);
        self::assertEquals([new Route('bob@example.com', self::HOST)], $withMailbox->routes);
    }

    public function testADeletedMailboxLeavesTheMapAndTheStoreAndNothingElseChanges(): void
    {
        // C2: carol@ is deleted in Plesk between two rebuilds.
        mkdir($this->dir->path . '/data');
        mkdir($this->dir->path . '/record');
        copy(self::DEMO . '/accounts.json', $this->dir->path . '/data/accounts.json');
        copy(self::DEMO . '/store.json', $this->dir->path . '/data/store.json');
        $helper = FakeRootHelper::recording($this->dir->path, $this->dir->path . '/record');
        $this->applyWithEngine($helper);
        $before = (string) file_get_contents($this->dir->path . '/record/stdin');

        $accounts = json_decode((string) file_get_contents(self::DEMO . '/accounts.json'), true);
        array_splice($accounts['domains'][0]['accounts'], 2, 1);
        file_put_contents($this->dir->path . '/data/accounts.json', json_encode($accounts));
        $stderr = $this->applyWithEngine($helper);

        $carolLine = "carol@example.com\tsmtp:[" . self::HOST . "]:25\n";
        self::assertStringContainsString($carolLine, $before);
        self::assertSame(
            str_replace($carolLine, '', $before),
            file_get_contents($this->dir->path . '/record/stdin')
        );
        self::assertSame(
            "dropped the mark of carol@example.com (account 13) no longer exists in example.com\n",
            $stderr
        );
        self::assertEquals(
            [new Mark(12, 'bob')],
            (new JsonStore($this->dir->path . '/data/store.json'))->marks(1)
        );
    }

    public function testTheMxValuePastedFromTheAdminCenterIsStoredAsItsBareHost(): void
    {
        // C6: the admin center shows `0 ADKAKADEMIE-DE0I.mail.protection.outlook.com.`.
        $path = $this->dir->write('store.json', '{"version": 1, "domains": {}}');
        $store = new JsonStore($path);

        $store->setNextHop(
            1,
            NextHop::fromMxValue('0 ADKAKADEMIE-DE0I.mail.protection.outlook.com.')
        );

        self::assertSame(
            'adkakademie-de0i.mail.protection.outlook.com',
            (new JsonStore($path))->nextHop(1)
        );
        // A computed host is only ever a labelled guess, and it is not the real host here.
        $guess = NextHop::guessForDomain('adkakademie.de');
        self::assertInstanceOf(NextHopGuess::class, $guess);
        self::assertSame('adkakademie-de.mail.protection.outlook.com', $guess->host);
    }

    /** @return array<string, array{0: string, 1: string}> */
    public function notExactAddresses(): array
    {
        return [
            'a whole domain' => [
                'example.com',
                '"example.com" is not an exact address: a whole domain is never routed, only exact '
                . 'addresses',
            ],
            'a domain and its subdomains' => [
                '.example.com',
                '".example.com" is not an exact address: a domain and its subdomains are never '
                . 'routed, only exact addresses',
            ],
            'a wildcard' => ['*', '"*" is not an exact address: wildcards are not routed'],
            'a wildcard local part' => [
                '*@example.com',
                '"*@example.com" is not an exact address: wildcards are not routed',
            ],
            'a regular expression' => [
                '/^.*@example\.com$/',
                '"/^.*@example\\\\.com$/" is not an exact address: patterns are not routed, only '
                . 'exact addresses',
            ],
        ];
    }

    /** @dataProvider notExactAddresses */
    public function testOnlyExactAddressesAreRouted(string $request, string $message): void
    {
        // C7: a wildcard would also catch the server's own domains and loop mail.
        $this->expectException(InvalidAddress::class);
        $this->expectExceptionMessage($message);

        Address::normalise($request);
    }

    public function testARouteWithAnEmptyNextHopIsRefused(): void
    {
        // C8: `smtp:` with no host would route to the domain's MX, this server, and loop.
        $this->expectException(InvalidNextHop::class);
        $this->expectExceptionMessage(
            'route bob@example.com: next hop "" is not a Microsoft 365 host ' . self::EXPECTED_HOSTS
        );

        (new TransportMapRenderer())->render([new Route('bob@example.com', '')]);
    }

    public function testARouteToAHostOutsideMicrosoft365IsRefused(): void
    {
        // C8: a next hop that is not a Microsoft host is refused before any map is written.
        $this->expectException(InvalidNextHop::class);
        $this->expectExceptionMessage(
            'route bob@example.com: next hop "mail.example.net" is not a Microsoft 365 host '
            . self::EXPECTED_HOSTS
        );

        (new TransportMapRenderer())->render([new Route('bob@example.com', 'mail.example.net')]);
    }

    public function testOurMapGoesInFrontAndRemovalGivesBackTheValueCharacterForCharacter(): void
    {
        // C9: a $name reference, an empty element and two tables.
        $current = '$extra_transport, , lmdb:/var/spool/postfix/plesk/transport '
        . 'hash:/etc/postfix/other';
        $map = '/etc/postfix/m365-split-delivery/transport';

        $merged = TransportMapsValue::merge($current, 'lmdb', $map);

        self::assertSame('lmdb:' . $map . ', ' . $current, $merged);
        self::assertSame($current, TransportMapsValue::remove($merged, $map));
        self::assertSame(
            'lmdb',
            TransportMapsValue::databaseType($current, $map, 'hash', ['hash', 'lmdb'])
        );
    }

    /** Runs `engine.php apply` on the test's data; returns its stderr. */
    private function applyWithEngine(string $helper): string
    {
        $process = proc_open(
            [
                PHP_BINARY,
                __DIR__ . '/../../build/sandbox/engine.php',
                '--data',
                $this->dir->path . '/data',
                '--helper',
                $helper,
                'apply',
            ],
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['pipe', 'w']],
            $pipes,
            null,
            ['PATH' => '/usr/bin:/bin']
        );
        self::assertIsResource($process);
        $stderr = (string) stream_get_contents($pipes[2]);
        self::assertSame(0, proc_close($process), $stderr);

        return $stderr;
    }
}
