<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Plesk\Panel;

use PleskExt\M365SplitDelivery\Api\CatalogueDomain;
use PleskExt\M365SplitDelivery\Api\DomainCatalogue;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectory;
use PleskExt\M365SplitDelivery\Mail\UnknownDomain;
use PleskExt\M365SplitDelivery\Sync\DomainPrefetch;

/**
 * The panel's domains through pm_Domain. Listing costs one call for all domains and reads no
 * mail accounts; counting a page's accounts reads them in one XML API request where the
 * directory can prefetch, else one per domain of the page (at most 100).
 *
 * TODO(#4): the list should hold only domains that have mail, but pm_Domain does not say whether
 * a domain has mail service and the XML API's `mail` `get_prefs` (many sites in one call) answers
 * webmail and non-existent-user settings, not whether mail is on; so every domain is listed, and
 * one without mail shows 0 accounts.
 */
final class PanelDomainCatalogue implements DomainCatalogue
{
    public function __construct(private readonly MailboxDirectory $directory)
    {
    }

    public function mailDomains(): array
    {
        return array_map(
            static fn (\pm_Domain $domain): CatalogueDomain => self::entry($domain),
            array_values(\pm_Domain::getAllDomains())
        );
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

    public function accountCounts(array $domainIds): array
    {
        if ($this->directory instanceof DomainPrefetch) {
            $this->directory->prefetch($domainIds);
        }

        $counts = [];
        foreach ($domainIds as $domainId) {
            try {
                $counts[$domainId] = count($this->directory->domain($domainId)->accounts);
            } catch (UnknownDomain) {
                // A domain without mail service has no mail accounts to count.
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
