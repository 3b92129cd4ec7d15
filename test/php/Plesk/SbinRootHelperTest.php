<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Plesk;

use pm_ApiCli;
use PleskExt\M365SplitDelivery\Plesk\SbinRootHelper;
use PleskExt\M365SplitDelivery\Postfix\RootHelperError;
use PleskExt\M365SplitDelivery\Tests\Sync\RecordingRootHelper;

final class SbinRootHelperTest extends PleskTestCase
{
    public function testAppliesThroughCallSbinWithTheMapOnStdin(): void
    {
        pm_ApiCli::$sbin = new SbinHelper(new RecordingRootHelper());

        $result = (new SbinRootHelper())->apply("bob@example.com\tsmtp:[x.mx.microsoft]:25\n");

        self::assertSame(0, $result->exitCode);
        self::assertSame([[
            'name' => 'm365-split-delivery',
            'args' => ['apply'],
            'mode' => pm_ApiCli::RESULT_FULL,
            'env' => [],
            'stdin' => "bob@example.com\tsmtp:[x.mx.microsoft]:25\n",
        ]], pm_ApiCli::$calls);
    }

    public function testParsesStatus(): void
    {
        pm_ApiCli::$sbin = new SbinHelper(new RecordingRootHelper());

        self::assertSame([
            'first' => 'no',
            'path' => '/etc/postfix/m365-split-delivery/transport',
            'type' => 'hash',
            'routes' => '0',
            'sha256' => 'none',
            'index' => 'missing',
        ], (new SbinRootHelper())->status());
    }

    public function testAFailedStatusSaysWhy(): void
    {
        pm_ApiCli::$sbin = static fn (): array => [
            'code' => 2,
            'stdout' => '',
            'stderr' => "m365-split-delivery: MAIL_CONFIG: not root's\n",
        ];

        $this->expectException(RootHelperError::class);
        $this->expectExceptionMessage('the root helper m365-split-delivery failed on status '
            . "(exit 2): m365-split-delivery: MAIL_CONFIG: not root's");

        (new SbinRootHelper())->status();
    }

    public function testAHelperPleskCannotRunIsARootHelperError(): void
    {
        $this->expectException(RootHelperError::class);
        $this->expectExceptionMessage('cannot run the root helper m365-split-delivery remove: '
            . 'Unable to execute m365-split-delivery: no such utility');

        (new SbinRootHelper())->remove();
    }
}
