<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sync;

/** The root helper's status lines and the latest apply, for administrators. */
final class SyncStatus
{
    /**
     * @param array<string, string> $helper first, path, type, routes, sha256, index
     */
    public function __construct(
        public readonly array $helper,
        public readonly ?LastApply $lastApply
    ) {
    }
}
