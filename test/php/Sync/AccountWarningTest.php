<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Sync;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Routing\PlanWarning;
use PleskExt\M365SplitDelivery\Sync\AccountWarning;

final class AccountWarningTest extends TestCase
{
    public function testTakesTheAddressThePlanWarningCarriesNotOneFromItsMessage(): void
    {
        $warning = new PlanWarning(
            'alias',
            'An alias: sales@example.com is rewritten before routing',
            1,
            'sales@example.com'
        );

        self::assertEquals(new AccountWarning(
            'sales@example.com',
            'alias',
            'An alias: sales@example.com is rewritten before routing'
        ), AccountWarning::fromPlanWarning($warning));
    }

    public function testKeepsTheAddressOfAnInvalidAddressAsPleskSpellsIt(): void
    {
        $warning = new PlanWarning(
            'invalid-address',
            '"o#neil@example.net" is not a valid address: not routed',
            3,
            'o#neil@example.net'
        );

        self::assertSame('o#neil@example.net', AccountWarning::fromPlanWarning($warning)->address);
    }

    public function testHasNoAddressForAWarningAboutTheWholeDomain(): void
    {
        $warning = new PlanWarning(
            'no-next-hop',
            'example.org has 1 marked mailbox but no next hop',
            2,
            null
        );

        self::assertEquals(
            new AccountWarning(
                null,
                'no-next-hop',
                'example.org has 1 marked mailbox but no next hop'
            ),
            AccountWarning::fromPlanWarning($warning)
        );
    }
}
