<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Api;

/** One HTTP request to the JSON API, as the controller or the sandbox router received it. */
final class ApiRequest
{
    /**
     * @param string $call the call's name, the last part of the URL (`domains`, `next-hop`, …)
     * @param array<string, mixed> $query the query string's parameters
     * @param string $body the raw request body (JSON for POST)
     * @param string|null $token the X-Forgery-Protection-Token header, null when absent
     */
    public function __construct(
        public readonly string $call,
        public readonly string $method,
        public readonly array $query,
        public readonly string $body,
        public readonly ?string $token
    ) {
    }
}
