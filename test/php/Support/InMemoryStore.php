<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Support;

use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Store\RoutingStore;

/** A routing store in memory, for planner tests; it checks nothing. */
final class InMemoryStore implements RoutingStore
{
    /** @var array<int, string> */
    private array $nextHops = [];

    /** @var array<int, list<Mark>> */
    private array $marks = [];

    public function nextHop(int $domainId): ?string
    {
        return $this->nextHops[$domainId] ?? null;
    }

    public function setNextHop(int $domainId, ?string $host): void
    {
        if ($host === null) {
            unset($this->nextHops[$domainId]);
        } else {
            $this->nextHops[$domainId] = $host;
        }
    }

    public function marks(int $domainId): array
    {
        return $this->marks[$domainId] ?? [];
    }

    public function addMark(int $domainId, Mark $mark): void
    {
        $this->marks[$domainId][] = $mark;
    }

    public function removeMark(int $domainId, Mark $mark): void
    {
        $this->marks[$domainId] = array_values(array_filter(
            $this->marks($domainId),
            static fn (Mark $m): bool => !$m->equals($mark)
        ));
    }

    public function domainIdsWithMarks(): array
    {
        $ids = array_keys(
            array_filter($this->marks, static fn (array $marks): bool => $marks !== [])
        );
        sort($ids);

        return $ids;
    }
}
