<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Sandbox;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Api\CatalogueDomain;
use PleskExt\M365SplitDelivery\Mail\JsonMailboxDirectory;
use PleskExt\M365SplitDelivery\Sandbox\JsonDomainCatalogue;
use PleskExt\M365SplitDelivery\Tests\Support\TempDir;

/** The sandbox lists, as the panel does, only the domains of accounts.json with mail accounts. */
final class JsonDomainCatalogueTest extends TestCase
{
    private TempDir $dir;
    private JsonDomainCatalogue $catalogue;

    public static function setUpBeforeClass(): void
    {
        // The sandbox's classes are loaded by its router, not by the extension's autoloader.
        require_once __DIR__ . '/../../../build/sandbox/server/JsonDomainCatalogue.php';
    }

    protected function setUp(): void
    {
        $this->dir = new TempDir();
        // Domains like the demo's, plus two it does not have: one without mail accounts, and one
        // with a forwarding-only account.
        $accounts = $this->dir->write('accounts.json', (string) json_encode(['domains' => [
            ['id' => 1, 'name' => 'example.com', 'accounts' => [
                ['id' => 11, 'name' => 'alice', 'kind' => 'mailbox', 'aliases' => []],
                ['id' => 14, 'name' => 'info', 'kind' => 'forwarding', 'aliases' => []],
            ]],
            ['id' => 2, 'name' => 'example.org', 'accounts' => [
                ['id' => 21, 'name' => 'dave', 'kind' => 'mailbox', 'aliases' => []],
            ]],
            ['id' => 5, 'name' => 'example.net', 'accounts' => []],
            ['id' => 6, 'name' => 'xn--bcher-kva.example', 'accounts' => [
                ['id' => 61, 'name' => 'post', 'kind' => 'forwarding', 'aliases' => []],
            ]],
        ]]));
        $this->catalogue = new JsonDomainCatalogue($accounts, new JsonMailboxDirectory($accounts));
    }

    protected function tearDown(): void
    {
        $this->dir->remove();
    }

    public function testListsOnlyDomainsWithAtLeastOneMailAccount(): void
    {
        self::assertEquals([
            new CatalogueDomain(1, 'example.com', 'example.com'),
            new CatalogueDomain(2, 'example.org', 'example.org'),
            new CatalogueDomain(6, 'xn--bcher-kva.example', 'bücher.example'),
        ], $this->catalogue->mailDomains());
    }

    public function testCountsTheAccountsOfForwardingOnlyDomainsToo(): void
    {
        self::assertSame([1 => 2, 6 => 1], $this->catalogue->accountCounts([1, 6]));
    }
}
