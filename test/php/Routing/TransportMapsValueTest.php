<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Routing;

use InvalidArgumentException;
use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Routing\TransportMapsValue;
use PleskExt\M365SplitDelivery\Routing\UnsupportedDatabaseType;
use PleskExt\M365SplitDelivery\Tests\Support\Vectors;

final class TransportMapsValueTest extends TestCase
{
    private const MAP = '/etc/postfix/m365-split-delivery/transport';

    /** @return array<string, array{0: ?string, 1: string, 2: string, 3: ?string}> */
    public function mergeVectors(): array
    {
        $rows = [];
        foreach (Vectors::load('transport-maps.json')['merge'] as $vector) {
            $rows[$vector['name']] = [
                self::withMap($vector['current']),
                $vector['type'],
                (string) self::withMap($vector['merged']),
                self::withMap($vector['removed']),
            ];
        }

        return $rows;
    }

    /** @dataProvider mergeVectors */
    public function testPutsOurMapFirstAsTheSharedVectorsSay(
        ?string $current,
        string $type,
        string $merged,
        ?string $removed
    ): void {
        self::assertSame($merged, TransportMapsValue::merge($current, $type, self::MAP));
    }

    /** @dataProvider mergeVectors */
    public function testTakesOurMapOutAgainAsTheSharedVectorsSay(
        ?string $current,
        string $type,
        string $merged,
        ?string $removed
    ): void {
        self::assertSame($removed, TransportMapsValue::remove($merged, self::MAP));
    }

    /** @dataProvider mergeVectors */
    public function testMergingTwiceChangesNothingMore(
        ?string $current,
        string $type,
        string $merged
    ): void {
        self::assertSame($merged, TransportMapsValue::merge($merged, $type, self::MAP));
    }

    /**
     * @return array<string, array{0: ?string, 1: string, 2: list<string>, 3: ?string, 4: ?string}>
     */
    public function databaseTypeVectors(): array
    {
        $rows = [];
        foreach (Vectors::load('transport-maps.json')['databaseType'] as $vector) {
            $rows[$vector['name']] = [
                self::withMap($vector['current']),
                $vector['default'],
                $vector['supported'],
                $vector['type'] ?? null,
                $vector['error'] ?? null,
            ];
        }

        return $rows;
    }

    /**
     * @dataProvider databaseTypeVectors
     * @param list<string> $supported
     */
    public function testChoosesTheDatabaseTypeAsTheSharedVectorsSay(
        ?string $current,
        string $default,
        array $supported,
        ?string $type,
        ?string $error
    ): void {
        if ($error !== null) {
            $this->expectException(UnsupportedDatabaseType::class);
            $this->expectExceptionMessage($error);
        }

        self::assertSame(
            $type,
            TransportMapsValue::databaseType($current, self::MAP, $default, $supported)
        );
    }

    public function testRemovingWhenOursIsAbsentKeepsTheValueAsItIs(): void
    {
        self::assertSame(
            '$extra, , hash:/var/spool/postfix/plesk/transport',
            TransportMapsValue::remove(
                '$extra, , hash:/var/spool/postfix/plesk/transport',
                self::MAP
            )
        );
        self::assertNull(TransportMapsValue::remove(null, self::MAP));
    }

    public function testTakesOutOurMapUnderAnyTypeEvenBehindProxy(): void
    {
        self::assertSame(
            'hash:/etc/postfix/a, hash:/etc/postfix/b',
            TransportMapsValue::remove(
                'proxy:lmdb:' . self::MAP . ', hash:/etc/postfix/a, cdb:' . self::MAP
                . ',hash:/etc/postfix/b',
                self::MAP
            )
        );
    }

    public function testLeavesATableWhosePathOnlyStartsOrEndsLikeOursAlone(): void
    {
        $value = 'hash:' . self::MAP . '.old, hash:/x' . self::MAP . ', ' . self::MAP
            . ', $x:' . self::MAP;

        self::assertSame(
            'hash:' . self::MAP . ', ' . $value,
            TransportMapsValue::merge($value, 'hash', self::MAP)
        );
    }

    public function testSplitsAtCommasAndBlanksButNotInsideBraces(): void
    {
        $value = "inline:{ a=smtp:b, c=smtp:d }\thash:" . self::MAP . "\n  hash:/etc/postfix/other";

        self::assertSame(
            'hash:' . self::MAP . ", inline:{ a=smtp:b, c=smtp:d }\thash:/etc/postfix/other",
            TransportMapsValue::merge($value, 'hash', self::MAP)
        );
    }

    public function testTakesTheSeparatorAfterOursEvenWhenNoTableFollowsIt(): void
    {
        self::assertSame(
            ', hash:/var/spool/postfix/plesk/transport , ',
            TransportMapsValue::remove(
                ', hash:/var/spool/postfix/plesk/transport , hash:' . self::MAP . ' , ',
                self::MAP
            )
        );
    }

    public function testWhenOursEndsTheValueTakesTheSeparatorBeforeIt(): void
    {
        self::assertSame(
            'hash:/etc/postfix/a ,',
            TransportMapsValue::remove('hash:/etc/postfix/a ,  , hash:' . self::MAP, self::MAP)
        );
    }

    public function testKeepsAValueOfSeparatorsAloneCharacterForCharacter(): void
    {
        $merged = TransportMapsValue::merge(',', 'hash', self::MAP);

        self::assertSame('hash:' . self::MAP . ', ,', $merged);
        self::assertSame(',', TransportMapsValue::remove($merged, self::MAP));
    }

    public function testFallsBackToTheDefaultTypeWhenNoIndexedTableIsListed(): void
    {
        self::assertSame(
            'hash',
            TransportMapsValue::databaseType(
                '$extra, pcre:/etc/postfix/t.pcre, lmdb',
                self::MAP,
                'hash',
                ['hash']
            )
        );
    }

    public function testRefusesADefaultTypeThisPostfixCannotBuild(): void
    {
        try {
            TransportMapsValue::databaseType(null, self::MAP, 'btree', ['hash', 'lmdb']);
            self::fail('accepted an unsupported default type');
        } catch (UnsupportedDatabaseType $e) {
            self::assertSame(
                'database type btree is not supported by this Postfix (postconf -m)',
                $e->getMessage()
            );
            self::assertSame('unsupported-database-type', $e->errorCode());
        }
    }

    public function testRefusesAMapPathThatWouldSplitIntoSeveralElements(): void
    {
        $this->expectException(InvalidArgumentException::class);
        $this->expectExceptionMessage(
            'map path /etc/postfix/my map is not an absolute path without blanks, commas or braces'
        );

        TransportMapsValue::remove(', hash:/x', '/etc/postfix/my map');
    }

    public function testRefusesARelativeMapPath(): void
    {
        $this->expectException(InvalidArgumentException::class);

        TransportMapsValue::merge(null, 'hash', 'transport');
    }

    public function testRefusesADatabaseTypeThatIsNotAPostfixType(): void
    {
        $this->expectException(InvalidArgumentException::class);
        $this->expectExceptionMessage('database type hash:/x, is not a Postfix type');

        TransportMapsValue::merge(null, 'hash:/x,', self::MAP);
    }

    private static function withMap(?string $value): ?string
    {
        return $value === null ? null : str_replace('{map}', self::MAP, $value);
    }
}
