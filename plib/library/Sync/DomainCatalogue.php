<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sync;

/** The domains of this server by id and by name (ASCII, IDN as punycode). */
interface DomainCatalogue
{
    /** The id of the domain with this ASCII name, or null when the server has no such domain. */
    public function idOf(string $asciiName): ?int;

    /** The ASCII name of the domain with this id, or null when there is none. */
    public function nameOf(int $domainId): ?string;
}
