<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Plesk;

use pm_Log;
use PleskExt\M365SplitDelivery\Sync\SyncLog;

/** The synchroniser's log lines in Plesk's extension log, each with the one stable prefix. */
final class PleskLog implements SyncLog
{
    public function info(string $message): void
    {
        pm_Log::info(self::LOG_PREFIX . $message);
    }

    public function error(string $message): void
    {
        pm_Log::err(self::LOG_PREFIX . $message);
    }
}
