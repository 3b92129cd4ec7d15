<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sync;

/**
 * Where the synchroniser says what it changed and what failed: Plesk's log in the panel, stderr in
 * the sandbox. Implementations put the one stable prefix (LOG_PREFIX) before every line.
 */
interface SyncLog
{
    public const LOG_PREFIX = 'm365-split-delivery: ';

    public function info(string $message): void;

    public function error(string $message): void;
}
