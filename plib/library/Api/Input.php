<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Api;

use JsonException;

/**
 * Checks request input where it enters: types, ranges and sizes, each refusal naming the field.
 * Nothing is changed before the whole input of a call has passed.
 */
final class Input
{
    /** A body of 1,000 addresses of 320 characters fits; anything larger is not ours. */
    public const MAX_BODY_BYTES = 512 * 1024;
    public const MAX_ADDRESSES = 1000;
    public const MAX_ADDRESS_LENGTH = 320;
    public const MAX_NEXT_HOP_LENGTH = 1024;
    private const MAX_ID = 2_147_483_647;

    /**
     * The JSON object of a POST body, with exactly the fields named.
     *
     * @param list<string> $fields
     * @return array<string, mixed>
     * @throws ApiError invalid-input
     */
    public static function jsonObject(string $body, array $fields): array
    {
        if (strlen($body) > self::MAX_BODY_BYTES) {
            throw ApiError::invalidInput('body', 'the request body is larger than '
                . self::MAX_BODY_BYTES . ' bytes');
        }
        try {
            $object = json_decode($body, true, 8, JSON_THROW_ON_ERROR);
        } catch (JsonException $e) {
            throw ApiError::invalidInput('body', 'the request body is not JSON: '
                . $e->getMessage());
        }
        if (!is_array($object) || ($object !== [] && array_is_list($object))) {
            throw ApiError::invalidInput('body', 'the request body is not a JSON object');
        }

        foreach (array_keys($object) as $key) {
            if (!in_array((string) $key, $fields, true)) {
                throw ApiError::invalidInput((string) $key, 'unknown field "' . $key
                    . '" (expected ' . ($fields === [] ? 'none' : implode(', ', $fields)) . ')');
            }
        }
        foreach ($fields as $field) {
            if (!array_key_exists($field, $object)) {
                throw ApiError::invalidInput($field, $field . ' is missing');
            }
        }

        return $object;
    }

    /**
     * A domain id from a JSON body: an integer from 1 up.
     *
     * @throws ApiError invalid-input
     */
    public static function id(mixed $value, string $field): int
    {
        if (!is_int($value) || $value < 1 || $value > self::MAX_ID) {
            throw ApiError::invalidInput($field, $field . ' must be a positive integer');
        }

        return $value;
    }

    /**
     * A domain id from a query string: decimal digits without a leading zero.
     *
     * @param array<string, mixed> $query
     * @throws ApiError invalid-input
     */
    public static function queryId(array $query, string $field): int
    {
        $value = $query[$field] ?? null;
        if (!is_string($value) || preg_match('/\A[1-9][0-9]{0,9}\z/', $value) !== 1) {
            throw ApiError::invalidInput($field, $field . ' must be a positive integer');
        }

        return self::id((int) $value, $field);
    }

    /**
     * An optional integer of a query string, within bounds.
     *
     * @param array<string, mixed> $query
     * @throws ApiError invalid-input
     */
    public static function queryInt(
        array $query,
        string $field,
        int $default,
        int $min,
        int $max
    ): int {
        $value = $query[$field] ?? '';
        if ($value === '') {
            return $default;
        }
        $range = $field . ' must be an integer from ' . $min . ' to ' . $max;
        if (!is_string($value) || preg_match('/\A[0-9]{1,7}\z/', $value) !== 1) {
            throw ApiError::invalidInput($field, $range);
        }
        $number = (int) $value;
        if ($number < $min || $number > $max) {
            throw ApiError::invalidInput($field, $range);
        }

        return $number;
    }

    /**
     * The addresses of `POST routes`: 1 to 1,000 strings of at most 320 characters.
     *
     * @return list<string>
     * @throws ApiError invalid-input
     */
    public static function addresses(mixed $value): array
    {
        if (!is_array($value) || !array_is_list($value) || $value === []) {
            throw ApiError::invalidInput('addresses', 'addresses must be a non-empty list');
        }
        if (count($value) > self::MAX_ADDRESSES) {
            throw ApiError::invalidInput('addresses', 'at most ' . self::MAX_ADDRESSES
                . ' addresses can be changed at once, not ' . count($value));
        }
        foreach ($value as $i => $address) {
            if (!is_string($address) || strlen($address) > self::MAX_ADDRESS_LENGTH) {
                throw ApiError::invalidInput('addresses', 'addresses[' . $i . '] must be text '
                    . 'of at most ' . self::MAX_ADDRESS_LENGTH . ' characters');
            }
        }

        return $value;
    }

    /**
     * A boolean of a JSON body.
     *
     * @throws ApiError invalid-input
     */
    public static function bool(mixed $value, string $field): bool
    {
        if (!is_bool($value)) {
            throw ApiError::invalidInput($field, $field . ' must be true or false');
        }

        return $value;
    }

    /**
     * The next hop as pasted: text of at most 1,024 characters.
     *
     * @throws ApiError invalid-input
     */
    public static function nextHopValue(mixed $value): string
    {
        if (!is_string($value) || strlen($value) > self::MAX_NEXT_HOP_LENGTH) {
            throw ApiError::invalidInput('value', 'value must be text of at most '
                . self::MAX_NEXT_HOP_LENGTH . ' characters');
        }

        return $value;
    }
}
