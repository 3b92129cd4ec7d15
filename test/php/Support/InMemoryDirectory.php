<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Support;

use PleskExt\M365SplitDelivery\Mail\MailboxDirectory;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectoryError;
use PleskExt\M365SplitDelivery\Mail\MailDomain;
use PleskExt\M365SplitDelivery\Mail\UnknownDomain;

/** Mail domains in memory, for planner tests; a domain id can be made to fail on read. */
final class InMemoryDirectory implements MailboxDirectory
{
    /** @var array<int, MailDomain> */
    private array $domains = [];

    /** @var array<int, MailboxDirectoryError> */
    private array $failures = [];

    /** @var list<int> */
    public array $reads = [];

    public function add(MailDomain $domain): self
    {
        $this->domains[$domain->id] = $domain;

        return $this;
    }

    public function failOn(int $domainId, MailboxDirectoryError $error): self
    {
        $this->failures[$domainId] = $error;

        return $this;
    }

    public function domain(int $domainId): MailDomain
    {
        $this->reads[] = $domainId;
        if (isset($this->failures[$domainId])) {
            throw $this->failures[$domainId];
        }

        return $this->domains[$domainId] ?? throw new UnknownDomain(
            $domainId,
            'the test directory'
        );
    }
}
