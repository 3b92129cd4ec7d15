<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Store;

use PleskExt\M365SplitDelivery\JsonFile;
use PleskExt\M365SplitDelivery\JsonFileError;
use PleskExt\M365SplitDelivery\LastPhpError;
use PleskExt\M365SplitDelivery\Quote;
use PleskExt\M365SplitDelivery\Routing\InvalidAddress;
use PleskExt\M365SplitDelivery\Routing\InvalidNextHop;
use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Routing\NextHop;
use PleskExt\M365SplitDelivery\Routing\RouteGrammar;

/**
 * The routing store of the sandbox: one JSON file (schema in build/sandbox/README-data.md),
 * checked whole when read and replaced atomically on every change, under a lock between
 * processes.
 */
final class JsonStore implements RoutingStore
{
    private const DOMAIN_FIELDS = ['nextHop', 'marks'];
    private const MARK_FIELDS = ['accountId', 'localPart'];
    private const LOCK_WAIT_SECONDS = 5;

    /** @var array<int, array{nextHop: ?string, marks: list<Mark>}>|null */
    private ?array $domains = null;

    public function __construct(private readonly string $path)
    {
    }

    public function nextHop(int $domainId): ?string
    {
        return $this->domains()[$domainId]['nextHop'] ?? null;
    }

    public function setNextHop(int $domainId, ?string $host): void
    {
        if ($host !== null && !RouteGrammar::isHost($host)) {
            throw new InvalidNextHop(NextHop::notAHost($host));
        }

        $this->change(static function (array $domains) use ($domainId, $host): ?array {
            $domain = $domains[$domainId] ?? ['nextHop' => null, 'marks' => []];
            if ($domain['nextHop'] === $host) {
                return null;
            }
            $domains[$domainId] = ['nextHop' => $host, 'marks' => $domain['marks']];

            return $domains;
        });
    }

    public function marks(int $domainId): array
    {
        return $this->domains()[$domainId]['marks'] ?? [];
    }

    public function addMark(int $domainId, Mark $mark): void
    {
        $problem = RouteGrammar::localPartProblem($mark->localPart);
        if ($problem !== null) {
            throw new InvalidAddress(
                'local part ' . Quote::value($mark->localPart) . ' cannot be marked: ' . $problem
            );
        }

        $this->change(static function (array $domains) use ($domainId, $mark): ?array {
            $domain = $domains[$domainId] ?? ['nextHop' => null, 'marks' => []];
            foreach ($domain['marks'] as $existing) {
                if ($existing->equals($mark)) {
                    return null;
                }
            }
            $domain['marks'][] = $mark;
            $domains[$domainId] = $domain;

            return $domains;
        });
    }

    public function removeMark(int $domainId, Mark $mark): void
    {
        $this->change(static function (array $domains) use ($domainId, $mark): ?array {
            $marks = $domains[$domainId]['marks'] ?? [];
            $kept = array_values(
                array_filter($marks, static fn (Mark $m): bool => !$m->equals($mark))
            );
            if (count($kept) === count($marks)) {
                return null;
            }
            $domains[$domainId] = ['nextHop' => $domains[$domainId]['nextHop'], 'marks' => $kept];

            return $domains;
        });
    }

    public function domainIdsWithMarks(): array
    {
        $marked = array_filter($this->domains(), static fn (array $d): bool => $d['marks'] !== []);
        $ids = array_keys($marked);
        sort($ids);

        return $ids;
    }

    /** @return array<int, array{nextHop: ?string, marks: list<Mark>}> */
    private function domains(): array
    {
        return $this->domains ??= $this->read();
    }

    /**
     * Read-modify-write under the store's lock, on the file as it is now (not as this object
     * first read it), so that of two processes changing the store at once both changes land.
     * Readers need no lock: every write replaces the file whole by a rename.
     *
     * @param callable(array<int, array{nextHop: ?string, marks: list<Mark>}>):
     *     (array<int, array{nextHop: ?string, marks: list<Mark>}>|null) $change
     *     the domains after the change, or null when it changes nothing
     */
    private function change(callable $change): void
    {
        $lock = $this->lock();
        try {
            $domains = $this->read();
            $changed = $change($domains);
            if ($changed === null) {
                $this->domains = $domains;
                return;
            }
            $this->write($changed);
        } finally {
            flock($lock, LOCK_UN);
            fclose($lock);
        }
    }

    /**
     * An exclusive flock on `<store>.lock` beside the store. The lock file is never removed: a
     * process that removed it could leave another holding a lock on a file no one else opens.
     *
     * @return resource
     */
    private function lock()
    {
        $path = $this->path . '.lock';
        $lock = @fopen($path, 'c');
        if ($lock === false) {
            throw $this->unwritable('cannot open its lock file ' . $path . ': '
                . LastPhpError::cause());
        }

        // Writers hold the lock for one read and one rename; waiting long means one is stuck.
        $deadline = hrtime(true) + self::LOCK_WAIT_SECONDS * 1_000_000_000;
        while (!flock($lock, LOCK_EX | LOCK_NB)) {
            if (hrtime(true) >= $deadline) {
                fclose($lock);
                throw $this->unwritable('another process has held its lock ' . $path
                    . ' for ' . self::LOCK_WAIT_SECONDS . ' s');
            }
            usleep(2_000);
        }

        return $lock;
    }

    /** @return array<int, array{nextHop: ?string, marks: list<Mark>}> */
    private function read(): array
    {
        try {
            $document = JsonFile::read($this->path);
        } catch (JsonFileError $e) {
            throw $e->kind === 'unreadable'
                ? new StoreError('store-unreadable', 'cannot read the routing store ' . $this->path
                    . ': ' . $e->cause)
                : $this->malformed($e->cause);
        }

        if (!is_array($document) || ($document['version'] ?? null) !== 1) {
            throw $this->malformed('it is not an object with "version": 1');
        }
        $fields = ['version', 'domains'];
        if (!is_array($document['domains'] ?? null) || !self::onlyFields($document, $fields)) {
            throw $this->malformed(
                'it needs "domains", an object keyed by domain id, and no more'
            );
        }

        $decoded = $document['domains'];
        unset($document);

        // Each decoded entry is freed once parsed, so that a store of 100,000 marks is not held
        // twice (as arrays and as Marks) at the peak.
        $domains = [];
        foreach (array_keys($decoded) as $key) {
            // PHP turns the JSON key "1" into the integer 1; "01" or "x" stay strings.
            if (!is_int($key) || $key < 1) {
                $quoted = Quote::value((string) $key);
                throw $this->malformed('domain key ' . $quoted . ' is not a domain id');
            }
            $domains[$key] = $this->parseDomain($decoded[$key], 'domain ' . $key);
            unset($decoded[$key]);
        }

        return $domains;
    }

    /** @return array{nextHop: ?string, marks: list<Mark>} */
    private function parseDomain(mixed &$domain, string $where): array
    {
        if (!is_array($domain) || !self::onlyFields($domain, self::DOMAIN_FIELDS)) {
            throw $this->malformed($where . ' is not an object with "nextHop" and "marks" only');
        }

        $nextHop = $domain['nextHop'] ?? null;
        if ($nextHop !== null && !is_string($nextHop)) {
            throw $this->malformed($where . ', nextHop: not a string or null');
        }
        if ($nextHop !== null && !RouteGrammar::isHost($nextHop)) {
            throw $this->malformed($where . ', nextHop: ' . NextHop::notAHost($nextHop));
        }

        $domain['marks'] ??= [];
        if (!is_array($domain['marks']) || !array_is_list($domain['marks'])) {
            throw $this->malformed($where . ', marks: not a list');
        }

        $marks = [];
        foreach (array_keys($domain['marks']) as $i) {
            $marks[] = $this->parseMark($domain['marks'][$i], "$where, marks[$i]");
            unset($domain['marks'][$i]);
        }

        return ['nextHop' => $nextHop, 'marks' => $marks];
    }

    private function parseMark(mixed $mark, string $where): Mark
    {
        if (!is_array($mark) || !self::onlyFields($mark, self::MARK_FIELDS)) {
            throw $this->malformed(
                $where . ' is not an object with "accountId", "localPart" only'
            );
        }
        if (!is_int($mark['accountId'] ?? null) || $mark['accountId'] < 1) {
            throw $this->malformed($where . ', accountId: not a positive integer');
        }
        if (!is_string($mark['localPart'] ?? null)) {
            throw $this->malformed($where . ', localPart: not a string');
        }

        $problem = RouteGrammar::localPartProblem($mark['localPart']);
        if ($problem !== null) {
            throw $this->malformed(
                $where . ', localPart: ' . Quote::value($mark['localPart']) . ': ' . $problem
            );
        }

        return new Mark($mark['accountId'], $mark['localPart']);
    }

    /**
     * @param array<mixed> $object
     * @param list<string> $fields
     */
    private static function onlyFields(array $object, array $fields): bool
    {
        return array_diff(array_map('strval', array_keys($object)), $fields) === [];
    }

    /** @param array<int, array{nextHop: ?string, marks: list<Mark>}> $domains */
    private function write(array $domains): void
    {
        ksort($domains);
        $document = ['version' => 1, 'domains' => new \stdClass()];
        foreach ($domains as $id => $domain) {
            if ($domain['nextHop'] === null && $domain['marks'] === []) {
                continue;
            }
            $document['domains']->{(string) $id} = [
                'nextHop' => $domain['nextHop'],
                'marks' => array_map(
                    static fn (Mark $m): array => [
                        'accountId' => $m->accountId,
                        'localPart' => $m->localPart,
                    ],
                    $domain['marks']
                ),
            ];
        }
        $text = json_encode(
            $document,
            JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR
        );

        // A temp file in the same directory, renamed over the store: a reader sees the old file
        // or the new one, never half of one.
        $temp = dirname($this->path) . '/.' . basename($this->path) . '.'
            . bin2hex(random_bytes(6));
        try {
            if (@file_put_contents($temp, $text . "\n") !== strlen($text) + 1) {
                throw $this->unwritable(LastPhpError::cause());
            }
            if (!@rename($temp, $this->path)) {
                throw $this->unwritable(LastPhpError::cause());
            }
            $this->domains = $domains;
        } finally {
            // Still there only when a step above failed.
            if (file_exists($temp)) {
                unlink($temp);
            }
        }
    }

    private function malformed(string $cause): StoreError
    {
        return new StoreError(
            'store-malformed',
            'the routing store ' . $this->path . ' is malformed: ' . $cause
        );
    }

    private function unwritable(string $cause): StoreError
    {
        return new StoreError(
            'store-unwritable',
            'cannot write the routing store ' . $this->path . ': ' . $cause
        );
    }
}
