<?php

declare(strict_types=1);

/**
 * The extension's events in Plesk's action log (submitted by PanelAuditLog; Plesk lists them as
 * `ext_m365-split-delivery_<event>`).
 */
class Modules_M365SplitDelivery_ActionLog extends pm_Hook_ActionLog
{
    public function getEvents()
    {
        // The same ids as PanelAuditLog::EVENT_ROUTES and EVENT_NEXT_HOP; literal here so that
        // listing the events needs no autoloader.
        return [
            'routes_changed' =>
                'Microsoft 365 Split Delivery: mailboxes hosted at Microsoft changed',
            'next_hop_changed' => 'Microsoft 365 Split Delivery: next hop of a domain changed',
        ];
    }
}
