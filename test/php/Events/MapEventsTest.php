<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Events;

use Modules_M365SplitDelivery_EventListener;
use pm_ApiCli;
use pm_Domain;
use pm_Log;
use PleskExt\M365SplitDelivery\Events\MapEvents;
use PleskExt\M365SplitDelivery\Plesk\DomainSettingsStore;
use PleskExt\M365SplitDelivery\Plesk\Extension;
use PleskExt\M365SplitDelivery\Plesk\PleskLog;
use PleskExt\M365SplitDelivery\Plesk\SbinRootHelper;
use PleskExt\M365SplitDelivery\Plesk\XmlApiMailboxDirectory;
use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Routing\TransportMapRenderer;
use PleskExt\M365SplitDelivery\Sync\DomainState;
use PleskExt\M365SplitDelivery\Sync\MapSynchroniser;
use PleskExt\M365SplitDelivery\Sync\SystemClock;
use PleskExt\M365SplitDelivery\Tests\Plesk\PleskTestCase;
use PleskExt\M365SplitDelivery\Tests\Plesk\SbinHelper;
use PleskExt\M365SplitDelivery\Tests\Sync\RecordingRootHelper;

/** Plesk's events through the listener, the Plesk adapters and the doubles of Plesk's API. */
final class MapEventsTest extends PleskTestCase
{
    private const HOP = 'example-com.mail.protection.outlook.com';

    private RecordingRootHelper $helper;
    private MapSynchroniser $sync;

    /** @var list<callable(): void> what would run when PHP shuts the request down */
    private array $atShutdown = [];

    private Modules_M365SplitDelivery_EventListener $listener;

    /** What plib/library/EventListener.php returned: a file Plesk loads once, so this does too. */
    private static mixed $fromFile = null;

    protected function setUp(): void
    {
        parent::setUp();
        pm_Domain::add(1, 'example.com');
        $this->helper = new RecordingRootHelper();
        pm_ApiCli::$sbin = new SbinHelper($this->helper);
        $this->sync = new MapSynchroniser(
            new DomainSettingsStore(),
            new XmlApiMailboxDirectory(),
            new SbinRootHelper(),
            Extension::journal(),
            new SystemClock(),
            new PleskLog()
        );
        $events = new MapEvents($this->sync, new PleskLog(), function (callable $callback): void {
            $this->atShutdown[] = $callback;
        });
        self::$fromFile ??= require __DIR__ . '/../../../plib/library/EventListener.php';
        $this->listener = new Modules_M365SplitDelivery_EventListener($events);
    }

    /** Marks $count mailboxes of example.com (ids 1001…) and applies them. */
    private function markMailboxes(int $count): void
    {
        $marks = [];
        for ($i = 1; $i <= $count; $i++) {
            $this->mail->add(1, 1000 + $i, 'user' . $i);
            $marks[] = new Mark(1000 + $i, 'user' . $i);
        }
        $this->mail->add(1, 12, 'bob');
        $marks[] = new Mark(12, 'bob');
        $store = new DomainSettingsStore();
        $store->setNextHop(1, self::HOP);
        $store->replaceMarks(1, $marks);
        $this->sync->rebuild();
    }

    private function shutDown(): void
    {
        foreach ($this->atShutdown as $callback) {
            $callback();
        }
    }

    public function testAThousandDeletedMailboxesAreOneApplyThatNoLongerRoutesThem(): void
    {
        $this->markMailboxes(1000);
        self::assertCount(1, $this->helper->applies);

        for ($i = 1; $i <= 1000; $i++) {
            $this->mail->delete(1, 1000 + $i);
            $this->listener->handleEvent('mailname', (string) (1000 + $i), 'mailname_delete', [
                'Mailname' => 'user' . $i . '@example.com',
            ], []);
        }
        self::assertCount(1, $this->atShutdown);
        self::assertSame(DomainState::Pending, $this->sync->domainState(1));
        $this->shutDown();

        self::assertCount(2, $this->helper->applies);
        self::assertSame(
            TransportMapRenderer::HEADER . "bob@example.com\tsmtp:[" . self::HOP . "]:25\n",
            $this->helper->applies[1]
        );
        self::assertEquals([new Mark(12, 'bob')], (new DomainSettingsStore())->marks(1));
        self::assertSame(DomainState::InSync, $this->sync->domainState(1));
        self::assertContains('info: m365-split-delivery: stopped routing 1,000 mailboxes of '
            . 'example.com: user1000@example.com, user100@example.com, user101@example.com, '
            . 'user102@example.com, user103@example.com, user104@example.com, '
            . 'user105@example.com, user106@example.com, user107@example.com, '
            . 'user108@example.com and 990 more', pm_Log::$lines);
    }

    public function testAnEventDuringAFailingApplyLeavesTheDomainPending(): void
    {
        $this->markMailboxes(2);
        $this->helper->failWith = 'm365-split-delivery: postmap: No space left on device';

        $this->mail->delete(1, 1001);
        $this->listener->handleEvent('mailname', '1001', 'mailname_delete', [], []);
        $this->shutDown();

        self::assertCount(2, $this->helper->applies);
        self::assertSame(DomainState::Pending, $this->sync->domainState(1));
        self::assertSame(
            ['bob@example.com', 'user1@example.com', 'user2@example.com'],
            $this->sync->routedAddresses(1)
        );
        self::assertSame('err: m365-split-delivery: apply failed: m365-split-delivery: postmap: '
            . 'No space left on device; the map in force stays, changes stay pending', end(
                pm_Log::$lines
            ));
    }

    public function testARebuildThatCannotReadTheMailAccountsIsLoggedAndRetriedLater(): void
    {
        $this->markMailboxes(1);
        $this->mail->failing[1] = [1013, 'Site does not exist'];

        $this->listener->handleEvent('mailname', '12', 'mailname_update', [], []);
        $this->shutDown();

        self::assertCount(1, $this->helper->applies);
        self::assertSame(DomainState::Pending, $this->sync->domainState(1));
        self::assertSame('err: m365-split-delivery: rebuild after changes in the panel failed: '
            . 'cannot read the mail accounts of example.com: the XML API answered error 1013: '
            . 'Site does not exist', end(pm_Log::$lines));
    }

    public function testAnEventOfNoInterestDoesNothing(): void
    {
        $this->markMailboxes(1);

        $this->listener->handleEvent('client', '3', 'client_update', [], []);

        self::assertSame([], $this->atShutdown);
        self::assertSame(DomainState::InSync, $this->sync->domainState(1));
    }

    public function testTheListenerFileReturnsAListenerOfTheMailAndDomainEvents(): void
    {
        $listener = self::$fromFile;

        self::assertInstanceOf(Modules_M365SplitDelivery_EventListener::class, $listener);
        self::assertSame([
            'mailname_create', 'mailname_update', 'mailname_delete',
            'forwarding_create', 'forwarding_update', 'forwarding_delete',
            'domain_create', 'domain_update', 'domain_delete',
            'site_create', 'site_update', 'site_delete',
            'domain_alias_create', 'domain_alias_update', 'domain_alias_delete',
            'site_alias_create', 'site_alias_update', 'site_alias_delete',
            'mail_management_status_update',
        ], $listener->filterActions());
    }
}
