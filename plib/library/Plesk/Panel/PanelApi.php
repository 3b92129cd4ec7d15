<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Plesk\Panel;

use PleskExt\M365SplitDelivery\Api\ApiDispatcher;
use PleskExt\M365SplitDelivery\Api\ApiService;
use PleskExt\M365SplitDelivery\Plesk\Extension;

/**
 * The JSON API as the panel serves it: the API service wired with Plesk's adapters, its map sync
 * the one the event listener, the CLI and the scheduled check use (same journal, same helper).
 */
final class PanelApi
{
    public static function dispatcher(): ApiDispatcher
    {
        $store = Extension::store();
        $directory = Extension::directory();
        $service = new ApiService(
            $store,
            $directory,
            Extension::mapSync($store, $directory),
            new PanelDomainCatalogue($directory),
            new DnsHostResolver(),
            new SystemServerInfo(),
            new PanelAuditLog()
        );

        return new ApiDispatcher($service, new PanelForgeryToken());
    }
}
