<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Plesk;

use pm_Domain;
use pm_Exception;
use PleskExt\M365SplitDelivery\Routing\DomainName;
use PleskExt\M365SplitDelivery\Routing\InvalidDomainName;
use PleskExt\M365SplitDelivery\Sync\DomainCatalogue;

/** Plesk's domains (pm_Domain), by id and by ASCII name. */
final class PleskDomains implements DomainCatalogue
{
    public function idOf(string $asciiName): ?int
    {
        try {
            return (int) pm_Domain::getByName($asciiName)->getId();
        } catch (pm_Exception) {
            // Plesk may know an IDN domain by its Unicode name only: compare in ASCII.
        }

        foreach (pm_Domain::getAllDomains() as $domain) {
            if ($this->ascii((string) $domain->getName()) === $asciiName) {
                return (int) $domain->getId();
            }
        }

        return null;
    }

    public function nameOf(int $domainId): ?string
    {
        try {
            return $this->ascii((string) pm_Domain::getByDomainId($domainId)->getName());
        } catch (pm_Exception) {
            return null;
        }
    }

    private function ascii(string $name): ?string
    {
        try {
            return DomainName::normalise($name);
        } catch (InvalidDomainName) {
            // Not a name mail can be addressed to (e.g. a wildcard subdomain): no match.
            return null;
        }
    }
}
