<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Routing;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Routing\Address;
use PleskExt\M365SplitDelivery\Routing\InvalidAddress;
use PleskExt\M365SplitDelivery\Tests\Support\Vectors;

final class AddressTest extends TestCase
{
    /** @return array<string, array{0: string}> */
    public function validKeys(): array
    {
        return Vectors::rows(Vectors::load('grammar.json')['keys']['valid']);
    }

    /** @dataProvider validKeys */
    public function testKeepsAnAddressAlreadyInNormalFormAsItIs(string $key): void
    {
        self::assertSame($key, Address::normalise($key));
    }

    /** @return array<string, array{0: string, 1: string}> */
    public function typedAddresses(): array
    {
        return [
            'upper case' => ['Bob@Example.COM', 'bob@example.com'],
            'spaces around, as pasted' => ['  bob@example.com ', 'bob@example.com'],
            'IDN domain' => ['bob@müller.example', 'bob@xn--mller-kva.example'],
            'IDN domain in upper case' => ['BOB@MÜLLER.EXAMPLE', 'bob@xn--mller-kva.example'],
            'sharp s kept (non-transitional)' => [
                'bob@straße.example',
                'bob@xn--strae-oqa.example',
            ],
            'plus address' => ['Bob+Invoices@example.com', 'bob+invoices@example.com'],
        ];
    }

    /** @dataProvider typedAddresses */
    public function testNormalisesAnAddressAsTyped(string $typed, string $key): void
    {
        self::assertSame($key, Address::normalise($typed));
    }

    /** @return array<string, array{0: string, 1: string}> */
    public function refusedAddresses(): array
    {
        return [
            'empty' => ['  ', '"" is not an exact address: it is empty'],
            'star' => ['*', '"*" is not an exact address: wildcards are not routed'],
            'star at domain' => [
                '*@example.com',
                '"*@example.com" is not an exact address: wildcards are not routed',
            ],
            'star in domain' => [
                'bob@*.example.com',
                '"bob@*.example.com" is not an exact address: wildcards are not routed',
            ],
            'star without @' => [
                '*.example.com',
                '"*.example.com" is not an exact address: wildcards are not routed',
            ],
            'domain' => [
                'example.com',
                '"example.com" is not an exact address: a whole domain is never routed, only exact '
                . 'addresses',
            ],
            'dot domain' => [
                '.example.com',
                '".example.com" is not an exact address: a domain and its subdomains are never '
                . 'routed, only exact addresses',
            ],
            'catch-all' => [
                '@example.com',
                '"@example.com" is not an exact address: a catch-all (@domain) is never routed, '
                . 'only exact addresses',
            ],
            'regular expression' => [
                '/^bob@.*$/',
                '"/^bob@.*$/" is not an exact address: patterns are not routed, only exact '
                . 'addresses',
            ],
            'regular expression with flags' => [
                '/^bob@example\.com$/i',
                '"/^bob@example\\\\.com$/i" is not an exact address: patterns are not routed, only '
                . 'exact addresses',
            ],
            'local part only' => ['bob', '"bob" is not an exact address: it has no @domain'],
            'two @' => [
                'bob@@example.com',
                '"bob@@example.com" is not a valid address: it has more than one @',
            ],
            'no domain' => ['bob@', '"bob@" is not a valid address: the domain after @ is empty'],
            'bare host' => [
                'bob@localhost',
                '"bob@localhost" is not a valid address: the domain needs two labels or more (a '
                . 'bare host name is not routed)',
            ],
            'hash sign' => [
                'bob#1@example.com',
                '"bob#1@example.com" is not a valid address: the local part may only contain '
                . "a-z, 0-9 and .!$%&'*+/=?^_`{|}~- (lower case, no #)",
            ],
            'umlaut in local part' => [
                'böb@example.com',
                '"böb@example.com" is not a valid address: the local part may only contain '
                . "a-z, 0-9 and .!$%&'*+/=?^_`{|}~- (lower case, no #)",
            ],
            'a whole map line' => [
                'bob@example.com smtp:[x.mail.protection.outlook.com]:25',
                '"bob@example.com smtp:[x.mail.protection.outlook.com]:25" is not a valid address: '
                . 'the domain label "com smtp:[x" is not 1 to 63 of a-z, 0-9 and - (lower case)',
            ],
            'IDN with a forbidden character' => [
                "bob@m\u{00fc}ller_x.example",
                '"bob@müller_x.example" is not a valid address: the domain "müller_x.example" is '
                . 'not a valid internationalised domain name',
            ],
        ];
    }

    /** @return array<string, array{0: string, 1: string}> */
    public function addressesWithControlCharacters(): array
    {
        $alone = '; enter one address alone, without tabs or line breaks';

        return [
            'line feed inside' => [
                "bob@example.com\nevil@example.com",
                '"bob@example.com\nevil@example.com" is not a valid address: it contains the '
                . 'control character U+000A (line feed)' . $alone,
            ],
            'line feed at the end' => [
                "bob@example.com\n",
                '"bob@example.com\n" is not a valid address: it contains the control character '
                . 'U+000A (line feed)' . $alone,
            ],
            'carriage return and line feed at the end' => [
                "bob@example.com\r\n",
                '"bob@example.com\r\n" is not a valid address: it contains the control '
                . 'character U+000D (carriage return)' . $alone,
            ],
            'tab before' => [
                "\tbob@example.com",
                '"\tbob@example.com" is not a valid address: it contains the control character '
                . 'U+0009 (tab)' . $alone,
            ],
            'NUL at the end' => [
                "bob@example.com\0",
                '"bob@example.com\u0000" is not a valid address: it contains the control '
                . 'character U+0000 (NUL)' . $alone,
            ],
            'NUL inside' => [
                "bob\0@example.com",
                '"bob\u0000@example.com" is not a valid address: it contains the control '
                . 'character U+0000 (NUL)' . $alone,
            ],
            'unit separator' => [
                "bob\x1f@example.com",
                '"bob\u001f@example.com" is not a valid address: it contains the control '
                . 'character U+001F' . $alone,
            ],
            'DEL, escaped in the message too' => [
                "bob@example.com\x7f",
                '"bob@example.com\u007f" is not a valid address: it contains the control '
                . 'character U+007F (delete)' . $alone,
            ],
            'only a tab' => [
                "\t",
                '"\t" is not a valid address: it contains the control character U+0009 (tab)'
                . $alone,
            ],
        ];
    }

    /** @dataProvider addressesWithControlCharacters */
    public function testRefusesAControlCharacterAnywhereInsteadOfTrimmingIt(
        string $typed,
        string $message
    ): void {
        try {
            Address::normalise($typed);
            self::fail('accepted ' . json_encode($typed));
        } catch (InvalidAddress $e) {
            self::assertSame($message, $e->getMessage());
            self::assertSame('invalid-address', $e->errorCode());
        }
    }

    /** @dataProvider refusedAddresses */
    public function testRefusesAnythingButOneExactAddressSayingWhy(
        string $typed,
        string $message
    ): void {
        try {
            Address::normalise($typed);
            self::fail('accepted ' . $typed);
        } catch (InvalidAddress $e) {
            self::assertSame($message, $e->getMessage());
            self::assertSame('invalid-address', $e->errorCode());
        }
    }
}
