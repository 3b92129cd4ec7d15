<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Api;

use PleskExt\M365SplitDelivery\Routing\DomainName;
use PleskExt\M365SplitDelivery\Routing\InvalidDomainName;
use PleskExt\M365SplitDelivery\Sync\DomainState;

/**
 * Search, sort and paging of the domain list, done on the server so that thousands of domains
 * never travel to the browser. Pure: the caller supplies the counts and states it wants sorted.
 */
final class DomainListing
{
    /** Sorting by state puts what needs a look first. */
    private const STATE_RANK = ['attention' => 0, 'pending' => 1, 'in-sync' => 2];

    /**
     * Whether $domain matches the search text: a case-insensitive substring of its name as shown
     * or in ASCII; an internationalised search also matches the punycode name.
     */
    public static function matches(CatalogueDomain $domain, string $search): bool
    {
        if ($search === '') {
            return true;
        }

        $needle = mb_strtolower($search, 'UTF-8');
        if (
            str_contains(mb_strtolower($domain->displayName, 'UTF-8'), $needle)
            || str_contains($domain->name, $needle)
        ) {
            return true;
        }

        try {
            $ascii = DomainName::toAscii($needle);
        } catch (InvalidDomainName) {
            // A fragment that cannot be converted cannot occur in a punycode name either.
            return false;
        }

        return str_contains($domain->name, $ascii);
    }

    /**
     * Sorts rows by the query's order; ties by name as shown, then id, so pages never overlap.
     *
     * @param list<array{domain: CatalogueDomain, routed: int, state: DomainState}> $rows
     * @return list<array{domain: CatalogueDomain, routed: int, state: DomainState}>
     */
    public static function sort(array $rows, string $sort): array
    {
        $descending = str_starts_with($sort, '-');
        $key = ltrim($sort, '-');

        usort($rows, static function (array $a, array $b) use ($key, $descending): int {
            $order = match ($key) {
                'routed' => $a['routed'] <=> $b['routed'],
                'state' => self::rank($a['state']) <=> self::rank($b['state']),
                default => self::byName($a['domain'], $b['domain']),
            };
            if ($descending) {
                $order = -$order;
            }

            return $order !== 0 ? $order : self::byName($a['domain'], $b['domain']);
        });

        return $rows;
    }

    /**
     * The rows of one 1-based page; a page past the end is empty.
     *
     * @template T
     * @param list<T> $rows
     * @return list<T>
     */
    public static function page(array $rows, int $page, int $pageSize): array
    {
        return array_slice($rows, ($page - 1) * $pageSize, $pageSize);
    }

    private static function rank(DomainState $state): int
    {
        return self::STATE_RANK[$state->value];
    }

    private static function byName(CatalogueDomain $a, CatalogueDomain $b): int
    {
        $order = strcmp(
            mb_strtolower($a->displayName, 'UTF-8'),
            mb_strtolower($b->displayName, 'UTF-8')
        );

        return $order !== 0 ? $order : $a->id <=> $b->id;
    }
}
