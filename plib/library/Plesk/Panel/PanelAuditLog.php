<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Plesk\Panel;

use PleskExt\M365SplitDelivery\Api\AuditEntry;
use PleskExt\M365SplitDelivery\Api\AuditLog;

/**
 * Records each change of marks or next hop twice: a line in the extension's log (pm_Log) and an
 * event of Plesk's action log, declared by plib/hooks/ActionLog.php.
 */
final class PanelAuditLog implements AuditLog
{
    public const PREFIX = 'm365-split-delivery audit: ';
    public const EVENT_ROUTES = 'routes_changed';
    public const EVENT_NEXT_HOP = 'next_hop_changed';

    public function record(AuditEntry $entry): void
    {
        \pm_Log::info(self::PREFIX . $entry->line());

        $routes = $entry->what === AuditEntry::ROUTES;
        $field = $routes ? 'Marked mailboxes' : 'Next hop';
        try {
            \pm_ActionLog::submit(
                $routes ? self::EVENT_ROUTES : self::EVENT_NEXT_HOP,
                $entry->domainId,
                [$field => $entry->before],
                [$field => $entry->after]
            );
        } catch (\Exception $e) {
            // The change is made and in the log above; a full action log must not undo it.
            \pm_Log::err(self::PREFIX . 'the action log did not take the change of '
                . $entry->domainName . ': ' . $e->getMessage());
        }
    }
}
