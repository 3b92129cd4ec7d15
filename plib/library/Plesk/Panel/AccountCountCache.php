<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Plesk\Panel;

use pm_Context;
use PleskExt\M365SplitDelivery\Plesk\Extension;
use PleskExt\M365SplitDelivery\Sync\Clock;
use PleskExt\M365SplitDelivery\Sync\SyncJournal;
use PleskExt\M365SplitDelivery\Sync\SystemClock;

/**
 * How many mail accounts each domain of the server has, kept in a small JSON file in the
 * extension's var directory, so that listing thousands of domains asks the XML API at most once
 * in a few minutes. A cached read is used only while it is younger than its lifetime and the
 * sync journal shows no change since it was read: Plesk's mail events note a change there
 * (pending for every domain) and end in a rebuild, which records its apply with the time.
 */
final class AccountCountCache
{
    public const LIFETIME_SECONDS = 300;

    public function __construct(
        private readonly string $path,
        private readonly SyncJournal $journal,
        private readonly Clock $clock,
        private readonly int $lifetimeSeconds = self::LIFETIME_SECONDS
    ) {
    }

    /** The cache of the installed extension: account-counts.json in its var directory. */
    public static function inVarDir(): self
    {
        return new self(
            rtrim(pm_Context::getVarDir(), '/') . '/account-counts.json',
            Extension::journal(),
            new SystemClock()
        );
    }

    /**
     * The account counts of these domains: from the file while it is valid and covers them all,
     * else from $read, whose answer is then kept for the next requests.
     *
     * @param list<int> $domainIds
     * @param callable(): array<int, int> $read reads the counts of every one of $domainIds
     * @return array<int, int> keyed by domain id
     */
    public function counts(array $domainIds, callable $read): array
    {
        $change = $this->changeNoted();
        $cached = $this->load($change);
        if ($cached !== null && array_diff_key(array_flip($domainIds), $cached) === []) {
            return $cached;
        }

        // Taken before reading, so that a change during the read leaves the result stale.
        $readAt = $this->clock->now()->getTimestamp();
        $counts = $read();
        $this->save($readAt, $change, $counts);

        return $counts;
    }

    /**
     * The counts in the file, or null when there are none, they are malformed, too old, or a
     * change was noted or a rebuild ran since they were read.
     *
     * @return array<int, int>|null
     */
    private function load(?int $change): ?array
    {
        $text = @file_get_contents($this->path);
        // No file yet, or one that cannot be read or parsed: derived data, read afresh.
        $document = $text === false ? null : json_decode($text, true, 8);
        if (
            !is_array($document)
            || !is_int($document['readAt'] ?? null)
            || !array_key_exists('change', $document)
            || $document['change'] !== $change
            || !is_array($document['counts'] ?? null)
        ) {
            return null;
        }

        $readAt = $document['readAt'];
        $now = $this->clock->now()->getTimestamp();
        if ($now < $readAt || $now - $readAt >= $this->lifetimeSeconds) {
            return null;
        }
        $lastApply = $this->journal->lastApply();
        if ($lastApply !== null && $lastApply->at->getTimestamp() >= $readAt) {
            return null;
        }

        $counts = [];
        foreach ($document['counts'] as $id => $count) {
            if (!is_int($id) || !is_int($count) || $count < 0) {
                return null;
            }
            $counts[$id] = $count;
        }

        return $counts;
    }

    /** The sequence number of the change Plesk's events noted for every domain, if any. */
    private function changeNoted(): ?int
    {
        return $this->journal->pending()[SyncJournal::EVERY_DOMAIN] ?? null;
    }

    /** @param array<int, int> $counts */
    private function save(int $readAt, ?int $change, array $counts): void
    {
        $text = json_encode([
            'version' => 1,
            'readAt' => $readAt,
            'change' => $change,
            // An object even when the ids run 0, 1, 2…: they are keys, not positions.
            'counts' => (object) $counts,
        ], JSON_THROW_ON_ERROR) . "\n";

        $directory = dirname($this->path);
        $temp = $this->path . '.' . bin2hex(random_bytes(6));
        try {
            // A cache that cannot be written costs the next request one more read, nothing else:
            // the list must not fail for it.
            if (is_dir($directory) || @mkdir($directory, 0700, true)) {
                if (@file_put_contents($temp, $text) === strlen($text)) {
                    @rename($temp, $this->path);
                }
            }
        } finally {
            // Still there only when a step above failed.
            if (file_exists($temp)) {
                @unlink($temp);
            }
        }
    }
}
