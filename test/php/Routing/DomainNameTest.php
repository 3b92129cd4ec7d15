<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Routing;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Routing\DomainName;
use PleskExt\M365SplitDelivery\Routing\InvalidDomainName;

final class DomainNameTest extends TestCase
{
    public function testLowerCasesAndTrimsAnAsciiName(): void
    {
        self::assertSame('example.com', DomainName::normalise(" Example.COM\n"));
    }

    public function testConvertsAnInternationalisedNameToPunycode(): void
    {
        self::assertSame('xn--mller-kva.example', DomainName::normalise('Müller.example'));
    }

    public function testRefusesANameOutsideTheGrammarSayingWhy(): void
    {
        $this->expectException(InvalidDomainName::class);
        $this->expectExceptionMessage(
            'domain "localhost" is not valid: the domain needs two labels or more (a bare host '
            . 'name is not routed)'
        );

        DomainName::normalise('localhost');
    }

    public function testRefusesAnInternationalisedNameThatCannotBeConverted(): void
    {
        try {
            DomainName::normalise('mü ller.example');
            self::fail('accepted a blank inside an internationalised name');
        } catch (InvalidDomainName $e) {
            self::assertSame(
                'domain "mü ller.example" is not a valid internationalised domain name',
                $e->getMessage()
            );
            self::assertSame('invalid-domain', $e->errorCode());
        }
    }
}
