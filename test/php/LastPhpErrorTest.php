<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\LastPhpError;

final class LastPhpErrorTest extends TestCase
{
    public function testGivesTheCauseWithoutTheFunctionAndPath(): void
    {
        @file_get_contents('/nonexistent/m365-split-delivery/x');

        self::assertSame('No such file or directory', LastPhpError::cause());
    }

    public function testGivesAMessageWithoutColonsWhole(): void
    {
        @trigger_error('disk full', E_USER_WARNING);

        self::assertSame('disk full', LastPhpError::cause());
    }
}
