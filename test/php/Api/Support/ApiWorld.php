<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Api\Support;

use PleskExt\M365SplitDelivery\Api\ApiDispatcher;
use PleskExt\M365SplitDelivery\Api\ApiService;
use PleskExt\M365SplitDelivery\Mail\AccountKind;
use PleskExt\M365SplitDelivery\Mail\MailAccount;
use PleskExt\M365SplitDelivery\Mail\MailDomain;
use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Tests\Support\InMemoryDirectory;
use PleskExt\M365SplitDelivery\Tests\Support\PleskFixtureAccounts;
use PleskExt\M365SplitDelivery\Tests\Support\InMemoryStore;

/**
 * The demo world of the API tests: example.com (1) with alice, bob (alias sales), carol and
 * forwarding-only info, bob marked and in force; example.org (2) with dave, owned by someone
 * else; bücher.example (3) with one mailbox.
 */
final class ApiWorld
{
    public readonly InMemoryStore $store;
    public readonly InMemoryDirectory $directory;
    public readonly FakeMapSync $sync;
    public readonly InMemoryCatalogue $catalogue;
    public readonly FakeParts $parts;
    public readonly ApiService $service;
    public readonly ApiDispatcher $dispatcher;

    public function __construct()
    {
        $this->store = new InMemoryStore();
        $this->directory = (new InMemoryDirectory())
            ->add(PleskFixtureAccounts::exampleCom())
            ->add(PleskFixtureAccounts::exampleOrg())
            ->add(new MailDomain(3, 'xn--bcher-kva.example', [
                new MailAccount(31, 'erik', AccountKind::Mailbox, []),
            ]));
        $this->catalogue = (new InMemoryCatalogue($this->directory))
            ->add(1, 'example.com')
            ->add(2, 'example.org')
            ->add(3, 'xn--bcher-kva.example', 'bücher.example');
        $this->parts = new FakeParts();
        $this->sync = new FakeMapSync($this->store, $this->directory);

        $this->store->setNextHop(1, 'example-com.mail.protection.outlook.com');
        $this->store->addMark(1, new Mark(12, 'bob'));
        $this->sync->rebuild();
        $this->sync->rebuilds = 0;
        $this->directory->reads = [];

        $this->service = new ApiService(
            $this->store,
            $this->directory,
            $this->sync,
            $this->catalogue,
            $this->parts,
            $this->parts,
            $this->parts
        );
        $this->dispatcher = new ApiDispatcher($this->service, $this->parts);
    }
}
