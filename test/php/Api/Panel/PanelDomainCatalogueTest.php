<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Api\Panel;

use DateInterval;
use pm_ApiRpc_Service;
use pm_Domain;
use PleskExt\M365SplitDelivery\Api\ApiDispatcher;
use PleskExt\M365SplitDelivery\Api\ApiRequest;
use PleskExt\M365SplitDelivery\Api\ApiService;
use PleskExt\M365SplitDelivery\Api\CatalogueDomain;
use PleskExt\M365SplitDelivery\Plesk\Panel\AccountCountCache;
use PleskExt\M365SplitDelivery\Plesk\Panel\PanelDomainCatalogue;
use PleskExt\M365SplitDelivery\Plesk\XmlApiMailboxDirectory;
use PleskExt\M365SplitDelivery\Sync\JsonSyncJournal;
use PleskExt\M365SplitDelivery\Sync\LastApply;
use PleskExt\M365SplitDelivery\Sync\SyncJournal;
use PleskExt\M365SplitDelivery\Tests\Api\Support\FakeMapSync;
use PleskExt\M365SplitDelivery\Tests\Api\Support\FakeParts;
use PleskExt\M365SplitDelivery\Tests\Api\Support\TestCaller;
use PleskExt\M365SplitDelivery\Tests\Plesk\PleskTestCase;
use PleskExt\M365SplitDelivery\Tests\Support\InMemoryStore;
use PleskExt\M365SplitDelivery\Tests\Sync\FixedClock;

/**
 * The panel's domains that have mail: example.com (a mailbox and a forwarding-only account),
 * example.net (no mail accounts), bücher.example (one mailbox) and example.org (forwarding only).
 */
final class PanelDomainCatalogueTest extends PleskTestCase
{
    private JsonSyncJournal $journal;
    private FixedClock $clock;
    private string $cacheFile;

    protected function setUp(): void
    {
        parent::setUp();
        pm_Domain::add(1, 'example.com');
        pm_Domain::add(2, 'example.net');
        pm_Domain::add(3, 'xn--bcher-kva.example', 'bücher.example');
        pm_Domain::add(4, 'example.org');
        $this->mail->add(1, 11, 'alice');
        $this->mail->add(1, 14, 'info', false);
        $this->mail->add(3, 31, 'erik');
        $this->mail->add(4, 41, 'post', false);

        $this->journal = new JsonSyncJournal($this->dir->path . '/var/sync');
        $this->clock = new FixedClock('2024-05-06T07:00:00+00:00');
        $this->cacheFile = $this->dir->path . '/var/account-counts.json';
    }

    public function testListsOnlyDomainsWithMailAccountsReadInOneXmlApiCall(): void
    {
        self::assertEquals([
            new CatalogueDomain(1, 'example.com', 'example.com'),
            new CatalogueDomain(3, 'xn--bcher-kva.example', 'bücher.example'),
            new CatalogueDomain(4, 'example.org', 'example.org'),
        ], $this->catalogue()->mailDomains());

        $operation = static fn (int $id): string => '<get_info><filter><site-id>' . $id
            . '</site-id></filter><mailbox/><forwarding/><aliases/></get_info>';
        self::assertSame(
            ['<mail>' . $operation(1) . $operation(2) . $operation(3) . $operation(4) . '</mail>'],
            $this->requests()
        );
    }

    public function testCountsOfAPageComeFromTheSameReadAtNoFurtherCost(): void
    {
        $catalogue = $this->catalogue();
        $catalogue->mailDomains();

        self::assertSame([4 => 1, 1 => 2, 2 => 0], $catalogue->accountCounts([4, 1, 2]));
        self::assertCount(1, $this->requests());
    }

    public function testFindsADomainByIdOrSaysThereIsNone(): void
    {
        self::assertEquals(
            new CatalogueDomain(3, 'xn--bcher-kva.example', 'bücher.example'),
            $this->catalogue()->find(3)
        );
        self::assertNull($this->catalogue()->find(5));
    }

    public function testDomainsLeavesOutDomainsWithoutAccountsFromItemsAndTotal(): void
    {
        self::assertSame([200, ['status' => 'success', 'data' => ['items' => [
            ['id' => 3, 'name' => 'bücher.example', 'nextHop' => null, 'routed' => 0,
                'total' => 1, 'state' => 'in-sync'],
            ['id' => 1, 'name' => 'example.com', 'nextHop' => null, 'routed' => 0,
                'total' => 2, 'state' => 'in-sync'],
            ['id' => 4, 'name' => 'example.org', 'nextHop' => null, 'routed' => 0,
                'total' => 1, 'state' => 'in-sync'],
        ], 'total' => 3]]], $this->getDomains([]));
    }

    public function testDomainsSearchesSortsAndPagesTheDomainsThatHaveMail(): void
    {
        $names = static fn (array $answer): array => [
            array_column($answer[1]['data']['items'], 'name'),
            $answer[1]['data']['total'],
        ];

        self::assertSame([['example.org', 'example.com'], 3], $names($this->getDomains(
            ['page' => '1', 'pageSize' => '2', 'sort' => '-name']
        )));
        self::assertSame([['bücher.example'], 3], $names($this->getDomains(
            ['page' => '2', 'pageSize' => '2', 'sort' => '-name']
        )));
        self::assertSame([['example.com', 'example.org'], 2], $names($this->getDomains(
            ['search' => 'EXAMPLE.', 'sort' => 'name']
        )));
        self::assertSame([[], 0], $names($this->getDomains(['search' => 'example.net'])));
        self::assertSame([['example.com'], 1], $names($this->getDomainsAs(
            TestCaller::customer([1, 2]),
            []
        )));
    }

    public function testAFailedXmlApiCallIsDirectoryFailedNotAnEmptyList(): void
    {
        pm_ApiRpc_Service::instance()->answer = static fn (): string => '<packet><system>'
            . '<status>error</status><errcode>1001</errcode><errtext>Permission denied</errtext>'
            . '</system></packet>';

        self::assertSame([502, ['status' => 'error', 'errors' => [[
            'code' => 'directory-failed',
            'message' => 'cannot read the mail accounts of example.com, example.net, '
                . 'xn--bcher-kva.example, example.org: the XML API answered error 1001: '
                . 'Permission denied',
        ]]]], $this->getDomains([]));
        self::assertFileDoesNotExist($this->cacheFile);
    }

    public function testASiteWhoseOwnOperationAnswersAnErrorIsLeftOutOfTheList(): void
    {
        // As a site with its mail service turned off might answer: the others stay listed.
        $this->mail->failing[3] = [1013, 'Site does not exist'];

        $names = static fn (array $answer): array => [
            array_column($answer[1]['data']['items'], 'name'),
            $answer[1]['data']['total'],
        ];
        self::assertSame([['example.com', 'example.org'], 2], $names($this->getDomains(
            ['sort' => 'name']
        )));
    }

    public function testTheCountsAreKeptInTheVarDirectory(): void
    {
        $this->catalogue()->mailDomains();

        self::assertSame(
            '{"version":1,"readAt":1714978800,"change":null,'
                . '"counts":{"1":2,"2":0,"3":1,"4":1}}' . "\n",
            file_get_contents($this->cacheFile)
        );
        self::assertSame(['account-counts.json'], array_values(array_diff(
            scandir($this->dir->path . '/var') ?: [],
            ['.', '..']
        )));
    }

    public function testTheCacheServesOtherRequestsWithinItsLifetimeAndIsReadAgainAfter(): void
    {
        $this->catalogue()->mailDomains();
        $this->mail->add(2, 21, 'dave');

        $this->clock->now = $this->clock->now->add(new DateInterval('PT299S'));
        self::assertSame([1, 3, 4], $this->listedIds());
        self::assertCount(1, $this->requests());

        $this->clock->now = $this->clock->now->add(new DateInterval('PT1S'));
        self::assertSame([1, 2, 3, 4], $this->listedIds());
        self::assertCount(2, $this->requests());
    }

    public function testAMailEventNotedInTheJournalDropsTheCache(): void
    {
        $this->catalogue()->mailDomains();
        $this->mail->add(2, 21, 'dave');

        $this->journal->markPending(SyncJournal::EVERY_DOMAIN);

        self::assertSame([1, 2, 3, 4], $this->listedIds());
        self::assertSame([1, 2, 3, 4], $this->listedIds());
        self::assertCount(2, $this->requests());
    }

    public function testARebuildSinceTheReadDropsTheCache(): void
    {
        $this->catalogue()->mailDomains();
        $this->mail->delete(4, 41);

        // The event's own rebuild cleared the pending change before the list was asked for.
        $this->clock->now = $this->clock->now->add(new DateInterval('PT10S'));
        $this->journal->recordApply(new LastApply($this->clock->now, true, 'applied 0 routes'));
        $this->clock->now = $this->clock->now->add(new DateInterval('PT1S'));

        self::assertSame([1, 3], $this->listedIds());
        self::assertCount(2, $this->requests());
    }

    public function testAMalformedCacheIsReadAfresh(): void
    {
        mkdir($this->dir->path . '/var');
        file_put_contents($this->cacheFile, '{"version":1,"readAt":1714978800,"change":null,'
            . '"counts":{"1":"many"}}');

        self::assertSame([1, 3, 4], $this->listedIds());
        self::assertCount(1, $this->requests());
    }

    public function testACacheThatCannotBeWrittenStillLists(): void
    {
        // A file in the way of the var directory.
        file_put_contents($this->dir->path . '/var', 'not a directory');

        self::assertSame([1, 3, 4], $this->listedIds());
        self::assertSame([1, 3, 4], $this->listedIds());
        self::assertCount(2, $this->requests());
    }

    /** A catalogue as one request of the panel builds it. */
    private function catalogue(): PanelDomainCatalogue
    {
        return new PanelDomainCatalogue(
            new XmlApiMailboxDirectory(),
            new AccountCountCache($this->cacheFile, $this->journal, $this->clock)
        );
    }

    /** @return list<int> */
    private function listedIds(): array
    {
        return array_map(
            static fn (CatalogueDomain $domain): int => $domain->id,
            $this->catalogue()->mailDomains()
        );
    }

    /** @return list<string> */
    private function requests(): array
    {
        return pm_ApiRpc_Service::instance()->requests;
    }

    /**
     * @param array<string, string> $query
     * @return array{int, array<string, mixed>}
     */
    private function getDomains(array $query): array
    {
        return $this->getDomainsAs(TestCaller::admin(), $query);
    }

    /**
     * @param array<string, string> $query
     * @return array{int, array<string, mixed>}
     */
    private function getDomainsAs(TestCaller $caller, array $query): array
    {
        $directory = new XmlApiMailboxDirectory();
        $store = new InMemoryStore();
        $parts = new FakeParts();
        $service = new ApiService(
            $store,
            $directory,
            new FakeMapSync($store, $directory),
            new PanelDomainCatalogue(
                $directory,
                new AccountCountCache($this->cacheFile, $this->journal, $this->clock)
            ),
            $parts,
            $parts,
            $parts
        );
        $answer = (new ApiDispatcher($service, $parts))
            ->handle(new ApiRequest('domains', 'GET', $query, '', null), $caller);

        return [$answer->httpStatus, $answer->body];
    }
}
