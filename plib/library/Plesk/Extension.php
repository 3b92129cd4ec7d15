<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Plesk;

use pm_Context;
use PleskExt\M365SplitDelivery\Cli\AdminCommands;
use PleskExt\M365SplitDelivery\Events\MapEvents;
use PleskExt\M365SplitDelivery\Sync\JsonSyncJournal;
use PleskExt\M365SplitDelivery\Sync\Maintenance;
use PleskExt\M365SplitDelivery\Sync\MapSynchroniser;
use PleskExt\M365SplitDelivery\Sync\SystemClock;

/**
 * Wires the library with Plesk's adapters: what every Plesk entry point (controllers, hooks, the
 * event listener, scripts) starts from. Needs pm_Context::init('m365-split-delivery') first.
 */
final class Extension
{
    public const ID = 'm365-split-delivery';

    public static function store(): DomainSettingsStore
    {
        return new DomainSettingsStore();
    }

    public static function directory(): XmlApiMailboxDirectory
    {
        return new XmlApiMailboxDirectory();
    }

    public static function domains(): PleskDomains
    {
        return new PleskDomains();
    }

    /** The journal lives in the extension's var directory (derived data: not in backups). */
    public static function journal(): JsonSyncJournal
    {
        return new JsonSyncJournal(rtrim(pm_Context::getVarDir(), '/') . '/sync');
    }

    /**
     * The one map sync of every entry point. A caller that also reads or changes marks itself
     * passes its store and directory, so that the rebuild sees what it read and wrote.
     */
    public static function mapSync(
        ?DomainSettingsStore $store = null,
        ?XmlApiMailboxDirectory $directory = null
    ): MapSynchroniser {
        return new MapSynchroniser(
            $store ?? self::store(),
            $directory ?? self::directory(),
            new SbinRootHelper(),
            self::journal(),
            new SystemClock(),
            new PleskLog()
        );
    }

    public static function maintenance(): Maintenance
    {
        $helper = new SbinRootHelper();

        return new Maintenance(self::mapSync(), $helper, new CheckTask(), new PleskLog());
    }

    /** Events of one request end in one rebuild, when PHP shuts the request down. */
    public static function mapEvents(): MapEvents
    {
        return new MapEvents(self::mapSync(), new PleskLog(), 'register_shutdown_function');
    }

    public static function adminCommands(): AdminCommands
    {
        $store = self::store();
        $directory = self::directory();

        return new AdminCommands(
            $store,
            $directory,
            self::domains(),
            self::mapSync($store, $directory)
        );
    }
}
