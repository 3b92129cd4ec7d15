<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Plesk;

use pm_Domain;
use pm_Exception;
use PleskExt\M365SplitDelivery\Plesk\DomainSettingsStore;
use PleskExt\M365SplitDelivery\Routing\InvalidNextHop;
use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Store\StoreError;

final class DomainSettingsStoreTest extends PleskTestCase
{
    private const HOP = 'example-com.mail.protection.outlook.com';

    private DomainSettingsStore $store;
    private pm_Domain $exampleCom;

    protected function setUp(): void
    {
        parent::setUp();
        $this->exampleCom = pm_Domain::add(1, 'example.com');
        pm_Domain::add(2, 'example.org');
        $this->store = new DomainSettingsStore();
    }

    /** @return list<Mark> */
    private static function marks(int $count): array
    {
        $marks = [];
        for ($i = 1; $i <= $count; $i++) {
            $marks[] = new Mark(100000 + $i, sprintf('mailbox.number-%05d', $i));
        }

        return $marks;
    }

    public function testKeepsMarksAndNextHopInTheDomainsSettings(): void
    {
        $this->store->setNextHop(1, self::HOP);
        $this->store->addMark(1, new Mark(12, 'bob'));
        $this->store->addMark(1, new Mark(13, 'carol'));

        self::assertSame([
            'nextHop' => self::HOP,
            'marks' => '2 1',
            'marks.2.0' => "12 bob\n13 carol",
        ], $this->exampleCom->settings());
        $fresh = new DomainSettingsStore();
        self::assertEquals([new Mark(12, 'bob'), new Mark(13, 'carol')], $fresh->marks(1));
        self::assertSame(self::HOP, $fresh->nextHop(1));
        self::assertSame([1], $fresh->domainIdsWithMarks());
        self::assertSame([null, []], [$fresh->nextHop(2), $fresh->marks(2)]);
    }

    public function testTheSettingsDoubleRefusesAValueOverFiveThousandCharacters(): void
    {
        $this->expectException(pm_Exception::class);

        $this->exampleCom->setSetting('probe', str_repeat('x', 5001));
    }

    public function testADomainWithFiveThousandMarksIsSplitIntoValuesPleskAccepts(): void
    {
        $marks = self::marks(5000);

        $this->store->replaceMarks(1, $marks);
        $this->store->addMark(1, new Mark(7, 'bob'));

        $settings = $this->exampleCom->settings();
        $longest = max(array_map('strlen', $settings));
        self::assertLessThanOrEqual(5000, $longest);
        self::assertSame('2 29', $settings['marks']);
        self::assertSame([], array_filter(
            array_keys($settings),
            static fn (string $key): bool => str_starts_with($key, 'marks.1.')
        ));
        self::assertEquals([...$marks, new Mark(7, 'bob')], (new DomainSettingsStore())->marks(1));
    }

    public function testAWriteThatFailsHalfWayLeavesTheOldMarksInForce(): void
    {
        $this->store->replaceMarks(1, self::marks(3000));
        pm_Domain::$failAfterWrites = 5;

        try {
            $this->store->replaceMarks(1, self::marks(5000));
            self::fail('the write did not fail');
        } catch (StoreError $e) {
            self::assertSame(
                'cannot write the setting marks.2.5 of example.com: Database error: lost '
                . 'connection while writing marks.2.5',
                $e->getMessage()
            );
        }

        self::assertEquals(self::marks(3000), (new DomainSettingsStore())->marks(1));
    }

    public function testRemovingTheLastMarkLeavesNoMarkSettings(): void
    {
        $this->store->addMark(1, new Mark(12, 'bob'));

        $this->store->removeMark(1, new Mark(12, 'bob'));

        self::assertSame([], $this->exampleCom->settings());
        self::assertSame([], $this->store->domainIdsWithMarks());
    }

    public function testRefusesANextHopThatIsNotAMicrosoftHost(): void
    {
        $this->expectException(InvalidNextHop::class);
        $this->expectExceptionMessage('next hop "mx.example.com" is not a Microsoft 365 host');

        $this->store->setNextHop(1, 'mx.example.com');
    }

    public function testSaysWhichSettingIsMalformed(): void
    {
        $this->exampleCom->setSetting('marks', '2 1');
        $this->exampleCom->setSetting('marks.2.0', "12 bob\nbroken");

        $this->expectException(StoreError::class);
        $this->expectExceptionMessage('the routing settings of example.com are malformed: '
            . 'marks.2.0 holds "broken", not "ACCOUNT_ID LOCAL_PART"');

        $this->store->marks(1);
    }

    public function testCannotChangeADomainThatDoesNotExist(): void
    {
        $this->expectException(StoreError::class);
        $this->expectExceptionMessage('cannot change the routing settings of domain 9: it does '
            . 'not exist');

        $this->store->addMark(9, new Mark(12, 'bob'));
    }
}
