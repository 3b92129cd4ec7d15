<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Scripts;

use Modules_M365SplitDelivery_Repair_Mail;
use pm_ApiCli;
use pm_Domain;
use pm_Log;
use pm_Scheduler;
use pm_Settings;
use PleskExt\M365SplitDelivery\Plesk\DomainSettingsStore;
use PleskExt\M365SplitDelivery\Plesk\Extension;
use PleskExt\M365SplitDelivery\Postfix\RootHelperError;
use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Tests\Plesk\PleskTestCase;
use PleskExt\M365SplitDelivery\Tests\Plesk\SbinHelper;
use PleskExt\M365SplitDelivery\Tests\Sync\RecordingRootHelper;

/** plib/scripts/ and the mail-repair hook, run as Plesk runs them, on the doubles of its API. */
final class LifecycleTest extends PleskTestCase
{
    private const SCRIPTS = __DIR__ . '/../../../plib/scripts/';

    private RecordingRootHelper $helper;

    protected function setUp(): void
    {
        parent::setUp();
        $this->helper = new RecordingRootHelper();
        pm_ApiCli::$sbin = new SbinHelper($this->helper);
        pm_Domain::add(1, 'example.com');
        $this->mail->add(1, 12, 'bob');
        $store = new DomainSettingsStore();
        $store->setNextHop(1, 'example-com.mail.protection.outlook.com');
        $store->addMark(1, new Mark(12, 'bob'));
    }

    private static function runScript(string $script): void
    {
        require self::SCRIPTS . $script;
    }

    public function testPostInstallSchedulesTheCheckOnceAndAppliesNothing(): void
    {
        self::runScript('post-install.php');
        self::runScript('post-install.php');

        $tasks = pm_Scheduler::getInstance()->listTasks();
        self::assertCount(1, $tasks);
        self::assertSame(['check.php', [
            'minute' => '*/5', 'hour' => '*', 'dom' => '*', 'month' => '*', 'dow' => '*',
        ]], [$tasks[0]->getCmd(), $tasks[0]->getSchedule()]);
        self::assertSame(['checkTaskId' => $tasks[0]->getId()], pm_Settings::all());
        self::assertSame([], pm_ApiCli::$calls);
    }

    public function testPostInstallSchedulesTheCheckAgainWhenItWasRemovedByHand(): void
    {
        self::runScript('post-install.php');
        $task = pm_Scheduler::getInstance()->listTasks()[0];
        pm_Scheduler::getInstance()->removeTask($task);

        self::runScript('post-install.php');

        self::assertCount(1, pm_Scheduler::getInstance()->listTasks());
    }

    public function testPreUninstallRemovesOurMapAndTheCheck(): void
    {
        self::runScript('post-install.php');
        Extension::mapSync()->rebuild();

        self::runScript('pre-uninstall.php');

        self::assertSame([1, null, false], [
            $this->helper->removes, $this->helper->map, $this->helper->first,
        ]);
        self::assertSame([], pm_Scheduler::getInstance()->listTasks());
        self::assertSame([], pm_Settings::all());
        self::assertSame(
            'info: m365-split-delivery: uninstalled: our map is out of transport_maps',
            end(pm_Log::$lines)
        );
    }

    public function testPreUninstallFailsLoudlyWhenTheMapCannotBeTakenOut(): void
    {
        pm_ApiCli::$sbin = static fn (): array => [
            'code' => 1, 'stdout' => '', 'stderr' => "m365-split-delivery: postconf: main.cf is "
                . "read-only\n",
        ];

        $this->expectException(RootHelperError::class);
        $this->expectExceptionMessage('cannot take our map out of transport_maps (exit 1): '
            . 'm365-split-delivery: postconf: main.cf is read-only');

        self::runScript('pre-uninstall.php');
    }

    public function testTheScheduledCheckPutsOurMapFirstAgainC3(): void
    {
        Extension::mapSync()->rebuild();
        $this->helper->first = false;

        self::assertSame(0, Extension::maintenance()->check());

        self::assertSame([true, 2], [$this->helper->first, count($this->helper->applies)]);
        self::assertSame(0, Extension::maintenance()->check());
        self::assertCount(2, $this->helper->applies);
    }

    public function testTheScheduledCheckFailsWhenTheApplyFails(): void
    {
        $this->helper->failWith = 'm365-split-delivery: postmap: No space left on device';

        self::assertSame(1, Extension::maintenance()->check());
    }

    public function testPleskRepairMailReappliesOurMap(): void
    {
        Extension::mapSync()->rebuild();
        $this->helper->first = false;
        require_once __DIR__ . '/../../../plib/hooks/Repair/Mail.php';

        (new Modules_M365SplitDelivery_Repair_Mail())->repairDomains(['example.com']);

        self::assertSame([true, 2], [$this->helper->first, count($this->helper->applies)]);
        self::assertSame(
            'info: m365-split-delivery: plesk repair mail: applied 1 route',
            end(pm_Log::$lines)
        );
    }
}
