<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sandbox;

use PleskExt\M365SplitDelivery\Api\CatalogueDomain;
use PleskExt\M365SplitDelivery\Api\DomainCatalogue;
use PleskExt\M365SplitDelivery\JsonFile;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectory;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectoryError;

/**
 * The domains of the sandbox's accounts.json (the stand-in for the panel's domains). As in the
 * panel, a domain has mail when it has at least one mail account: one without is not listed.
 */
final class JsonDomainCatalogue implements DomainCatalogue
{
    public function __construct(
        private readonly string $accountsPath,
        private readonly MailboxDirectory $directory
    ) {
    }

    public function mailDomains(): array
    {
        $document = JsonFile::read($this->accountsPath);
        $domains = [];
        foreach (is_array($document) ? ($document['domains'] ?? []) : [] as $domain) {
            $hasMail = is_array($domain) && is_array($domain['accounts'] ?? null)
                && $domain['accounts'] !== [];
            if ($hasMail && is_int($domain['id'] ?? null)) {
                $domains[] = $this->entry($domain['id']);
            }
        }

        return array_values(array_filter($domains));
    }

    public function find(int $domainId): ?CatalogueDomain
    {
        return $this->entry($domainId);
    }

    public function accountCounts(array $domainIds): array
    {
        $counts = [];
        foreach ($domainIds as $id) {
            $counts[$id] = count($this->directory->domain($id)->accounts);
        }

        return $counts;
    }

    private function entry(int $domainId): ?CatalogueDomain
    {
        try {
            $name = $this->directory->domain($domainId)->name;
        } catch (MailboxDirectoryError) {
            // Unknown or unreadable: the list and the API report it as not found.
            return null;
        }
        $display = idn_to_utf8($name, IDNA_NONTRANSITIONAL_TO_UNICODE, INTL_IDNA_VARIANT_UTS46);

        return new CatalogueDomain($domainId, $name, is_string($display) ? $display : $name);
    }
}
