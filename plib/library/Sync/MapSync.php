<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sync;

use PleskExt\M365SplitDelivery\Mail\MailboxDirectoryError;
use PleskExt\M365SplitDelivery\Postfix\RootHelperError;

/**
 * Keeps the transport map in force equal to the one planned from the store and the mail
 * accounts that exist now. What the panel, the event listener, the scheduled check, the
 * repair hook and the CLI all call.
 */
interface MapSync
{
    /**
     * Plans, drops the marks whose accounts are gone, and applies the map when it differs from
     * the one in force. The outcome is recorded as the last apply; a failed apply is returned,
     * not thrown, and the marks stay (their domains show as pending).
     *
     * @throws MailboxDirectoryError when the mail accounts cannot be read: nothing changes
     */
    public function rebuild(): LastApply;

    /**
     * Re-applies when the map in force drifted from the desired one: ours not first in
     * transport_maps, another checksum, or an index that is not fresh.
     *
     * @return LastApply|null null when nothing needed doing
     * @throws MailboxDirectoryError
     */
    public function heal(): ?LastApply;

    /**
     * The root helper's status and the last apply.
     *
     * @throws RootHelperError
     */
    public function status(): SyncStatus;

    /**
     * Notes that a domain's marks or next hop changed and are not applied yet; with
     * SyncJournal::EVERY_DOMAIN (0), that any domain may have changed (a Plesk event).
     */
    public function markPending(int $domainId): void;

    /** The domain's state from what the last rebuild recorded: cheap, no Plesk API call. */
    public function domainState(int $domainId): DomainState;

    /**
     * The addresses of the domain that the map in force routes now.
     *
     * @return list<string>
     */
    public function routedAddresses(int $domainId): array;

    /**
     * Why marks of the domain give no route, as the last rebuild planned: per address (an alias,
     * forwarding only, …) or for the whole domain (no next hop). Cheap, no Plesk API call.
     *
     * @return list<AccountWarning>
     */
    public function warnings(int $domainId): array;
}
