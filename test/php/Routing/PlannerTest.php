<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Routing;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Mail\AccountKind;
use PleskExt\M365SplitDelivery\Mail\MailAccount;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectoryError;
use PleskExt\M365SplitDelivery\Mail\MailDomain;
use PleskExt\M365SplitDelivery\Routing\GoneMark;
use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Routing\Plan;
use PleskExt\M365SplitDelivery\Routing\Planner;
use PleskExt\M365SplitDelivery\Routing\PlanWarning;
use PleskExt\M365SplitDelivery\Routing\Route;
use PleskExt\M365SplitDelivery\Tests\Support\InMemoryDirectory;
use PleskExt\M365SplitDelivery\Tests\Support\PleskFixtureAccounts;
use PleskExt\M365SplitDelivery\Tests\Support\InMemoryStore;

final class PlannerTest extends TestCase
{
    private const COM_HOST = 'example-com.mail.protection.outlook.com';
    private const ORG_HOST = 'example-org.mail.protection.outlook.com';

    private InMemoryDirectory $directory;
    private InMemoryStore $store;

    protected function setUp(): void
    {
        // The accounts of the Plesk fixtures: sales@ is bob's alias, info@ only forwards.
        $this->directory = (new InMemoryDirectory())
            ->add(PleskFixtureAccounts::exampleCom())
            ->add(PleskFixtureAccounts::exampleOrg());
        $this->store = new InMemoryStore();
        $this->store->setNextHop(1, self::COM_HOST);
        $this->store->setNextHop(2, self::ORG_HOST);
    }

    public function testRoutesEachMarkedMailboxToItsDomainsNextHop(): void
    {
        $this->store->addMark(1, new Mark(12, 'bob'));
        $this->store->addMark(1, new Mark(13, 'carol'));
        $this->store->addMark(2, new Mark(21, 'dave'));

        self::assertEquals(new Plan([
            new Route('bob@example.com', self::COM_HOST),
            new Route('carol@example.com', self::COM_HOST),
            new Route('dave@example.org', self::ORG_HOST),
        ], [], []), $this->plan());
    }

    public function testPlansNothingWithoutMarksAndReadsNoDomain(): void
    {
        self::assertEquals(new Plan([], [], []), $this->plan());
        self::assertSame([], $this->directory->reads);
    }

    public function testFollowsARenamedMailboxByItsId(): void
    {
        $this->store->addMark(1, new Mark(12, 'bobby'));

        self::assertEquals([new Route('bob@example.com', self::COM_HOST)], $this->plan()->routes);
    }

    public function testFindsAMailboxByItsLocalPartWhenARestoreChangedItsId(): void
    {
        $this->store->addMark(1, new Mark(99, 'carol'));

        self::assertEquals(
            new Plan([new Route('carol@example.com', self::COM_HOST)], [], []),
            $this->plan()
        );
    }

    public function testRoutesTheMailboxAndNotTheAliasWhenAnAliasIsMarked(): void
    {
        $this->store->addMark(1, new Mark(98, 'sales'));

        self::assertEquals(new Plan([], [new PlanWarning(
            'alias',
            'sales@example.com is an alias of bob@example.com: aliases are rewritten before '
            . 'routing; route bob@example.com instead',
            1,
            'sales@example.com'
        )], []), $this->plan());
    }

    public function testGivesAForwardingOnlyAccountNoRouteAndSaysWhy(): void
    {
        $this->store->addMark(1, new Mark(14, 'info'));
        $this->store->addMark(1, new Mark(11, 'alice'));

        self::assertEquals(new Plan(
            [new Route('alice@example.com', self::COM_HOST)],
            [new PlanWarning(
                'forwarding-only',
                'info@example.com has no mailbox (it only forwards): an address without a mailbox '
                . 'is rejected before routing, so it is not routed',
                1,
                'info@example.com'
            )],
            []
        ), $this->plan());
    }

    public function testReportsAMarkWhoseAccountIsGoneWithoutChangingOtherRoutes(): void
    {
        $this->store->addMark(1, new Mark(12, 'bob'));
        $this->store->addMark(1, new Mark(77, 'zoe'));
        $this->store->addMark(2, new Mark(21, 'dave'));

        $plan = $this->plan();

        self::assertEquals([
            new Route('bob@example.com', self::COM_HOST),
            new Route('dave@example.org', self::ORG_HOST),
        ], $plan->routes);
        self::assertSame([], $plan->warnings);
        self::assertEquals([new GoneMark(1, 'example.com', new Mark(77, 'zoe'))], $plan->goneMarks);
        self::assertSame(
            'zoe@example.com (account 77) no longer exists in example.com',
            $plan->goneMarks[0]->message()
        );
    }

    public function testRoutesNothingOfADomainWithoutNextHopAndSaysSo(): void
    {
        $this->store->setNextHop(2, null);
        $this->store->addMark(1, new Mark(12, 'bob'));
        $this->store->addMark(2, new Mark(21, 'dave'));

        self::assertEquals(new Plan(
            [new Route('bob@example.com', self::COM_HOST)],
            [new PlanWarning(
                'no-next-hop',
                'example.org has 1 marked mailbox but no next hop: enter the MX value shown for it '
                . 'in the Microsoft 365 admin center',
                2,
                null
            )],
            []
        ), $this->plan());
    }

    public function testCountsTheMarkedMailboxesOfADomainWithoutNextHop(): void
    {
        $this->store->setNextHop(1, null);
        $this->store->addMark(1, new Mark(12, 'bob'));
        $this->store->addMark(1, new Mark(13, 'carol'));

        self::assertSame(
            'example.com has 2 marked mailboxes but no next hop: enter the MX value shown for it '
            . 'in the Microsoft 365 admin center',
            $this->plan()->warnings[0]->message
        );
    }

    public function testStillFindsGoneMarksAndAliasesOfADomainWithoutNextHop(): void
    {
        $this->store->setNextHop(1, null);
        $this->store->addMark(1, new Mark(77, 'zoe'));
        $this->store->addMark(1, new Mark(98, 'sales'));

        $plan = $this->plan();

        self::assertSame([], $plan->routes);
        self::assertSame(
            ['alias'],
            array_map(static fn (PlanWarning $w): string => $w->code, $plan->warnings)
        );
        self::assertEquals([new GoneMark(1, 'example.com', new Mark(77, 'zoe'))], $plan->goneMarks);
    }

    public function testRoutesAMailboxMarkedTwiceOnce(): void
    {
        $this->store->addMark(1, new Mark(12, 'bob'));
        $this->store->addMark(1, new Mark(55, 'bob'));

        self::assertEquals(new Plan(
            [new Route('bob@example.com', self::COM_HOST)],
            [new PlanWarning(
                'duplicate-mark',
                'bob@example.com is marked more than once: it is routed once',
                1,
                'bob@example.com'
            )],
            []
        ), $this->plan());
    }

    public function testKeepsButDoesNotRouteTheMarksOfAnUnknownDomain(): void
    {
        $this->store->addMark(7, new Mark(71, 'eve'));
        $this->store->addMark(7, new Mark(72, 'frank'));
        $this->store->addMark(1, new Mark(12, 'bob'));

        self::assertEquals(new Plan(
            [new Route('bob@example.com', self::COM_HOST)],
            [new PlanWarning(
                'unknown-domain',
                'domain 7 is not in the test directory: 2 marks kept, not routed',
                7,
                null
            )],
            []
        ), $this->plan());
    }

    public function testSaysOneMarkOfAnUnknownDomainInTheSingular(): void
    {
        $this->store->addMark(7, new Mark(71, 'eve'));

        self::assertSame(
            'domain 7 is not in the test directory: 1 mark kept, not routed',
            $this->plan()->warnings[0]->message
        );
    }

    public function testGivesAMailboxWhoseNameIsOutsideTheGrammarNoRoute(): void
    {
        $this->directory->add(new MailDomain(3, 'example.net', [
            new MailAccount(31, 'o#neil', AccountKind::Mailbox, []),
        ]));
        $this->store->setNextHop(3, 'example-net.mail.protection.outlook.com');
        $this->store->addMark(3, new Mark(31, 'oneil'));

        self::assertEquals(new Plan([], [new PlanWarning(
            'invalid-address',
            '"o#neil@example.net" is not a valid address: the local part may only contain a-z, 0-9 '
            . 'and '
            . ".!$%&'*+/=?^_`{|}~- (lower case, no #): not routed",
            3,
            'o#neil@example.net'
        )], []), $this->plan());
    }

    public function testAbortsTheWholePlanWhenADomainCannotBeRead(): void
    {
        $failure = new MailboxDirectoryError(
            'directory-unreadable',
            'cannot read the mail accounts'
        );
        $this->directory->failOn(2, $failure);
        $this->store->addMark(1, new Mark(12, 'bob'));
        $this->store->addMark(2, new Mark(99, 'gone'));

        try {
            $this->plan();
            self::fail('planned with a domain that could not be read');
        } catch (MailboxDirectoryError $e) {
            self::assertSame($failure, $e);
        }
    }

    private function plan(): Plan
    {
        return (new Planner($this->directory))->plan($this->store);
    }
}
