<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Api;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Api\ApiError;
use PleskExt\M365SplitDelivery\Api\DomainQuery;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectoryError;
use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Tests\Api\Support\ApiWorld;
use PleskExt\M365SplitDelivery\Tests\Api\Support\TestCaller;

final class ApiServiceTest extends TestCase
{
    private ApiWorld $world;

    protected function setUp(): void
    {
        $this->world = new ApiWorld();
    }

    public function testDomainsListsWhatTheCallerMayManageWithCountsAndState(): void
    {
        $page = $this->world->service->domains(TestCaller::customer([1, 3]), new DomainQuery());

        self::assertSame(['items' => [
            ['id' => 3, 'name' => 'bücher.example', 'nextHop' => null, 'routed' => 0,
                'total' => 1, 'state' => 'in-sync'],
            ['id' => 1, 'name' => 'example.com',
                'nextHop' => 'example-com.mail.protection.outlook.com', 'routed' => 1,
                'total' => 4, 'state' => 'in-sync'],
        ], 'total' => 2], $page);
    }

    public function testDomainsSearchIsCaseInsensitiveAndIdnAware(): void
    {
        $service = $this->world->service;
        $names = static fn (array $page): array => array_column($page['items'], 'name');

        self::assertSame(['example.org'], $names($service->domains(
            TestCaller::admin(),
            new DomainQuery('EXAMPLE.ORG')
        )));
        self::assertSame(['bücher.example'], $names($service->domains(
            TestCaller::admin(),
            new DomainQuery('BÜCHER')
        )));
        self::assertSame(['bücher.example'], $names($service->domains(
            TestCaller::admin(),
            new DomainQuery('xn--bcher')
        )));
        self::assertSame(['bücher.example'], $names($service->domains(
            TestCaller::admin(),
            new DomainQuery('bücher.example')
        )));
    }

    public function testDomainsSortsAndPagesOnTheServerCountingOnlyThePage(): void
    {
        $service = $this->world->service;

        $page = $service->domains(TestCaller::admin(), new DomainQuery('', 1, 2, '-routed'));
        self::assertSame([1, 3], array_column($page['items'], 'id'));
        self::assertSame(3, $page['total']);
        self::assertSame([[1, 3]], $this->world->catalogue->counted);

        $page = $service->domains(TestCaller::admin(), new DomainQuery('', 2, 2, '-routed'));
        self::assertSame([2], array_column($page['items'], 'id'));

        $page = $service->domains(TestCaller::admin(), new DomainQuery('', 3, 2, 'name'));
        self::assertSame(['items' => [], 'total' => 3], $page);

        $page = $service->domains(TestCaller::admin(), new DomainQuery('', 1, 25, '-name'));
        self::assertSame([2, 1, 3], array_column($page['items'], 'id'));
    }

    public function testDomainsSortByStatePutsAttentionFirst(): void
    {
        $this->world->store->addMark(2, new Mark(21, 'dave'));
        $this->world->sync->rebuild();
        $this->world->sync->markPending(3);

        $query = new DomainQuery('', 1, 25, 'state');
        $items = $this->world->service->domains(TestCaller::admin(), $query)['items'];

        self::assertSame(
            [[2, 'attention'], [3, 'pending'], [1, 'in-sync']],
            array_map(null, array_column($items, 'id'), array_column($items, 'state'))
        );
    }

    public function testDomainShowsAccountsAliasesRoutingAndWarnings(): void
    {
        $this->world->parts->dns['example-com.mail.protection.outlook.com'] = true;

        $domain = $this->world->service->domain(TestCaller::admin(), 1);

        self::assertSame([
            'id' => 1,
            'name' => 'example.com',
            'nextHop' => 'example-com.mail.protection.outlook.com',
            'nextHopGuess' => 'example-com.mail.protection.outlook.com',
            'nextHopResolves' => true,
            'state' => 'in-sync',
            'accounts' => [
                ['id' => 11, 'address' => 'alice@example.com', 'kind' => 'mailbox',
                    'aliases' => [], 'routed' => false],
                ['id' => 12, 'address' => 'bob@example.com', 'kind' => 'mailbox',
                    'aliases' => ['sales@example.com'], 'routed' => true],
                ['id' => 13, 'address' => 'carol@example.com', 'kind' => 'mailbox',
                    'aliases' => [], 'routed' => false],
                ['id' => 14, 'address' => 'info@example.com', 'kind' => 'forwarding',
                    'aliases' => [], 'routed' => false, 'warning' => ['code' => 'forwarding-only',
                        'message' => 'info@example.com has no mailbox (it only forwards): an '
                            . 'address without a mailbox is rejected before routing, so it cannot '
                            . 'be routed']],
            ],
        ], $domain);
    }

    public function testDomainWithoutNextHopWarnsOnEachMarkedMailboxAndResolvesIsNull(): void
    {
        $this->world->store->addMark(2, new Mark(21, 'dave'));
        $this->world->sync->rebuild();

        $domain = $this->world->service->domain(TestCaller::admin(), 2);

        self::assertNull($domain['nextHop']);
        self::assertNull($domain['nextHopResolves']);
        self::assertSame('example-org.mail.protection.outlook.com', $domain['nextHopGuess']);
        self::assertSame('attention', $domain['state']);
        self::assertSame(['code' => 'no-next-hop', 'message' => 'example.org has 1 marked '
            . 'mailbox but no next hop: enter the MX value shown for it in the Microsoft 365 '
            . 'admin center'], $domain['accounts'][0]['warning']);
    }

    public function testRoutesMarksMailboxesAppliesOnceAndAnswersWhatIsInForce(): void
    {
        $answer = $this->world->service->changeRoutes(
            TestCaller::customer([1]),
            1,
            [' Alice@Example.COM ', 'carol@example.com'],
            true
        );

        self::assertSame(['results' => [
            ['address' => 'alice@example.com', 'routed' => true],
            ['address' => 'carol@example.com', 'routed' => true],
        ], 'state' => 'in-sync'], $answer);
        self::assertSame(1, $this->world->sync->rebuilds);
        self::assertEquals(
            [new Mark(12, 'bob'), new Mark(11, 'alice'), new Mark(13, 'carol')],
            $this->world->store->marks(1)
        );
        self::assertCount(1, $this->world->parts->audit);
        self::assertSame(
            'customer1 changed the marked mailboxes of example.com (domain 1) from '
            . '"bob@example.com" to "alice@example.com, bob@example.com, carol@example.com"',
            $this->world->parts->audit[0]->line()
        );
    }

    public function testRoutesRefusesAliasesForwardingUnknownAndInexactAddressesC1C7(): void
    {
        $answer = $this->world->service->changeRoutes(TestCaller::admin(), 1, [
            'sales@example.com',
            'info@example.com',
            'nobody@example.com',
            '*@example.com',
            'example.com',
            'dave@example.org',
        ], true);

        self::assertSame(['results' => [
            ['address' => 'sales@example.com', 'routed' => false, 'error' => [
                'code' => 'not-routable',
                'message' => 'sales@example.com is an alias of bob@example.com: aliases are '
                    . 'rewritten before routing; route bob@example.com instead',
            ]],
            ['address' => 'info@example.com', 'routed' => false, 'error' => [
                'code' => 'not-routable',
                'message' => 'info@example.com has no mailbox (it only forwards): an address '
                    . 'without a mailbox is rejected before routing, so it cannot be routed',
            ]],
            ['address' => 'nobody@example.com', 'routed' => false, 'error' => [
                'code' => 'not-found',
                'message' => 'nobody@example.com is not a mail account of example.com',
            ]],
            ['address' => '*@example.com', 'routed' => false, 'error' => [
                'code' => 'invalid-address',
                'message' => '"*@example.com" is not an exact address: wildcards are not routed',
            ]],
            ['address' => 'example.com', 'routed' => false, 'error' => [
                'code' => 'invalid-address',
                'message' => '"example.com" is not an exact address: a whole domain is never '
                    . 'routed, only exact addresses',
            ]],
            ['address' => 'dave@example.org', 'routed' => false, 'error' => [
                'code' => 'not-found',
                'message' => 'dave@example.org is not an address of example.com',
            ]],
        ], 'state' => 'in-sync'], $answer);
        self::assertSame(0, $this->world->sync->rebuilds);
        self::assertSame([], $this->world->parts->audit);
        self::assertEquals([new Mark(12, 'bob')], $this->world->store->marks(1));
    }

    public function testRoutesRefusesAddressesWithControlCharactersButTrimsSpaces(): void
    {
        $answer = $this->world->service->changeRoutes(TestCaller::admin(), 1, [
            "alice@example.com\n",
            "carol@example.com\0",
            ' carol@example.com ',
        ], true);

        self::assertSame(['results' => [
            ['address' => "alice@example.com\n", 'routed' => false, 'error' => [
                'code' => 'invalid-address',
                'message' => '"alice@example.com\n" is not a valid address: it contains the '
                    . 'control character U+000A (line feed); enter one address alone, without '
                    . 'tabs or line breaks',
            ]],
            ['address' => "carol@example.com\0", 'routed' => false, 'error' => [
                'code' => 'invalid-address',
                'message' => '"carol@example.com\u0000" is not a valid address: it contains the '
                    . 'control character U+0000 (NUL); enter one address alone, without tabs or '
                    . 'line breaks',
            ]],
            ['address' => 'carol@example.com', 'routed' => true],
        ], 'state' => 'in-sync'], $answer);
        self::assertEquals(
            [new Mark(12, 'bob'), new Mark(13, 'carol')],
            $this->world->store->marks(1)
        );
    }

    public function testRoutesAfterAFailedApplyShowsTheTruthAndKeepsTheMark(): void
    {
        $this->world->sync->failWith = 'postmap failed: /etc/postfix/m365-split-delivery: '
            . 'No space left on device';

        $answer = $this->world->service->changeRoutes(
            TestCaller::admin(),
            1,
            ['alice@example.com', 'bob@example.com'],
            false
        );

        $error = ['code' => 'apply-failed', 'message' => 'postmap failed: '
            . '/etc/postfix/m365-split-delivery: No space left on device'];
        self::assertSame(['results' => [
            ['address' => 'alice@example.com', 'routed' => false, 'error' => $error],
            ['address' => 'bob@example.com', 'routed' => true, 'error' => $error],
        ], 'state' => 'pending'], $answer);
        self::assertSame([], $this->world->store->marks(1));
    }

    public function testRoutesWithoutNextHopSaysSo(): void
    {
        $answer = $this->world->service->changeRoutes(
            TestCaller::admin(),
            2,
            ['dave@example.org'],
            true
        );

        self::assertSame(['results' => [
            ['address' => 'dave@example.org', 'routed' => false, 'error' => [
                'code' => 'no-next-hop',
                'message' => 'dave@example.org is marked, but example.org has no next hop: enter '
                    . 'the MX value shown for it in the Microsoft 365 admin center',
            ]],
        ], 'state' => 'attention'], $answer);
    }

    public function testUnroutingARenamedMailboxRemovesItsMarkById(): void
    {
        $this->world->store->removeMark(1, new Mark(12, 'bob'));
        $this->world->store->addMark(1, new Mark(12, 'robert'));

        $answer = $this->world->service->changeRoutes(
            TestCaller::admin(),
            1,
            ['bob@example.com'],
            false
        );

        self::assertSame(
            [['address' => 'bob@example.com', 'routed' => false]],
            $answer['results']
        );
        self::assertSame([], $this->world->store->marks(1));
    }

    public function testNextHopStoresThePastedMxValueC6AndApplies(): void
    {
        $this->world->parts->dns['adkakademie-de0i.mail.protection.outlook.com'] = true;

        $answer = $this->world->service->setNextHop(
            TestCaller::reseller([1]),
            1,
            '0 ADKAKADEMIE-DE0I.mail.protection.outlook.com.'
        );

        self::assertSame(
            ['nextHop' => 'adkakademie-de0i.mail.protection.outlook.com', 'resolves' => true],
            $answer
        );
        self::assertSame(
            'adkakademie-de0i.mail.protection.outlook.com',
            $this->world->store->nextHop(1)
        );
        self::assertSame(1, $this->world->sync->rebuilds);
        self::assertSame(
            'reseller1 changed the next hop of example.com (domain 1) from '
            . '"example-com.mail.protection.outlook.com" to '
            . '"adkakademie-de0i.mail.protection.outlook.com"',
            $this->world->parts->audit[0]->line()
        );
    }

    public function testNextHopThatDoesNotResolveIsRefusedAndNothingIsSaved(): void
    {
        $this->world->parts->dns['adkakademie-de0l.mail.protection.outlook.com'] = false;

        try {
            $this->world->service->setNextHop(
                TestCaller::reseller([1]),
                1,
                '0 ADKAKADEMIE-DE0L.mail.protection.outlook.com.'
            );
            self::fail('saved a next hop that does not resolve');
        } catch (ApiError $e) {
            self::assertSame('next-hop-not-found', $e->errorCode());
            self::assertSame('value', $e->field);
            self::assertSame(400, $e->httpStatus);
            $message = 'the next hop adkakademie-de0l.mail.protection.outlook.com of example.com '
                . 'does not resolve in DNS (no such host, or it has no address): copy the MX '
                . 'value shown for example.com in the Microsoft 365 admin center again';
            self::assertSame($message, $e->getMessage());
        }
        self::assertSame(
            'example-com.mail.protection.outlook.com',
            $this->world->store->nextHop(1)
        );
        self::assertSame(0, $this->world->sync->rebuilds);
        self::assertSame([], $this->world->parts->audit);
    }

    public function testNextHopThatCouldNotBeCheckedIsSavedAndSaysSo(): void
    {
        $answer = $this->world->service->setNextHop(
            TestCaller::admin(),
            2,
            'example-org.mail.protection.outlook.com'
        );

        self::assertSame(
            ['nextHop' => 'example-org.mail.protection.outlook.com', 'resolves' => null],
            $answer
        );
        self::assertSame(
            'example-org.mail.protection.outlook.com',
            $this->world->store->nextHop(2)
        );
        self::assertSame(1, $this->world->sync->rebuilds);
    }

    /** @return iterable<string, array{string}> */
    public static function notMicrosoftHosts(): iterable
    {
        yield 'empty' => [''];
        yield 'not microsoft' => ['mx.example.com'];
        yield 'smtp: transport' => ['smtp:'];
    }

    /** @dataProvider notMicrosoftHosts */
    public function testNextHopRefusesWhatIsNotAMicrosoftHostC8(string $value): void
    {
        try {
            $this->world->service->setNextHop(TestCaller::admin(), 1, $value);
            self::fail('accepted ' . $value);
        } catch (ApiError $e) {
            self::assertSame('invalid-next-hop', $e->errorCode());
            self::assertSame('value', $e->field);
            self::assertSame(400, $e->httpStatus);
        }
        self::assertSame(
            'example-com.mail.protection.outlook.com',
            $this->world->store->nextHop(1)
        );
        self::assertSame(0, $this->world->sync->rebuilds);
        self::assertSame([], $this->world->parts->audit);
    }

    public function testNextHopRefusesAControlCharacterInsteadOfTrimmingIt(): void
    {
        try {
            $this->world->service->setNextHop(
                TestCaller::admin(),
                1,
                "example-com.mail.protection.outlook.com.\r\n"
            );
            self::fail('accepted a value ending in CR LF');
        } catch (ApiError $e) {
            self::assertSame('invalid-next-hop', $e->errorCode());
            self::assertSame('value', $e->field);
            self::assertSame('next hop "example-com.mail.protection.outlook.com.\r\n" contains '
                . 'the control character U+000D (carriage return): paste only the MX value shown '
                . 'for the domain in the Microsoft 365 admin center', $e->getMessage());
        }
        self::assertSame(0, $this->world->sync->rebuilds);
        self::assertSame([], $this->world->parts->audit);
    }

    public function testNextHopSavedButNotAppliedIsAnError(): void
    {
        $this->world->sync->failWith = 'postfix check failed';

        try {
            $this->world->service->setNextHop(
                TestCaller::admin(),
                2,
                'example-org.mail.protection.outlook.com'
            );
            self::fail('no error');
        } catch (ApiError $e) {
            self::assertSame('apply-failed', $e->errorCode());
            self::assertSame('the next hop example-org.mail.protection.outlook.com of example.org '
                . 'is saved, but the map was not applied: postfix check failed', $e->getMessage());
        }
        self::assertSame(
            'example-org.mail.protection.outlook.com',
            $this->world->store->nextHop(2)
        );
    }

    public function testStatusAndApplyAnswerTheHelpersStatusAndLastApply(): void
    {
        $expected = [
            'first' => true,
            'path' => '/etc/postfix/m365-split-delivery/transport',
            'type' => 'hash',
            'routes' => 1,
            'sha256' => 'e3b0c442',
            'index' => 'fresh',
            'lastApply' => [
                'at' => '2024-05-06T07:08:09+00:00',
                'ok' => true,
                'message' => 'applied',
            ],
        ];

        self::assertSame($expected, $this->world->service->status(TestCaller::admin()));
        self::assertSame($expected, $this->world->service->apply(TestCaller::admin()));
        self::assertSame(1, $this->world->sync->rebuilds);
    }

    public function testApplyWhenTheDirectoryFailsIsDirectoryFailed(): void
    {
        $this->world->directory->failOn(1, new MailboxDirectoryError(
            'directory-unreadable',
            'the XML API answered error 1013 for example.com'
        ));

        try {
            $this->world->service->apply(TestCaller::admin());
            self::fail('no error');
        } catch (ApiError $e) {
            self::assertSame('directory-failed', $e->errorCode());
            self::assertSame('the map was not rebuilt: the XML API answered error 1013 for '
                . 'example.com', $e->getMessage());
        }
    }

    public function testServerNamesThisServer(): void
    {
        self::assertSame(
            ['hostname' => 'plesk.example.net', 'addresses' => ['203.0.113.10', '2001:db8::10']],
            $this->world->service->server(TestCaller::customer([]))
        );
    }
}
