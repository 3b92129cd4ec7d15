<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sandbox;

use PleskExt\M365SplitDelivery\Api\AuditEntry;
use PleskExt\M365SplitDelivery\Api\AuditLog;
use PleskExt\M365SplitDelivery\Sync\SyncLog;

/** Audit lines on stderr (the terminal of `php -S`) and in the state directory's audit.log. */
final class FileAuditLog implements AuditLog, SyncLog
{
    public function __construct(private readonly string $path)
    {
    }

    public function record(AuditEntry $entry): void
    {
        $this->write('audit: ' . $entry->line());
    }

    public function info(string $message): void
    {
        $this->write($message);
    }

    public function error(string $message): void
    {
        $this->write('error: ' . $message);
    }

    private function write(string $line): void
    {
        $stamped = gmdate('Y-m-d\TH:i:s\Z') . ' m365-split-delivery ' . $line . "\n";
        file_put_contents($this->path, $stamped, FILE_APPEND);
        file_put_contents('php://stderr', $stamped);
    }
}
