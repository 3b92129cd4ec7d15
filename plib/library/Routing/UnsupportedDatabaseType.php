<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Routing;

use PleskExt\M365SplitDelivery\ExtensionException;

/** A Postfix database type that this Postfix cannot build (not listed by `postconf -m`). */
final class UnsupportedDatabaseType extends ExtensionException
{
    public function __construct(string $message)
    {
        parent::__construct('unsupported-database-type', $message);
    }
}
