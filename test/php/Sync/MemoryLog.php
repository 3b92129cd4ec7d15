<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Sync;

use PleskExt\M365SplitDelivery\Sync\SyncLog;

/** Keeps log lines as "info: …" / "error: …", without the prefix the real logs add. */
final class MemoryLog implements SyncLog
{
    /** @var list<string> */
    public array $lines = [];

    public function info(string $message): void
    {
        $this->lines[] = 'info: ' . $message;
    }

    public function error(string $message): void
    {
        $this->lines[] = 'error: ' . $message;
    }
}
