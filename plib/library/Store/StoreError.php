<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Store;

use PleskExt\M365SplitDelivery\ExtensionException;

/**
 * The routing store could not be read or written. Codes: `store-unreadable`, `store-malformed`,
 * `store-unwritable`.
 */
final class StoreError extends ExtensionException
{
}
