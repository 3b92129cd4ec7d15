<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sync;

use DateTimeImmutable;
use DateTimeZone;

/** The machine's clock, in UTC so that recorded times compare across time zone changes. */
final class SystemClock implements Clock
{
    public function now(): DateTimeImmutable
    {
        return new DateTimeImmutable('now', new DateTimeZone('UTC'));
    }
}
