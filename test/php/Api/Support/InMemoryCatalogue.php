<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Api\Support;

use PleskExt\M365SplitDelivery\Api\CatalogueDomain;
use PleskExt\M365SplitDelivery\Api\DomainCatalogue;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectory;

/** Domains in memory; accounts counted from a directory, recording which ids were counted. */
final class InMemoryCatalogue implements DomainCatalogue
{
    /** @var array<int, CatalogueDomain> */
    private array $domains = [];

    /** @var list<list<int>> */
    public array $counted = [];

    public function __construct(private readonly MailboxDirectory $directory)
    {
    }

    public function add(int $id, string $name, ?string $displayName = null): self
    {
        $this->domains[$id] = new CatalogueDomain($id, $name, $displayName ?? $name);

        return $this;
    }

    public function mailDomains(): array
    {
        return array_values($this->domains);
    }

    public function find(int $domainId): ?CatalogueDomain
    {
        return $this->domains[$domainId] ?? null;
    }

    public function accountCounts(array $domainIds): array
    {
        $this->counted[] = $domainIds;
        $counts = [];
        foreach ($domainIds as $id) {
            $counts[$id] = count($this->directory->domain($id)->accounts);
        }

        return $counts;
    }
}
