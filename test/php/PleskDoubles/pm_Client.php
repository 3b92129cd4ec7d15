<?php

// Test double of Plesk's pm_Client: a panel user of one role with access to a set of domains.

declare(strict_types=1);

class pm_Client
{
    /** @param list<int> $domainIds */
    public function __construct(
        private readonly int $id,
        private readonly string $login,
        private readonly string $role,
        private readonly array $domainIds = []
    ) {
    }

    public static function admin(): self
    {
        return new self(1, 'admin', 'admin');
    }

    /** @param list<int> $domainIds */
    public static function reseller(string $login, array $domainIds): self
    {
        return new self(2, $login, 'reseller', $domainIds);
    }

    /** @param list<int> $domainIds */
    public static function customer(string $login, array $domainIds): self
    {
        return new self(3, $login, 'client', $domainIds);
    }

    public function isAdmin(): bool
    {
        return $this->role === 'admin';
    }

    public function isReseller(): bool
    {
        return $this->role === 'reseller';
    }

    public function isClient(): bool
    {
        return $this->role === 'client';
    }

    public function getId(): int
    {
        return $this->id;
    }

    public function getLogin(): string
    {
        return $this->login;
    }

    /** Plesk's administrator has access to every domain; others to those they own. */
    public function hasAccessToDomain($domainId): bool
    {
        return $this->isAdmin() || in_array((int) $domainId, $this->domainIds, true);
    }
}
