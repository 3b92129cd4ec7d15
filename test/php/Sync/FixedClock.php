<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Sync;

use DateTimeImmutable;
use PleskExt\M365SplitDelivery\Sync\Clock;

/** A clock that stands still unless the test moves it. */
final class FixedClock implements Clock
{
    public DateTimeImmutable $now;

    public function __construct(string $now = '2024-05-06T07:08:09+00:00')
    {
        $this->now = new DateTimeImmutable($now);
    }

    public function now(): DateTimeImmutable
    {
        return $this->now;
    }
}
