<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Api\Panel;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Api\CatalogueDomain;
use PleskExt\M365SplitDelivery\Mail\AccountKind;
use PleskExt\M365SplitDelivery\Mail\MailAccount;
use PleskExt\M365SplitDelivery\Mail\MailDomain;
use PleskExt\M365SplitDelivery\Plesk\Panel\PanelDomainCatalogue;
use PleskExt\M365SplitDelivery\Tests\Support\InMemoryDirectory;

final class PanelDomainCatalogueTest extends TestCase
{
    private InMemoryDirectory $directory;

    protected function setUp(): void
    {
        \pm_Domain::reset();
        \pm_Domain::add(1, 'example.com');
        \pm_Domain::add(3, 'xn--bcher-kva.example', 'bücher.example');
        $this->directory = (new InMemoryDirectory())->add(new MailDomain(1, 'example.com', [
            new MailAccount(11, 'alice', AccountKind::Mailbox, []),
            new MailAccount(14, 'info', AccountKind::Forwarding, []),
        ]));
    }

    protected function tearDown(): void
    {
        \pm_Domain::reset();
    }

    public function testListsThePanelsDomainsWithoutReadingMailAccounts(): void
    {
        $catalogue = new PanelDomainCatalogue($this->directory);

        self::assertEquals([
            new CatalogueDomain(1, 'example.com', 'example.com'),
            new CatalogueDomain(3, 'xn--bcher-kva.example', 'bücher.example'),
        ], $catalogue->mailDomains());
        self::assertSame([], $this->directory->reads);
    }

    public function testFindsADomainByIdOrSaysThereIsNone(): void
    {
        $catalogue = new PanelDomainCatalogue($this->directory);

        self::assertEquals(
            new CatalogueDomain(3, 'xn--bcher-kva.example', 'bücher.example'),
            $catalogue->find(3)
        );
        self::assertNull($catalogue->find(2));
    }

    public function testCountsTheAccountsOfAPageADomainWithoutMailHasNone(): void
    {
        $catalogue = new PanelDomainCatalogue($this->directory);

        self::assertSame([1 => 2, 3 => 0], $catalogue->accountCounts([1, 3]));
    }
}
