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
 * checked whole when first read and replaced atomically on every change.
 */
final class JsonStore implements RoutingStore
{
    private const DOMAIN_FIELDS = ['nextHop', 'marks'];
    private const MARK_FIELDS = ['accountId', 'localPart'];

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

        $domains = $this->domains();
        if ($this->nextHop($domainId) === $host) {
            return;
        }
        $domains[$domainId] = ['nextHop' => $host, 'marks' => $this->marks($domainId)];
        $this->write($domains);
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

        $marks = $this->marks($domainId);
        foreach ($marks as $existing) {
            if ($existing->equals($mark)) {
                return;
            }
        }

        $domains = $this->domains();
        $marks[] = $mark;
        $domains[$domainId] = ['nextHop' => $this->nextHop($domainId), 'marks' => $marks];
        $this->write($domains);
    }

    public function removeMark(int $domainId, Mark $mark): void
    {
        $marks = $this->marks($domainId);
        $kept = array_values(array_filter($marks, static fn (Mark $m): bool => !$m->equals($mark)));
        if (count($kept) === count($marks)) {
            return;
        }

        $domains = $this->domains();
        $domains[$domainId] = ['nextHop' => $this->nextHop($domainId), 'marks' => $kept];
        $this->write($domains);
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
            throw $this->malformed('it needs "domains", an object keyed by domain id, and no more');
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
            throw $this->malformed($where . ' is not an object with "accountId", "localPart" only');
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
        // TODO(#2): no lock between processes: of two writers at once, the last one wins.
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
