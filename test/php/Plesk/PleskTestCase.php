<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Plesk;

use pm_ApiCli;
use pm_ApiRpc_Service;
use pm_Context;
use pm_Domain;
use pm_Log;
use pm_Scheduler;
use pm_Settings;
use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Tests\Support\TempDir;

/**
 * A test against the doubles of Plesk's API, reset before each test: an empty server with the
 * extension initialised and a var directory of its own.
 */
abstract class PleskTestCase extends TestCase
{
    protected TempDir $dir;
    protected MailServer $mail;

    protected function setUp(): void
    {
        pm_Domain::reset();
        pm_Settings::reset();
        pm_ApiRpc_Service::reset();
        pm_ApiCli::reset();
        pm_Scheduler::reset();
        pm_Log::reset();
        pm_Context::reset();

        $this->dir = new TempDir();
        pm_Context::$varDir = $this->dir->path . '/var';
        pm_Context::init('m365-split-delivery');
        $this->mail = new MailServer();
        pm_ApiRpc_Service::instance()->answer = $this->mail->answer(...);
    }

    protected function tearDown(): void
    {
        $this->dir->remove();
    }
}
