<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Api;

/** A page of the domain list: search text, 1-based page, page size and sort order, checked. */
final class DomainQuery
{
    public const SORTS = ['name', '-name', 'routed', '-routed', 'state', '-state'];
    public const DEFAULT_PAGE_SIZE = 25;
    public const MAX_PAGE_SIZE = 100;
    public const MAX_SEARCH_LENGTH = 253;

    public function __construct(
        public readonly string $search = '',
        public readonly int $page = 1,
        public readonly int $pageSize = self::DEFAULT_PAGE_SIZE,
        public readonly string $sort = 'name'
    ) {
    }

    /**
     * Reads the query string of `GET domains`; absent or empty parameters take their defaults.
     *
     * @param array<string, mixed> $query
     * @throws ApiError invalid-input naming the parameter
     */
    public static function fromQuery(array $query): self
    {
        $search = $query['search'] ?? '';
        if (!is_string($search) || mb_strlen($search, 'UTF-8') > self::MAX_SEARCH_LENGTH) {
            throw ApiError::invalidInput('search', 'search must be text of at most '
                . self::MAX_SEARCH_LENGTH . ' characters');
        }
        if (!mb_check_encoding($search, 'UTF-8')) {
            throw ApiError::invalidInput('search', 'search is not valid UTF-8 text');
        }

        $page = Input::queryInt($query, 'page', 1, 1, 1_000_000);
        $pageSize = Input::queryInt(
            $query,
            'pageSize',
            self::DEFAULT_PAGE_SIZE,
            1,
            self::MAX_PAGE_SIZE
        );

        $sort = $query['sort'] ?? '';
        if ($sort === '') {
            $sort = 'name';
        }
        if (!is_string($sort) || !in_array($sort, self::SORTS, true)) {
            throw ApiError::invalidInput('sort', 'sort must be one of '
                . implode(', ', self::SORTS));
        }

        return new self(trim($search), $page, $pageSize, $sort);
    }
}
