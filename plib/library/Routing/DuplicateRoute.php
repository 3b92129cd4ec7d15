<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Routing;

use PleskExt\M365SplitDelivery\ExtensionException;

/** Two routes for the same address: Postfix would use only one, the root helper refuses both. */
final class DuplicateRoute extends ExtensionException
{
    public function __construct(string $message)
    {
        parent::__construct('duplicate-route', $message);
    }
}
