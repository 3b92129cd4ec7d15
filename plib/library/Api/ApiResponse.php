<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Api;

/** An answer of the JSON API: `{status: success, data}` or `{status: error, errors}`. */
final class ApiResponse
{
    /**
     * @param array<string, mixed> $body
     * @param array<string, string> $headers extra headers (Allow on a 405)
     */
    public function __construct(
        public readonly int $httpStatus,
        public readonly array $body,
        public readonly array $headers = []
    ) {
    }

    public static function success(mixed $data): self
    {
        return new self(200, ['status' => 'success', 'data' => $data]);
    }

    /** @param array<string, string> $headers */
    public static function error(ApiError $error, array $headers = []): self
    {
        return new self(
            $error->httpStatus,
            ['status' => 'error', 'errors' => [$error->toArray()]],
            $headers
        );
    }

    /** The body as JSON text; invalid UTF-8 in a message becomes U+FFFD rather than a failure. */
    public function json(): string
    {
        return (string) json_encode(
            $this->body,
            JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE
        );
    }
}
