<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sync;

use DateTimeImmutable;

/** The time an apply is recorded at; tests give their own. */
interface Clock
{
    public function now(): DateTimeImmutable;
}
