<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Routing;

/**
 * Why a mark gives no route. Codes: `alias`, `forwarding-only`, `no-next-hop`, `unknown-domain`,
 * `invalid-address`, `duplicate-mark`.
 */
final class PlanWarning
{
    public function __construct(
        public readonly string $code,
        public readonly string $message,
        public readonly int $domainId
    ) {
    }
}
