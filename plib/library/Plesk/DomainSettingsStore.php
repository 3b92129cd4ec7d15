<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Plesk;

use pm_Domain;
use pm_Exception;
use PleskExt\M365SplitDelivery\Quote;
use PleskExt\M365SplitDelivery\Routing\InvalidAddress;
use PleskExt\M365SplitDelivery\Routing\InvalidNextHop;
use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Routing\NextHop;
use PleskExt\M365SplitDelivery\Routing\RouteGrammar;
use PleskExt\M365SplitDelivery\Store\ReplaceableMarks;
use PleskExt\M365SplitDelivery\Store\RoutingStore;
use PleskExt\M365SplitDelivery\Store\StoreError;
use Throwable;

/**
 * The routing store in Plesk: each domain's own extension settings (pm_Domain::setSetting), which
 * Plesk keeps in its database and in its backups, and deletes with the domain.
 *
 * Keys of a domain: `nextHop` (the host, absent when none); `marks`, "GENERATION COUNT"; and the
 * marks themselves in COUNT chunks `marks.GENERATION.0` … (a value holds at most 5,000
 * characters), one "ACCOUNT_ID LOCAL_PART" line per mark. A change writes the chunks of a new
 * generation, then switches `marks` to it, then blanks the old chunks: a reader sees the old set
 * or the new one, never half of one.
 */
final class DomainSettingsStore implements RoutingStore, ReplaceableMarks
{
    public const NEXT_HOP = 'nextHop';
    public const MARKS = 'marks';
    public const CHUNK_LIMIT = 5000;

    /** @var array<int, list<Mark>> */
    private array $marks = [];

    public function nextHop(int $domainId): ?string
    {
        $domain = $this->find($domainId);
        $host = $domain === null ? '' : (string) $domain->getSetting(self::NEXT_HOP, '');

        return $host === '' ? null : $host;
    }

    public function setNextHop(int $domainId, ?string $host): void
    {
        if ($host !== null && !RouteGrammar::isHost($host)) {
            throw new InvalidNextHop(NextHop::notAHost($host));
        }

        $this->write($this->existing($domainId), self::NEXT_HOP, $host ?? '');
    }

    public function marks(int $domainId): array
    {
        if (!isset($this->marks[$domainId])) {
            $domain = $this->find($domainId);
            $this->marks[$domainId] = $domain === null ? [] : $this->readMarks($domain);
        }

        return $this->marks[$domainId];
    }

    public function addMark(int $domainId, Mark $mark): void
    {
        $marks = $this->marks($domainId);
        foreach ($marks as $existing) {
            if ($existing->equals($mark)) {
                return;
            }
        }
        $marks[] = $mark;
        $this->replaceMarks($domainId, $marks);
    }

    public function removeMark(int $domainId, Mark $mark): void
    {
        $marks = $this->marks($domainId);
        $kept = array_values(
            array_filter($marks, static fn (Mark $m): bool => !$m->equals($mark))
        );
        if (count($kept) !== count($marks)) {
            $this->replaceMarks($domainId, $kept);
        }
    }

    public function replaceMarks(int $domainId, array $marks): void
    {
        foreach ($marks as $mark) {
            $problem = RouteGrammar::localPartProblem($mark->localPart);
            if ($problem !== null) {
                throw new InvalidAddress('local part ' . Quote::value($mark->localPart)
                    . ' cannot be marked: ' . $problem);
            }
        }

        $domain = $this->existing($domainId);
        [$generation, $count] = $this->pointer($domain);
        $next = $generation + 1;

        $chunks = self::chunks($marks);
        foreach ($chunks as $index => $chunk) {
            $this->write($domain, self::chunkKey($next, $index), $chunk);
        }
        $this->write($domain, self::MARKS, $chunks === [] ? '' : $next . ' ' . count($chunks));
        unset($this->marks[$domainId]);

        // Only after the switch: a reader holding the old generation may still be reading them.
        for ($index = 0; $index < $count; $index++) {
            $this->write($domain, self::chunkKey($generation, $index), '');
        }
        $this->marks[$domainId] = array_values($marks);
    }

    public function domainIdsWithMarks(): array
    {
        $ids = [];
        foreach ($this->allDomains() as $domain) {
            if ($this->pointer($domain)[1] > 0) {
                $ids[] = (int) $domain->getId();
            }
        }
        sort($ids);

        return $ids;
    }

    /**
     * @param list<Mark> $marks
     * @return list<string> lines of "ID LOCAL_PART", packed into values of at most CHUNK_LIMIT
     */
    private static function chunks(array $marks): array
    {
        $chunks = [];
        $chunk = '';
        foreach ($marks as $mark) {
            $line = $mark->accountId . ' ' . $mark->localPart;
            if ($chunk !== '' && strlen($chunk) + 1 + strlen($line) > self::CHUNK_LIMIT) {
                $chunks[] = $chunk;
                $chunk = '';
            }
            $chunk .= ($chunk === '' ? '' : "\n") . $line;
        }
        if ($chunk !== '') {
            $chunks[] = $chunk;
        }

        return $chunks;
    }

    private static function chunkKey(int $generation, int $index): string
    {
        return self::MARKS . '.' . $generation . '.' . $index;
    }

    /** @return list<Mark> */
    private function readMarks(pm_Domain $domain): array
    {
        [$generation, $count] = $this->pointer($domain);

        $marks = [];
        for ($index = 0; $index < $count; $index++) {
            $key = self::chunkKey($generation, $index);
            $chunk = (string) $domain->getSetting($key, '');
            if ($chunk === '') {
                throw $this->malformed($domain, $key . ' is missing');
            }
            foreach (explode("\n", $chunk) as $line) {
                $parsed = preg_match('/\A([1-9][0-9]{0,17}) (\S+)\z/', $line, $match) === 1;
                if (!$parsed || RouteGrammar::localPartProblem($match[2]) !== null) {
                    throw $this->malformed($domain, $key . ' holds ' . Quote::value($line)
                        . ', not "ACCOUNT_ID LOCAL_PART"');
                }
                $marks[] = new Mark((int) $match[1], $match[2]);
            }
        }

        return $marks;
    }

    /** @return array{0: int, 1: int} the generation and chunk count in force (0 0: no marks) */
    private function pointer(pm_Domain $domain): array
    {
        $value = (string) $domain->getSetting(self::MARKS, '');
        if ($value === '') {
            return [0, 0];
        }
        if (preg_match('/\A([0-9]{1,9}) ([0-9]{1,6})\z/', $value, $match) !== 1) {
            throw $this->malformed($domain, self::MARKS . ' holds ' . Quote::value($value)
                . ', not "GENERATION COUNT"');
        }

        return [(int) $match[1], (int) $match[2]];
    }

    private function write(pm_Domain $domain, string $key, string $value): void
    {
        try {
            $domain->setSetting($key, $value);
        } catch (Throwable $e) {
            throw new StoreError('store-unwritable', 'cannot write the setting ' . $key . ' of '
                . $domain->getName() . ': ' . $e->getMessage(), $e);
        }
    }

    private function find(int $domainId): ?pm_Domain
    {
        try {
            return pm_Domain::getByDomainId($domainId);
        } catch (pm_Exception) {
            // A domain that does not exist has no marks and no next hop.
            return null;
        }
    }

    private function existing(int $domainId): pm_Domain
    {
        return $this->find($domainId) ?? throw new StoreError(
            'store-unwritable',
            'cannot change the routing settings of domain ' . $domainId . ': it does not exist'
        );
    }

    /** @return list<pm_Domain> */
    private function allDomains(): array
    {
        try {
            return array_values(pm_Domain::getAllDomains());
        } catch (Throwable $e) {
            throw new StoreError('store-unreadable', 'cannot list the domains of this server: '
                . $e->getMessage(), $e);
        }
    }

    private function malformed(pm_Domain $domain, string $cause): StoreError
    {
        return new StoreError('store-malformed', 'the routing settings of ' . $domain->getName()
            . ' are malformed: ' . $cause);
    }
}
