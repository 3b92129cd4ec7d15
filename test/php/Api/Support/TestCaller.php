<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Api\Support;

use PleskExt\M365SplitDelivery\Api\Caller;

/** A caller of a given role with access to a given set of domains. */
final class TestCaller implements Caller
{
    /** @param list<int> $domainIds */
    private function __construct(
        private readonly string $login,
        private readonly bool $admin,
        private readonly array $domainIds
    ) {
    }

    public static function admin(): self
    {
        return new self('admin', true, []);
    }

    /** @param list<int> $domainIds */
    public static function reseller(array $domainIds): self
    {
        return new self('reseller1', false, $domainIds);
    }

    /** @param list<int> $domainIds */
    public static function customer(array $domainIds): self
    {
        return new self('customer1', false, $domainIds);
    }

    public function isAdmin(): bool
    {
        return $this->admin;
    }

    public function canAccessDomain(int $domainId): bool
    {
        return $this->admin || in_array($domainId, $this->domainIds, true);
    }

    public function name(): string
    {
        return $this->login;
    }
}
