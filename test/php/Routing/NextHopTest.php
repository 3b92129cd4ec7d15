<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Routing;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Routing\InvalidDomainName;
use PleskExt\M365SplitDelivery\Routing\InvalidNextHop;
use PleskExt\M365SplitDelivery\Routing\NextHop;
use PleskExt\M365SplitDelivery\Routing\NextHopGuess;
use PleskExt\M365SplitDelivery\Tests\Support\Vectors;

final class NextHopTest extends TestCase
{
    private const EXPECTED = '(expected *.mail.protection.outlook.com, *.mx.microsoft, '
        . '*.mail.protection.office365.us or *.mail.protection.partner.outlook.cn)';

    /** @return array<string, array{0: string}> */
    public function validHosts(): array
    {
        return Vectors::rows(Vectors::load('grammar.json')['hosts']['valid']);
    }

    /** @dataProvider validHosts */
    public function testKeepsAHostAlreadyInNormalFormAsItIs(string $host): void
    {
        self::assertSame($host, NextHop::fromMxValue($host));
    }

    /** @return array<string, array{0: string, 1: string}> */
    public function pastedValues(): array
    {
        return [
            'as the admin center shows it' => [
                '0 ADKAKADEMIE-DE0I.mail.protection.outlook.com.',
                'adkakademie-de0i.mail.protection.outlook.com',
            ],
            'blanks around and a priority of 10' => [
                " \t10   Example-Com.mail.protection.outlook.com. \n",
                'example-com.mail.protection.outlook.com',
            ],
            'priority then a tab' => [
                "0\tcontoso-com.r-v1.mx.microsoft",
                'contoso-com.r-v1.mx.microsoft',
            ],
            'in brackets, as in a transport file' => [
                '[heigvd-ch01b.mail.protection.outlook.com]',
                'heigvd-ch01b.mail.protection.outlook.com',
            ],
            'GCC High' => [
                'CONTOSO-COM.MAIL.PROTECTION.OFFICE365.US.',
                'contoso-com.mail.protection.office365.us',
            ],
            '21Vianet' => [
                'contoso-com.mail.protection.partner.outlook.cn',
                'contoso-com.mail.protection.partner.outlook.cn',
            ],
        ];
    }

    /** @dataProvider pastedValues */
    public function testTakesTheBareLowerCaseHostOfAPastedMxValue(
        string $pasted,
        string $host
    ): void {
        self::assertSame($host, NextHop::fromMxValue($pasted));
    }

    /** @return array<string, array{0: string}> */
    public function notHosts(): array
    {
        return Vectors::rows([
            'mx.example.com',
            'mail.protection.outlook.com',
            'example-com.mail.protection.outlook.com.evil.example',
            'smtp:[example-com.mail.protection.outlook.com]:25',
            'example-com.mail.protection.outlook.com:25',
            '127.0.0.1',
            '0 0 example-com.mail.protection.outlook.com',
            'example-com.mail.protection.outlook.com..',
            'exa mple.mail.protection.outlook.com',
            '123456 example-com.mail.protection.outlook.com',
        ]);
    }

    /** @dataProvider notHosts */
    public function testRefusesAValueThatIsNotAMicrosoftHostNamingIt(string $value): void
    {
        try {
            NextHop::fromMxValue($value);
            self::fail('accepted ' . $value);
        } catch (InvalidNextHop $e) {
            self::assertSame(
                'next hop "' . $value . '" is not a Microsoft 365 host ' . self::EXPECTED,
                $e->getMessage()
            );
            self::assertSame('invalid-next-hop', $e->errorCode());
        }
    }

    public function testRefusesAnEmptyValueSayingThatMailWouldLoop(): void
    {
        $this->expectException(InvalidNextHop::class);
        $this->expectExceptionMessage(
            'next hop "" is empty: paste the MX value shown for the domain in the Microsoft 365 '
            . 'admin center (a route with no host would send mail back to this server)'
        );

        NextHop::fromMxValue(" \t ");
    }

    public function testQuotesControlCharactersOfARefusedValue(): void
    {
        $this->expectExceptionMessage('next hop "x\r\ny" is not a Microsoft 365 host');

        NextHop::fromMxValue("x\r\ny");
    }

    public function testOffersTheUsualHostOfADomainLabelledAsAGuess(): void
    {
        $guess = NextHop::guessForDomain('Example.COM');

        self::assertInstanceOf(NextHopGuess::class, $guess);
        self::assertSame('example.com', $guess->domain);
        self::assertSame('example-com.mail.protection.outlook.com', $guess->host);
        self::assertSame(
            'guess for example.com: example-com.mail.protection.outlook.com (confirm it against '
            . 'the MX value shown in the Microsoft 365 admin center: real hosts often differ)',
            $guess->label()
        );
    }

    public function testGuessesForAnInternationalisedDomainInPunycode(): void
    {
        self::assertSame(
            'xn--mller-kva-de.mail.protection.outlook.com',
            NextHop::guessForDomain('müller.de')?->host
        );
    }

    public function testOffersNoGuessWhenTheDomainMakesTooLongALabel(): void
    {
        self::assertNull(NextHop::guessForDomain(str_repeat('a', 60) . '.example'));
    }

    public function testRefusesToGuessForSomethingThatIsNotADomain(): void
    {
        $this->expectException(InvalidDomainName::class);

        NextHop::guessForDomain('*.example.com');
    }
}
