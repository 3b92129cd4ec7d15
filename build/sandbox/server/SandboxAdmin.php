<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sandbox;

use PleskExt\M365SplitDelivery\Api\Caller;

/** The sandbox's one user: an administrator, as `npm start` opens the panel. */
final class SandboxAdmin implements Caller
{
    public function isAdmin(): bool
    {
        return true;
    }

    public function canAccessDomain(int $domainId): bool
    {
        return true;
    }

    public function name(): string
    {
        return 'admin';
    }
}
