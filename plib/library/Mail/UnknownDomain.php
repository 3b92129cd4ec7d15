<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Mail;

/** No mail domain has the id asked for (deleted, or its id changed on a restore). */
final class UnknownDomain extends MailboxDirectoryError
{
    public function __construct(public readonly int $domainId, string $where)
    {
        parent::__construct('unknown-domain', 'domain ' . $domainId . ' is not in ' . $where);
    }
}
