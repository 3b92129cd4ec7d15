<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Mail;

/** The mail accounts that exist now: Plesk's in the panel, a JSON file in the sandbox. */
interface MailboxDirectory
{
    /**
     * The domain with id $domainId and all its mail accounts, read whole.
     *
     * @throws UnknownDomain when no domain has that id
     * @throws MailboxDirectoryError when the accounts cannot be read: nothing may be concluded
     */
    public function domain(int $domainId): MailDomain;
}
