<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sync;

use DateTimeImmutable;
use Exception;
use PleskExt\M365SplitDelivery\LastPhpError;

/**
 * The journal as two JSON files in a directory of its own (Plesk: the extension's var directory;
 * the sandbox: .sandbox/): `journal.json` (last apply, pending changes, whether our map was first)
 * is small and rewritten often; `applied.json` (per domain: routed addresses, warnings) can be
 * large and is rewritten once per rebuild. Each is replaced atomically; changes of journal.json
 * hold `journal.lock`, rebuilds hold `rebuild.lock`. Unreadable or malformed content counts as
 * empty: it is derived data, and the next rebuild writes it again.
 */
final class JsonSyncJournal implements SyncJournal
{
    /** @var array{key: string, records: array<int, DomainRecord>}|null */
    private ?array $recordsCache = null;

    public function __construct(private readonly string $directory)
    {
    }

    public function lastApply(): ?LastApply
    {
        $last = $this->readJournal()['lastApply'] ?? null;
        if (!is_array($last) || !is_string($last['at'] ?? null) || !is_bool($last['ok'] ?? null)) {
            return null;
        }
        try {
            $at = new DateTimeImmutable($last['at']);
        } catch (Exception) {
            return null;
        }

        return new LastApply($at, $last['ok'], is_string($last['message'] ?? null)
            ? $last['message'] : '');
    }

    public function recordApply(LastApply $apply): void
    {
        $this->changeJournal(static function (array $journal) use ($apply): array {
            $journal['lastApply'] = [
                'at' => $apply->at->format(DATE_ATOM),
                'ok' => $apply->ok,
                'message' => $apply->message,
            ];
            return $journal;
        });
    }

    public function pending(): array
    {
        $pending = $this->readJournal()['pending'] ?? [];
        if (!is_array($pending)) {
            return [];
        }

        return array_filter($pending, static fn ($sequence, $id): bool => is_int($id) && $id >= 0
            && is_int($sequence), ARRAY_FILTER_USE_BOTH);
    }

    public function markPending(int $domainId): void
    {
        $this->changeJournal(static function (array $journal) use ($domainId): array {
            $sequence = (is_int($journal['sequence'] ?? null) ? $journal['sequence'] : 0) + 1;
            $journal['sequence'] = $sequence;
            $pending = is_array($journal['pending'] ?? null) ? $journal['pending'] : [];
            $pending[$domainId] = $sequence;
            $journal['pending'] = $pending;
            return $journal;
        });
    }

    public function clearPending(array $seen): void
    {
        if ($seen === []) {
            return;
        }
        $this->changeJournal(static function (array $journal) use ($seen): array {
            $pending = is_array($journal['pending'] ?? null) ? $journal['pending'] : [];
            foreach ($seen as $domainId => $sequence) {
                if (($pending[$domainId] ?? null) === $sequence) {
                    unset($pending[$domainId]);
                }
            }
            $journal['pending'] = $pending;
            return $journal;
        });
    }

    public function mapFirst(): ?bool
    {
        $first = $this->readJournal()['mapFirst'] ?? null;

        return is_bool($first) ? $first : null;
    }

    public function recordMapFirst(bool $first): void
    {
        if ($this->mapFirst() === $first) {
            return;
        }
        $this->changeJournal(static function (array $journal) use ($first): array {
            $journal['mapFirst'] = $first;
            return $journal;
        });
    }

    public function domainRecord(int $domainId): ?DomainRecord
    {
        return $this->domainRecords()[$domainId] ?? null;
    }

    public function domainRecords(): array
    {
        // The panel asks once per domain of a page: parse the file again only when it changed.
        $path = $this->path('applied.json');
        clearstatcache(true, $path);
        $stat = @stat($path);
        $key = $stat === false ? 'none' : $stat['ino'] . ':' . $stat['mtime'] . ':'
            . $stat['size'];
        if ($this->recordsCache !== null && $this->recordsCache['key'] === $key) {
            return $this->recordsCache['records'];
        }

        $records = [];
        $document = $stat === false ? null : $this->readJson($path);
        foreach ((is_array($document) ? $document['domains'] ?? [] : []) as $id => $record) {
            $parsed = is_int($id) ? self::parseRecord($record) : null;
            if ($parsed !== null) {
                $records[$id] = $parsed;
            }
        }
        $this->recordsCache = ['key' => $key, 'records' => $records];

        return $records;
    }

    public function replaceDomainRecords(array $records): void
    {
        ksort($records);
        $domains = [];
        foreach ($records as $id => $record) {
            $domains[(string) $id] = [
                'routed' => $record->routed,
                'warnings' => array_map(static fn (AccountWarning $w): array => [
                    'address' => $w->address,
                    'code' => $w->code,
                    'message' => $w->message,
                ], $record->warnings),
                'nextHop' => $record->hasNextHop,
            ];
        }
        $this->writeJson($this->path('applied.json'), [
            'version' => 1,
            'domains' => $domains === [] ? new \stdClass() : $domains,
        ]);
        $this->recordsCache = null;
    }

    public function exclusively(callable $work): mixed
    {
        $lock = $this->lock('rebuild.lock');
        try {
            return $work();
        } finally {
            flock($lock, LOCK_UN);
            fclose($lock);
        }
    }

    private static function parseRecord(mixed $record): ?DomainRecord
    {
        if (!is_array($record) || !is_array($record['routed'] ?? null)) {
            return null;
        }
        $warnings = [];
        foreach (is_array($record['warnings'] ?? null) ? $record['warnings'] : [] as $warning) {
            if (is_array($warning) && is_string($warning['code'] ?? null)) {
                $warnings[] = new AccountWarning(
                    is_string($warning['address'] ?? null) ? $warning['address'] : null,
                    $warning['code'],
                    is_string($warning['message'] ?? null) ? $warning['message'] : ''
                );
            }
        }

        return new DomainRecord(
            array_values(array_filter($record['routed'], 'is_string')),
            $warnings,
            ($record['nextHop'] ?? false) === true
        );
    }

    /** @return array<string, mixed> */
    private function readJournal(): array
    {
        $document = $this->readJson($this->path('journal.json'));

        return is_array($document) ? $document : [];
    }

    /** @param callable(array<string, mixed>): array<string, mixed> $change */
    private function changeJournal(callable $change): void
    {
        $lock = $this->lock('journal.lock');
        try {
            $journal = $change($this->readJournal());
            $journal['version'] = 1;
            if (is_array($journal['pending'] ?? null) && $journal['pending'] === []) {
                $journal['pending'] = new \stdClass();
            }
            $this->writeJson($this->path('journal.json'), $journal);
        } finally {
            flock($lock, LOCK_UN);
            fclose($lock);
        }
    }

    private function readJson(string $path): mixed
    {
        $text = @file_get_contents($path);
        if ($text === false) {
            return null;
        }

        // Malformed content counts as empty (see the class comment).
        return json_decode($text, true, 16);
    }

    /** @param array<string, mixed> $document */
    private function writeJson(string $path, array $document): void
    {
        $this->ensureDirectory();
        $text = json_encode($document, JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR) . "\n";
        $temp = $path . '.' . bin2hex(random_bytes(6));
        try {
            if (@file_put_contents($temp, $text) !== strlen($text) || !@rename($temp, $path)) {
                throw new SyncJournalError('cannot write the journal ' . $path . ': '
                    . LastPhpError::cause());
            }
        } finally {
            // Still there only when a step above failed.
            if (file_exists($temp)) {
                unlink($temp);
            }
        }
    }

    /** @return resource */
    private function lock(string $name)
    {
        $this->ensureDirectory();
        $path = $this->path($name);
        $handle = @fopen($path, 'c');
        if ($handle === false) {
            throw new SyncJournalError('cannot open the lock ' . $path . ': '
                . LastPhpError::cause());
        }
        if (!flock($handle, LOCK_EX)) {
            fclose($handle);
            throw new SyncJournalError('cannot lock ' . $path);
        }

        return $handle;
    }

    private function ensureDirectory(): void
    {
        // Another process may create it between the test and mkdir: check again.
        $created = is_dir($this->directory) || @mkdir($this->directory, 0700, true);
        if (!$created && !is_dir($this->directory)) {
            throw new SyncJournalError('cannot create the journal directory ' . $this->directory
                . ': ' . LastPhpError::cause());
        }
    }

    private function path(string $name): string
    {
        return rtrim($this->directory, '/') . '/' . $name;
    }
}
