<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Api;

use PleskExt\M365SplitDelivery\Mail\MailboxDirectoryError;

/**
 * The mail domains of the server: those with at least one mail account. Listing must stay cheap
 * for thousands of domains (the panel reads every domain's accounts in one request and keeps
 * the counts for a few minutes).
 */
interface DomainCatalogue
{
    /**
     * @return list<CatalogueDomain> every mail domain, in no particular order
     * @throws MailboxDirectoryError when the accounts cannot be read
     */
    public function mailDomains(): array;

    /** The mail domain with this id, or null when there is none. */
    public function find(int $domainId): ?CatalogueDomain;

    /**
     * How many mail accounts each of these domains has.
     *
     * @param list<int> $domainIds at most one page of the list
     * @return array<int, int> keyed by domain id
     * @throws MailboxDirectoryError when the accounts cannot be read
     */
    public function accountCounts(array $domainIds): array;
}
