<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Events;

use PleskExt\M365SplitDelivery\Sync\MapSync;
use PleskExt\M365SplitDelivery\Sync\SyncJournal;
use PleskExt\M365SplitDelivery\Sync\SyncLog;
use Throwable;

/**
 * Turns Plesk's events into one rebuild per request. An event only notes that something changed;
 * the rebuild runs once, after the last event of the request, from Plesk's data as it is then:
 * the payloads (keys and values of the action log) are never relied on. Deleting 1,000 mailboxes
 * is one rebuild, not 1,000; a missed event is healed by the scheduled check.
 */
final class MapEvents
{
    /** The events that can change which mailboxes exist, their names, aliases or domains. */
    public const ACTIONS = [
        'mailname_create', 'mailname_update', 'mailname_delete',
        'forwarding_create', 'forwarding_update', 'forwarding_delete',
        'domain_create', 'domain_update', 'domain_delete',
        'site_create', 'site_update', 'site_delete',
        'domain_alias_create', 'domain_alias_update', 'domain_alias_delete',
        'site_alias_create', 'site_alias_update', 'site_alias_delete',
        'mail_management_status_update',
    ];

    private bool $scheduled = false;

    /**
     * @param callable(callable(): void): void $atEndOfRequest runs its argument once the request
     *                                                        is done (register_shutdown_function)
     */
    public function __construct(
        private readonly MapSync $sync,
        private readonly SyncLog $log,
        private $atEndOfRequest
    ) {
    }

    /** Notes an event; the first one of interest schedules the request's one rebuild. */
    public function noteEvent(string $action): void
    {
        if ($this->scheduled || !in_array($action, self::ACTIONS, true)) {
            return;
        }
        $this->scheduled = true;

        try {
            // Until the rebuild succeeds, the panel shows the domains with marks as pending.
            $this->sync->markPending(SyncJournal::EVERY_DOMAIN);
        } catch (Throwable $e) {
            $this->log->error('cannot note the change of ' . $action . ': ' . $e->getMessage());
        }
        ($this->atEndOfRequest)(function (): void {
            $this->rebuild();
        });
    }

    private function rebuild(): void
    {
        $this->scheduled = false;
        try {
            $this->sync->rebuild();
        } catch (Throwable $e) {
            // After the panel's response nobody can be told: the log says it, the scheduled check
            // retries within 5 minutes, and the domains stay pending until then.
            $this->log->error('rebuild after changes in the panel failed: ' . $e->getMessage());
        }
    }
}
