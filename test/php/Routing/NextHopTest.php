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
            'spaces around and a priority of 10' => [
                '  10   Example-Com.mail.protection.outlook.com. ',
                'example-com.mail.protection.outlook.com',
            ],
            'priority then a space' => [
                '0 contoso-com.r-v1.mx.microsoft',
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

        NextHop::fromMxValue('   ');
    }

    /** @return array<string, array{0: string, 1: string}> */
    public function valuesWithControlCharacters(): array
    {
        $host = 'example-com.mail.protection.outlook.com';
        $paste = ': paste only the MX value shown for the domain in the Microsoft 365 admin center';

        return [
            'line feed at the end' => [
                $host . "\n",
                'next hop "' . $host . '\n" contains the control character U+000A (line feed)'
                . $paste,
            ],
            'carriage return and line feed inside' => [
                "x\r\ny",
                'next hop "x\r\ny" contains the control character U+000D (carriage return)'
                . $paste,
            ],
            'tab after the priority' => [
                "0\t" . $host,
                'next hop "0\t' . $host . '" contains the control character U+0009 (tab)'
                . $paste,
            ],
            'tab before' => [
                "\t" . $host,
                'next hop "\t' . $host . '" contains the control character U+0009 (tab)'
                . $paste,
            ],
            'NUL after the trailing dot' => [
                $host . ".\0",
                'next hop "' . $host . '.\u0000" contains the control character U+0000 (NUL)'
                . $paste,
            ],
            'escape inside' => [
                "example-com\x1b.mail.protection.outlook.com",
                'next hop "example-com\u001b.mail.protection.outlook.com" contains the control '
                . 'character U+001B (escape)' . $paste,
            ],
            'DEL at the end' => [
                $host . "\x7f",
                'next hop "' . $host . '\u007f" contains the control character U+007F (delete)'
                . $paste,
            ],
            'only blanks and a tab' => [
                " \t ",
                'next hop " \t " contains the control character U+0009 (tab)' . $paste,
            ],
        ];
    }

    /** @dataProvider valuesWithControlCharacters */
    public function testRefusesAControlCharacterAnywhereInsteadOfTrimmingIt(
        string $value,
        string $message
    ): void {
        try {
            NextHop::fromMxValue($value);
            self::fail('accepted ' . json_encode($value));
        } catch (InvalidNextHop $e) {
            self::assertSame($message, $e->getMessage());
            self::assertSame('invalid-next-hop', $e->errorCode());
        }
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
