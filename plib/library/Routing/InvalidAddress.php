<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Routing;

use PleskExt\M365SplitDelivery\ExtensionException;

/** An address that is not an exact, routable address; the message quotes it and says why. */
final class InvalidAddress extends ExtensionException
{
    public function __construct(string $message)
    {
        parent::__construct('invalid-address', $message);
    }
}
