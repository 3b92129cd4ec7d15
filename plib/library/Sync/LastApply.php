<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sync;

use DateTimeImmutable;

/** The outcome of the latest apply: when, whether it worked, and what the helper said. */
final class LastApply
{
    public function __construct(
        public readonly DateTimeImmutable $at,
        public readonly bool $ok,
        public readonly string $message
    ) {
    }
}
