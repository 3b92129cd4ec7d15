<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Postfix;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Postfix\HelperResult;

final class HelperResultTest extends TestCase
{
    public function testIsOkOnlyOnExitZero(): void
    {
        self::assertTrue((new HelperResult(0, "applied routes=2\n", ''))->ok());
        self::assertFalse(
            (new HelperResult(1, '', "m365-split-delivery: postmap: failed\n"))->ok()
        );
        self::assertFalse((new HelperResult(2, '', ''))->ok());
    }

    public function testGivesTheHelpersFirstLineOnStderrAsItsMessage(): void
    {
        $result = new HelperResult(
            0,
            "applied routes=2\n",
            "\nm365-split-delivery: warning: reload failed\nsecond line\n"
        );

        self::assertSame('m365-split-delivery: warning: reload failed', $result->message());
    }

    public function testFallsBackToTheFirstLineOnStdout(): void
    {
        self::assertSame(
            'unchanged routes=2',
            (new HelperResult(0, "unchanged routes=2\nx\n", " \n"))->message()
        );
    }

    public function testHasAnEmptyMessageWhenTheHelperSaidNothing(): void
    {
        self::assertSame('', (new HelperResult(0, '', ''))->message());
    }
}
