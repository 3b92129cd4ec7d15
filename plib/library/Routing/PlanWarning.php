<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Routing;

/**
 * Why a mark gives no route. Codes: `alias`, `forwarding-only`, `no-next-hop`, `unknown-domain`,
 * `invalid-address`, `duplicate-mark`. The address is the one the warning is about, as the
 * message names it; null when it concerns the whole domain (`no-next-hop`, `unknown-domain`).
 */
final class PlanWarning
{
    public function __construct(
        public readonly string $code,
        public readonly string $message,
        public readonly int $domainId,
        public readonly ?string $address
    ) {
    }
}
