<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Quote;

final class QuoteTest extends TestCase
{
    public function testQuotesAValueWithItsControlCharactersVisible(): void
    {
        self::assertSame('"a\tb\n/ü\""', Quote::value("a\tb\n/ü\""));
    }

    public function testReplacesBytesThatAreNotUtf8InsteadOfFailing(): void
    {
        self::assertSame("\"b\u{fffd}b\"", Quote::value("b\xffb"));
    }
}
