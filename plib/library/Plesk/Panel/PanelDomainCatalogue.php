<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Plesk\Panel;

use PleskExt\M365SplitDelivery\Api\CatalogueDomain;
use PleskExt\M365SplitDelivery\Api\DomainCatalogue;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectory;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectoryError;
use PleskExt\M365SplitDelivery\Mail\UnknownDomain;
use PleskExt\M365SplitDelivery\Sync\DomainPrefetch;

/**
 * The panel's domains that have mail, through pm_Domain and the mail accounts. pm_Domain does not
 * say whether a domain has mail, so "has mail" means "has at least one mail account" (a
 * forwarding-only account counts): the accounts of every domain are read in one XML API request
 * where the directory can prefetch, and the counts are kept in the var directory for a few
 * minutes (AccountCountCache). A failed read fails the list: an empty list would hide it.
 */
final class PanelDomainCatalogue implements DomainCatalogue
{
    private readonly AccountCountCache $cache;

    /** @var array<int, int>|null the account counts of this request, read or from the cache */
    private ?array $counts = null;

    public function __construct(
        private readonly MailboxDirectory $directory,
        ?AccountCountCache $cache = null
    ) {
        $this->cache = $cache ?? AccountCountCache::inVarDir();
    }

    public function mailDomains(): array
    {
        $domains = array_values(\pm_Domain::getAllDomains());
        $counts = $this->countsOf($domains);

        $listed = [];
        foreach ($domains as $domain) {
            if (($counts[(int) $domain->getId()] ?? 0) > 0) {
                $listed[] = self::entry($domain);
            }
        }

        return $listed;
    }

    public function find(int $domainId): ?CatalogueDomain
    {
        try {
            return self::entry(\pm_Domain::getByDomainId($domainId));
        } catch (\pm_Exception) {
            // Plesk's way of saying there is no domain with this id.
            return null;
        }
    }

    /** Answered from the counts the list was filtered with, so a page costs no further read. */
    public function accountCounts(array $domainIds): array
    {
        $known = $this->counts ?? $this->countsOf(array_values(\pm_Domain::getAllDomains()));

        $counts = [];
        foreach ($domainIds as $domainId) {
            $counts[$domainId] = $known[$domainId] ?? 0;
        }

        return $counts;
    }

    /**
     * @param list<\pm_Domain> $domains
     * @return array<int, int>
     */
    private function countsOf(array $domains): array
    {
        $ids = array_map(static fn (\pm_Domain $domain): int => (int) $domain->getId(), $domains);
        $this->counts = $this->cache->counts($ids, fn (): array => $this->read($ids));

        return $this->counts;
    }

    /**
     * @param list<int> $domainIds
     * @return array<int, int>
     */
    private function read(array $domainIds): array
    {
        if ($this->directory instanceof DomainPrefetch && $domainIds !== []) {
            $this->directory->prefetch($domainIds);
        }

        $counts = [];
        foreach ($domainIds as $domainId) {
            try {
                $counts[$domainId] = count($this->directory->domain($domainId)->accounts);
            } catch (UnknownDomain) {
                // Deleted since it was listed, or never a mail domain: no mail accounts to count.
                $counts[$domainId] = 0;
            } catch (MailboxDirectoryError) {
                // That site's own operation answered an error (its mail service may be off):
                // it is left out of the list, while a failed call fails the whole list above.
                $counts[$domainId] = 0;
            }
        }

        return $counts;
    }

    private static function entry(\pm_Domain $domain): CatalogueDomain
    {
        return new CatalogueDomain(
            (int) $domain->getId(),
            strtolower((string) $domain->getName()),
            (string) $domain->getDisplayName()
        );
    }
}
