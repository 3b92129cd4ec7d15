<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sync;

/**
 * What the synchroniser remembers between requests: the last apply, which domains have changes
 * not applied yet, whether our map was last seen first in transport_maps, and per domain what the
 * last rebuild recorded. All of it is derived: a rebuild writes it afresh.
 */
interface SyncJournal
{
    /** The pending key that stands for every domain (an event whose domain is not known). */
    public const EVERY_DOMAIN = 0;

    public function lastApply(): ?LastApply;

    public function recordApply(LastApply $apply): void;

    /**
     * @return array<int, int> domain id (or EVERY_DOMAIN) → the sequence number of its latest
     *                         change, so that a rebuild clears only the changes it has seen
     */
    public function pending(): array;

    /** Notes a change of the domain (or, with EVERY_DOMAIN, of any domain) not applied yet. */
    public function markPending(int $domainId): void;

    /**
     * Clears the pending changes a rebuild has applied: those still at the sequence number it
     * saw before planning. A change noted meanwhile stays pending.
     *
     * @param array<int, int> $seen as pending() returned it
     */
    public function clearPending(array $seen): void;

    /** Whether our map was first in transport_maps when last seen; null when never seen. */
    public function mapFirst(): ?bool;

    public function recordMapFirst(bool $first): void;

    public function domainRecord(int $domainId): ?DomainRecord;

    /** @return array<int, DomainRecord> */
    public function domainRecords(): array;

    /** @param array<int, DomainRecord> $records every domain's record; others are forgotten */
    public function replaceDomainRecords(array $records): void;

    /**
     * Runs $work while no other process runs a rebuild, so that an older plan is never applied
     * after a newer one.
     *
     * @template T
     * @param callable(): T $work
     * @return T
     */
    public function exclusively(callable $work): mixed;
}
