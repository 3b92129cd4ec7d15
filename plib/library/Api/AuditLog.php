<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Api;

/** Where changes of marks and next hops are recorded: Plesk's log and action log, or a file. */
interface AuditLog
{
    public function record(AuditEntry $entry): void;
}
