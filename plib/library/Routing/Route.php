<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Routing;

/** One line of the transport map: mail for $address is relayed to $nextHop. */
final class Route
{
    public function __construct(public readonly string $address, public readonly string $nextHop)
    {
    }
}
