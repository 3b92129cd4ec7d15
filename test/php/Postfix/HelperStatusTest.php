<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Postfix;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Postfix\HelperStatus;
use PleskExt\M365SplitDelivery\Postfix\RootHelperError;

final class HelperStatusTest extends TestCase
{
    private const STATUS = "first=no\npath=/etc/postfix/m365-split-delivery/transport\ntype=lmdb\n"
        . "routes=0\nsha256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
        . "index=missing\n";

    public function testParsesEveryLineInTheHelpersOrder(): void
    {
        self::assertSame([
            'first' => 'no',
            'path' => '/etc/postfix/m365-split-delivery/transport',
            'type' => 'lmdb',
            'routes' => '0',
            'sha256' => 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
            'index' => 'missing',
        ], HelperStatus::parse(self::STATUS));
    }

    public function testKeepsAValueContainingAnEqualsSign(): void
    {
        self::assertSame('/etc/post=fix/t', HelperStatus::parse(str_replace(
            'path=/etc/postfix/m365-split-delivery/transport',
            'path=/etc/post=fix/t',
            self::STATUS
        ))['path']);
    }

    public function testRefusesALineThatIsNotNameEqualsValue(): void
    {
        try {
            HelperStatus::parse(self::STATUS . "postconf: fatal: bad\n");
            self::fail('parsed a line that is not name=value');
        } catch (RootHelperError $e) {
            self::assertSame(
                'the root helper answered status with an unexpected line "postconf: fatal: bad"',
                $e->getMessage()
            );
            self::assertSame('root-helper-answer', $e->errorCode());
        }
    }

    public function testNamesTheFieldsThatAreMissing(): void
    {
        $this->expectException(RootHelperError::class);
        $this->expectExceptionMessage('the root helper answered status without sha256, index');

        HelperStatus::parse("first=yes\npath=/x\ntype=hash\nroutes=1\n");
    }
}
