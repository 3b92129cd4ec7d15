<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Routing;

use PleskExt\M365SplitDelivery\ExtensionException;

/** A domain name outside the route grammar (or not convertible to ASCII); the message says why. */
final class InvalidDomainName extends ExtensionException
{
    public function __construct(string $message)
    {
        parent::__construct('invalid-domain', $message);
    }
}
