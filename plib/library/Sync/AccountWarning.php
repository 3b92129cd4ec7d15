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
    private const DOMAIN_CODES = ['no-next-hop', 'unknown-domain'];

    public function __construct(
        public readonly ?string $address,
        public readonly string $code,
        public readonly string $message
    ) {
    }

    /**
     * The planner names the address at the start of each message about one mark
     * (`sales@example.com is an alias of …`, `"x@y" is not a valid address …`).
     */
    public static function fromPlanWarning(PlanWarning $warning): self
    {
        if (in_array($warning->code, self::DOMAIN_CODES, true)) {
            return new self(null, $warning->code, $warning->message);
        }

        // TODO(#3): PlanWarning could carry its address, so that it need not be read back here.
        $first = strtok($warning->message, ' ');
        $address = is_string($first) && str_starts_with($first, '"')
            ? json_decode($first, false)
            : $first;

        return new self(
            is_string($address) && str_contains($address, '@') ? $address : null,
            $warning->code,
            $warning->message
        );
    }
}
