<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sync;

use PleskExt\M365SplitDelivery\Routing\PlanWarning;

/**
 * Why a mark of a domain gives no route, as the last plan said: the address it concerns (null
 * for what concerns the whole domain, e.g. `no-next-hop`), the planner's code and its message.
 */
final class AccountWarning
{
    public function __construct(
        public readonly ?string $address,
        public readonly string $code,
        public readonly string $message
    ) {
    }

    public static function fromPlanWarning(PlanWarning $warning): self
    {
        return new self($warning->address, $warning->code, $warning->message);
    }
}
