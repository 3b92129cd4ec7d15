<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Api;

/** Who makes an API call, and what they may touch: the panel's session, or the sandbox's admin. */
interface Caller
{
    /** Administrators may do everything, including status and re-apply. */
    public function isAdmin(): bool;

    /** Whether the caller may change marks and the next hop of the domain with this id. */
    public function canAccessDomain(int $domainId): bool;

    /** The caller's login, as audit lines name them. */
    public function name(): string;
}
