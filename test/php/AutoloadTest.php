<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests;

use PHPUnit\Framework\TestCase;

final class AutoloadTest extends TestCase
{
    public function testLoadsAClassOfTheExtensionFromItsFolder(): void
    {
        self::assertTrue(class_exists('PleskExt\\M365SplitDelivery\\Routing\\NextHopGuess'));
    }

    public function testIgnoresAClassOfAnotherNamespace(): void
    {
        self::assertFalse(class_exists('Modules_M365SplitDelivery_NoSuchController'));
    }

    public function testFindsNoFileForAnUnknownClassOfTheExtension(): void
    {
        self::assertFalse(class_exists('PleskExt\\M365SplitDelivery\\Routing\\NoSuchClass'));
    }
}
