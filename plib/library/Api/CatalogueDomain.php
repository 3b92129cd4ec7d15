<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Api;

/** A mail domain as the domain list shows it: id, ASCII name and the name people read. */
final class CatalogueDomain
{
    public function __construct(
        public readonly int $id,
        public readonly string $name,
        public readonly string $displayName
    ) {
    }
}
