<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sync;

use PleskExt\M365SplitDelivery\ExtensionException;

/** The synchroniser's journal could not be written or locked. Code: `journal-unwritable`. */
final class SyncJournalError extends ExtensionException
{
    public function __construct(string $message)
    {
        parent::__construct('journal-unwritable', $message);
    }
}
