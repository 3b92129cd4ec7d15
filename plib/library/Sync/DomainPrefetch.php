<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sync;

use PleskExt\M365SplitDelivery\Mail\MailboxDirectoryError;

/**
 * A mailbox directory that can read many domains in one request (Plesk's XML API answers one
 * packet of many operations): the rebuild asks for all the domains it needs at once.
 */
interface DomainPrefetch
{
    /**
     * Reads these domains afresh now; later domain() calls for them answer from this read.
     *
     * @param list<int> $domainIds
     * @throws MailboxDirectoryError when the read fails: nothing may be concluded
     */
    public function prefetch(array $domainIds): void;
}
