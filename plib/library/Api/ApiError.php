<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Api;

use PleskExt\M365SplitDelivery\ExtensionException;

/**
 * A refusal or failure of a JSON API call: a stable code (`forbidden`, `bad-token`, `bad-method`,
 * `not-found`, `invalid-input`, `invalid-address`, `invalid-next-hop`, `next-hop-not-found`,
 * `not-routable`, `apply-failed`, `directory-failed`, `status-failed`, `store-failed`,
 * `internal-error`), the HTTP status it answers with, and the request field it blames, if any.
 */
final class ApiError extends ExtensionException
{
    public function __construct(
        string $errorCode,
        string $message,
        public readonly int $httpStatus,
        public readonly ?string $field = null
    ) {
        parent::__construct($errorCode, $message);
    }

    public static function forbidden(string $message): self
    {
        return new self('forbidden', $message, 403);
    }

    public static function notFound(string $message, ?string $field = null): self
    {
        return new self('not-found', $message, 404, $field);
    }

    public static function invalidInput(string $field, string $message): self
    {
        return new self('invalid-input', $message, 400, $field);
    }

    /** The `{code, message, field?}` entry of an error answer. */
    public function toArray(): array
    {
        $entry = ['code' => $this->errorCode(), 'message' => $this->getMessage()];
        if ($this->field !== null) {
            $entry['field'] = $this->field;
        }

        return $entry;
    }
}
