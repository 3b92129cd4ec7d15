<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Sync;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Mail\AccountKind;
use PleskExt\M365SplitDelivery\Mail\MailAccount;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectoryError;
use PleskExt\M365SplitDelivery\Mail\MailDomain;
use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Routing\TransportMapRenderer;
use PleskExt\M365SplitDelivery\Sync\AccountWarning;
use PleskExt\M365SplitDelivery\Sync\DomainState;
use PleskExt\M365SplitDelivery\Sync\JsonSyncJournal;
use PleskExt\M365SplitDelivery\Sync\MapSynchroniser;
use PleskExt\M365SplitDelivery\Tests\Support\InMemoryDirectory;
use PleskExt\M365SplitDelivery\Tests\Support\PleskFixtureAccounts;
use PleskExt\M365SplitDelivery\Tests\Support\InMemoryStore;
use PleskExt\M365SplitDelivery\Tests\Support\TempDir;

final class MapSynchroniserTest extends TestCase
{
    private const HOP = 'example-com.mail.protection.outlook.com';
    private const LINE = "\tsmtp:[example-com.mail.protection.outlook.com]:25\n";

    private TempDir $dir;
    private InMemoryStore $store;
    private InMemoryDirectory $directory;
    private RecordingRootHelper $helper;
    private JsonSyncJournal $journal;
    private MemoryLog $log;
    private MapSynchroniser $sync;

    protected function setUp(): void
    {
        $this->dir = new TempDir();
        $this->store = new InMemoryStore();
        $this->directory = new InMemoryDirectory();
        $this->directory->add(PleskFixtureAccounts::exampleCom());
        $this->helper = new RecordingRootHelper();
        $this->journal = new JsonSyncJournal($this->dir->path . '/var');
        $this->log = new MemoryLog();
        $this->sync = new MapSynchroniser(
            $this->store,
            $this->directory,
            $this->helper,
            $this->journal,
            new FixedClock(),
            $this->log
        );
    }

    protected function tearDown(): void
    {
        $this->dir->remove();
    }

    private function markBobAndCarol(): void
    {
        $this->store->setNextHop(1, self::HOP);
        $this->store->addMark(1, new Mark(12, 'bob'));
        $this->store->addMark(1, new Mark(13, 'carol'));
        $this->sync->markPending(1);
    }

    public function testRebuildAppliesThePlannedMapAndRecordsWhatIsInForce(): void
    {
        $this->markBobAndCarol();
        self::assertSame(DomainState::Pending, $this->sync->domainState(1));

        $apply = $this->sync->rebuild();

        self::assertSame([true, 'applied 2 routes', '2024-05-06T07:08:09+00:00'], [
            $apply->ok, $apply->message, $apply->at->format(DATE_ATOM),
        ]);
        self::assertSame(
            [TransportMapRenderer::HEADER . 'bob@example.com' . self::LINE
                . 'carol@example.com' . self::LINE],
            $this->helper->applies
        );
        self::assertSame(
            ['bob@example.com', 'carol@example.com'],
            $this->sync->routedAddresses(1)
        );
        self::assertSame(DomainState::InSync, $this->sync->domainState(1));
        self::assertSame([], $this->journal->pending());
        self::assertSame(
            ['info: routed 2 mailboxes of example.com to ' . self::HOP
                . ': bob@example.com, carol@example.com'],
            $this->log->lines
        );
    }

    public function testARebuildOfAnUnchangedMapDoesNotCallApply(): void
    {
        $this->markBobAndCarol();
        $this->sync->rebuild();

        $apply = $this->sync->rebuild();

        self::assertSame([true, 'unchanged: 2 routes already in force'], [
            $apply->ok, $apply->message,
        ]);
        self::assertCount(1, $this->helper->applies);
    }

    public function testNothingIsAppliedWhileNothingIsRoutedAndNoMapWasEverApplied(): void
    {
        $apply = $this->sync->rebuild();

        self::assertSame(
            'nothing to apply: no routes, and no map was ever applied',
            $apply->message
        );
        self::assertSame([], $this->helper->applies);
        self::assertNull($this->sync->heal());
    }

    public function testADeletedMailboxLeavesTheMapAndItsMarkIsDroppedC2(): void
    {
        $this->markBobAndCarol();
        $this->sync->rebuild();
        $this->directory->add(PleskFixtureAccounts::exampleCom(13));

        $apply = $this->sync->rebuild();

        self::assertSame('applied 1 route', $apply->message);
        self::assertSame(
            TransportMapRenderer::HEADER . 'bob@example.com' . self::LINE,
            $this->helper->map
        );
        self::assertEquals([new Mark(12, 'bob')], $this->store->marks(1));
        self::assertSame(['bob@example.com'], $this->sync->routedAddresses(1));
        self::assertSame([
            'info: dropped 1 mark of example.com whose mail accounts no longer exist: '
                . 'carol@example.com',
            'info: stopped routing 1 mailbox of example.com: carol@example.com',
        ], array_slice($this->log->lines, 1));
    }

    public function testADirectoryErrorAbortsTheRebuildAndChangesNothing(): void
    {
        $this->markBobAndCarol();
        $this->sync->rebuild();
        $this->store->addMark(1, new Mark(11, 'alice'));
        $this->sync->markPending(1);
        $this->directory->failOn(1, new MailboxDirectoryError(
            'directory-unreadable',
            'cannot read the mail accounts of example.com: the XML API answered 1013 Object not '
            . 'found'
        ));

        try {
            $this->sync->rebuild();
            self::fail('the rebuild went on without the mail accounts');
        } catch (MailboxDirectoryError $e) {
            self::assertSame(
                'cannot read the mail accounts of example.com: the XML API answered 1013 '
                . 'Object not found',
                $e->getMessage()
            );
        }

        self::assertCount(1, $this->helper->applies);
        self::assertCount(3, $this->store->marks(1));
        self::assertSame('applied 2 routes', $this->journal->lastApply()?->message);
        self::assertSame(DomainState::Pending, $this->sync->domainState(1));
        self::assertSame('error: rebuild aborted, nothing changed: cannot read the mail accounts '
            . 'of example.com: the XML API answered 1013 Object not found', end(
                $this->log->lines
            ));
    }

    public function testAFailedApplyKeepsTheMarksPendingAndTheRoutesInForce(): void
    {
        $this->markBobAndCarol();
        $this->sync->rebuild();
        $this->store->addMark(1, new Mark(11, 'alice'));
        $this->sync->markPending(1);
        $this->helper->failWith = 'm365-split-delivery: postmap: No space left on device';

        $apply = $this->sync->rebuild();

        self::assertSame([false, 'm365-split-delivery: postmap: No space left on device'], [
            $apply->ok, $apply->message,
        ]);
        self::assertCount(3, $this->store->marks(1));
        self::assertSame(DomainState::Pending, $this->sync->domainState(1));
        self::assertSame(
            ['bob@example.com', 'carol@example.com'],
            $this->sync->routedAddresses(1)
        );
        self::assertSame('error: apply failed: m365-split-delivery: postmap: No space left on '
            . 'device; the map in force stays, changes stay pending', end($this->log->lines));

        $this->helper->failWith = null;
        self::assertSame('applied 3 routes', $this->sync->rebuild()->message);
        self::assertSame(DomainState::InSync, $this->sync->domainState(1));
    }

    public function testAChangeNotedWhileARebuildRunsStaysPending(): void
    {
        $this->markBobAndCarol();
        $seen = $this->journal->pending();
        $this->sync->markPending(1);

        $this->journal->clearPending($seen);

        self::assertSame(DomainState::Pending, $this->sync->domainState(1));
    }

    public function testAMarkFollowsARenameOfItsMailbox(): void
    {
        $this->markBobAndCarol();
        $this->directory->add(new MailDomain(1, 'example.com', [
            new MailAccount(12, 'robert', AccountKind::Mailbox, []),
            new MailAccount(13, 'carol', AccountKind::Mailbox, []),
        ]));

        $this->sync->rebuild();

        self::assertEquals(
            [new Mark(12, 'robert'), new Mark(13, 'carol')],
            $this->store->marks(1)
        );
        self::assertSame(
            ['carol@example.com', 'robert@example.com'],
            $this->sync->routedAddresses(1)
        );
        self::assertSame(
            'info: the mark of bob@example.com follows its rename to robert@example.com',
            $this->log->lines[0]
        );
    }

    public function testAMarkFollowsANewAccountIdAfterARestore(): void
    {
        $this->markBobAndCarol();
        $this->directory->add(new MailDomain(1, 'example.com', [
            new MailAccount(52, 'bob', AccountKind::Mailbox, []),
            new MailAccount(13, 'carol', AccountKind::Mailbox, []),
        ]));

        $this->sync->rebuild();

        self::assertEquals([new Mark(52, 'bob'), new Mark(13, 'carol')], $this->store->marks(1));
        self::assertSame(
            ['bob@example.com', 'carol@example.com'],
            $this->sync->routedAddresses(1)
        );
        self::assertSame('info: the mark of bob@example.com follows its new account id 52 (was '
            . '12, e.g. after a restore)', $this->log->lines[0]);
    }

    public function testAMarkedAliasGivesNoRouteAndTheDomainNeedsAttentionC1(): void
    {
        $this->store->setNextHop(1, self::HOP);
        $this->store->addMark(1, new Mark(98, 'sales'));
        $this->store->addMark(1, new Mark(12, 'bob'));

        $this->sync->rebuild();

        self::assertSame(
            TransportMapRenderer::HEADER . 'bob@example.com' . self::LINE,
            $this->helper->map
        );
        self::assertSame(DomainState::Attention, $this->sync->domainState(1));
        self::assertEquals([new AccountWarning(
            'sales@example.com',
            'alias',
            'sales@example.com is an alias of bob@example.com: aliases are rewritten before '
            . 'routing; route bob@example.com instead'
        )], $this->sync->warnings(1));
    }

    public function testADomainWithoutNextHopNeedsAttention(): void
    {
        $this->store->addMark(1, new Mark(12, 'bob'));

        $this->sync->rebuild();

        self::assertSame(DomainState::Attention, $this->sync->domainState(1));
        self::assertSame([[null, 'no-next-hop']], array_map(
            static fn (AccountWarning $w): array => [$w->address, $w->code],
            $this->sync->warnings(1)
        ));
    }

    public function testHealPutsOurMapFirstAgainAfterPleskRewroteMainCfC3(): void
    {
        $this->markBobAndCarol();
        $this->sync->rebuild();
        $this->helper->first = false;

        self::assertSame('no', $this->sync->status()->helper['first']);
        self::assertSame(DomainState::Attention, $this->sync->domainState(1));
        $apply = $this->sync->heal();

        self::assertSame('applied 2 routes', $apply?->message);
        self::assertCount(2, $this->helper->applies);
        self::assertSame('yes', $this->sync->status()->helper['first']);
        self::assertSame(DomainState::InSync, $this->sync->domainState(1));
        self::assertContains(
            'error: our map is not first in transport_maps (Plesk rewrote main.cf?): re-applying',
            $this->log->lines
        );
    }

    public function testHealReappliesAStaleIndexOrAnotherMap(): void
    {
        $this->markBobAndCarol();
        $this->sync->rebuild();

        $this->helper->index = 'stale';
        self::assertSame('applied 2 routes', $this->sync->heal()?->message);
        $this->helper->map = TransportMapRenderer::HEADER;
        self::assertSame('applied 2 routes', $this->sync->heal()?->message);
        self::assertCount(3, $this->helper->applies);
    }

    public function testHealDoesNothingWhenTheMapInForceIsTheDesiredOne(): void
    {
        $this->markBobAndCarol();
        $this->sync->rebuild();

        self::assertNull($this->sync->heal());
        self::assertCount(1, $this->helper->applies);
    }

    public function testStatusGivesTheHelpersLinesAndTheLastApply(): void
    {
        $this->markBobAndCarol();
        $this->sync->rebuild();

        $status = $this->sync->status();

        self::assertSame(['yes', '2', 'fresh'], [
            $status->helper['first'], $status->helper['routes'], $status->helper['index'],
        ]);
        self::assertSame('applied 2 routes', $status->lastApply?->message);
    }
}
