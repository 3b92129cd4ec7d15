<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Routing;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Routing\RouteGrammar;
use PleskExt\M365SplitDelivery\Tests\Support\Vectors;

final class RouteGrammarTest extends TestCase
{
    /** @return array<string, array{0: string}> */
    public function validKeys(): array
    {
        return Vectors::rows(Vectors::load('grammar.json')['keys']['valid']);
    }

    /** @return array<string, array{0: string}> */
    public function invalidKeys(): array
    {
        return Vectors::rows(Vectors::load('grammar.json')['keys']['invalid']);
    }

    /** @return array<string, array{0: string}> */
    public function validHosts(): array
    {
        return Vectors::rows(Vectors::load('grammar.json')['hosts']['valid']);
    }

    /** @return array<string, array{0: string}> */
    public function invalidHosts(): array
    {
        return Vectors::rows(Vectors::load('grammar.json')['hosts']['invalid']);
    }

    /** @dataProvider validKeys */
    public function testAcceptsEveryValidKeyOfTheSharedVectors(string $key): void
    {
        self::assertNull(RouteGrammar::keyProblem($key));
        self::assertTrue(RouteGrammar::isKey($key));
    }

    /** @dataProvider invalidKeys */
    public function testRefusesEveryInvalidKeyOfTheSharedVectors(string $key): void
    {
        self::assertFalse(RouteGrammar::isKey($key));
        self::assertIsString(RouteGrammar::keyProblem($key));
    }

    /** @dataProvider validHosts */
    public function testAcceptsEveryValidHostOfTheSharedVectors(string $host): void
    {
        self::assertTrue(RouteGrammar::isHost($host));
    }

    /** @dataProvider invalidHosts */
    public function testRefusesEveryInvalidHostOfTheSharedVectors(string $host): void
    {
        self::assertFalse(RouteGrammar::isHost($host));
    }

    /** @return array<string, array{0: string, 1: string}> */
    public function keyProblems(): array
    {
        $chars = 'the local part may only contain a-z, 0-9 and '
            . ".!$%&'*+/=?^_`{|}~- (lower case, no #)";
        $dots = 'the local part may not start or end with a dot or have two dots in a row';

        return [
            'no @' => ['example.com', 'it has no @domain'],
            'two @' => ['bob@ex@ample.com', 'it has more than one @'],
            'empty local part' => ['@example.com', 'the local part before @ is empty'],
            'lone star' => ['*@example.com', 'wildcards are not routed'],
            'local part of 65' => [
                str_repeat('a', 65) . '@example.com',
                'the local part is longer than 64 characters',
            ],
            'upper case' => ['Bob@example.com', $chars],
            'hash sign' => ['bob#1@example.com', $chars],
            'blank' => ['bob smith@example.com', $chars],
            'leading dot' => ['.bob@example.com', $dots],
            'trailing dot' => ['bob.@example.com', $dots],
            'two dots' => ['bo..b@example.com', $dots],
            'empty domain' => ['bob@', 'the domain after @ is empty'],
            'one label' => [
                'bob@localhost',
                'the domain needs two labels or more (a bare host name is not routed)',
            ],
            'domain of 254' => [
                'bob@' . str_repeat(str_repeat('a', 63) . '.', 3) . str_repeat('a', 62),
                'the domain is longer than 253 characters',
            ],
            'trailing dot in domain' => [
                'bob@example.com.',
                'the domain has an empty label (a dot at its start or end, or two in a row)',
            ],
            'underscore' => [
                'bob@exa_mple.com',
                'the domain label "exa_mple" is not 1 to 63 of a-z, 0-9 and - (lower case)',
            ],
            'label of 64' => [
                'bob@' . str_repeat('a', 64) . '.com',
                'the domain label '
                . '"' . str_repeat('a', 64) . '" is not 1 to 63 of a-z, 0-9 and - (lower case)',
            ],
            'leading hyphen' => [
                'bob@-example.com',
                'the domain label "-example" starts or ends with a hyphen',
            ],
            'trailing hyphen' => [
                'bob@example-.com',
                'the domain label "example-" starts or ends with a hyphen',
            ],
        ];
    }

    /** @dataProvider keyProblems */
    public function testSaysWhyAKeyIsRefused(string $key, string $problem): void
    {
        self::assertSame($problem, RouteGrammar::keyProblem($key));
    }

    public function testChecksLocalPartsAndDomainsOnTheirOwn(): void
    {
        self::assertTrue(RouteGrammar::isLocalPart('sales'));
        self::assertFalse(RouteGrammar::isLocalPart('Sales'));
        self::assertTrue(RouteGrammar::isDomain('xn--mller-kva.example'));
        self::assertFalse(RouteGrammar::isDomain('example'));
    }

    public function testAcceptsAHostOf253CharactersAndRefusesOneOf254(): void
    {
        $suffix = '.mail.protection.outlook.com';
        // Three labels of 63 and their dots take 192 characters; the fourth fills up to 253.
        $labels = str_repeat(str_repeat('a', 63) . '.', 3) . str_repeat('a', 61 - strlen($suffix));

        self::assertSame(253, strlen($labels . $suffix));
        self::assertTrue(RouteGrammar::isHost($labels . $suffix));
        self::assertFalse(RouteGrammar::isHost('a' . $labels . $suffix));
    }

    public function testAcceptsSeveralLabelsBeforeEachMicrosoftSuffix(): void
    {
        foreach (RouteGrammar::HOST_SUFFIXES as $suffix) {
            self::assertTrue(RouteGrammar::isHost('contoso-com.r-v1.' . $suffix), $suffix);
            self::assertFalse(RouteGrammar::isHost('contoso-com..' . $suffix), $suffix);
        }
    }
}
