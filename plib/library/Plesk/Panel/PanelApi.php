<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Plesk\Panel;

use PleskExt\M365SplitDelivery\Api\ApiDispatcher;
use PleskExt\M365SplitDelivery\Api\ApiService;
use PleskExt\M365SplitDelivery\Plesk\DomainSettingsStore;
use PleskExt\M365SplitDelivery\Plesk\PleskLog;
use PleskExt\M365SplitDelivery\Plesk\SbinRootHelper;
use PleskExt\M365SplitDelivery\Plesk\XmlApiMailboxDirectory;
use PleskExt\M365SplitDelivery\Sync\JsonSyncJournal;
use PleskExt\M365SplitDelivery\Sync\MapSynchroniser;
use PleskExt\M365SplitDelivery\Sync\SystemClock;

/** The JSON API as the panel serves it: the API service wired with Plesk's adapters. */
final class PanelApi
{
    // TODO(#3): the event listener, the CLI and the scheduled check wire the same map sync; one
    // shared factory would keep the four from drifting apart.
    public static function dispatcher(): ApiDispatcher
    {
        $store = new DomainSettingsStore();
        $directory = new XmlApiMailboxDirectory();
        $sync = new MapSynchroniser(
            $store,
            $directory,
            new SbinRootHelper(),
            new JsonSyncJournal(\pm_Context::getVarDir()),
            new SystemClock(),
            new PleskLog()
        );
        $service = new ApiService(
            $store,
            $directory,
            $sync,
            new PanelDomainCatalogue($directory),
            new DnsHostResolver(),
            new SystemServerInfo(),
            new PanelAuditLog()
        );

        return new ApiDispatcher($service, new PanelForgeryToken());
    }
}
