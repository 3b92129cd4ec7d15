<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Routing;

use PleskExt\M365SplitDelivery\ExtensionException;

/** A next hop that is not a Microsoft 365 host; the message quotes the value and says why. */
final class InvalidNextHop extends ExtensionException
{
    public function __construct(string $message)
    {
        parent::__construct('invalid-next-hop', $message);
    }
}
