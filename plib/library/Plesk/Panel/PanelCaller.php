<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Plesk\Panel;

use PleskExt\M365SplitDelivery\Api\Caller;

/** The panel user of the current session: what Plesk says they may manage. */
final class PanelCaller implements Caller
{
    public function __construct(private readonly \pm_Client $client)
    {
    }

    /** The client of the current panel session. */
    public static function ofSession(): self
    {
        return new self(\pm_Session::getClient());
    }

    public function isAdmin(): bool
    {
        return (bool) $this->client->isAdmin();
    }

    public function canAccessDomain(int $domainId): bool
    {
        return $this->isAdmin() || (bool) $this->client->hasAccessToDomain($domainId);
    }

    public function name(): string
    {
        return (string) $this->client->getLogin();
    }
}
