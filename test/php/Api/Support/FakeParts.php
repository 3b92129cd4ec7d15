<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Api\Support;

use PleskExt\M365SplitDelivery\Api\AuditEntry;
use PleskExt\M365SplitDelivery\Api\AuditLog;
use PleskExt\M365SplitDelivery\Api\ForgeryToken;
use PleskExt\M365SplitDelivery\Api\HostResolver;
use PleskExt\M365SplitDelivery\Api\ServerInfo;

/** The small collaborators of the API service, as plain fakes with public state. */
final class FakeParts implements HostResolver, ServerInfo, AuditLog, ForgeryToken
{
    /** @var array<string, bool> hosts that resolve (true) or are known not to (false) */
    public array $dns = [];

    /** @var list<AuditEntry> */
    public array $audit = [];

    public ?string $token = 'token-of-the-session';

    public function resolves(string $host): ?bool
    {
        return $this->dns[$host] ?? null;
    }

    public function hostname(): string
    {
        return 'plesk.example.net';
    }

    public function addresses(): array
    {
        return ['203.0.113.10', '2001:db8::10'];
    }

    public function record(AuditEntry $entry): void
    {
        $this->audit[] = $entry;
    }

    public function expected(): ?string
    {
        return $this->token;
    }
}
