<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Support;

/** The test vectors in test/vectors/, shared with the root helper's tests. */
final class Vectors
{
    /** @return array<string, mixed> */
    public static function load(string $name): array
    {
        $text = file_get_contents(__DIR__ . '/../../vectors/' . $name);

        return json_decode((string) $text, true, 64, JSON_THROW_ON_ERROR);
    }

    /**
     * Each string of a list as a data-provider row, named by the string itself.
     *
     * @param list<string> $values
     * @return array<string, array{0: string}>
     */
    public static function rows(array $values): array
    {
        $rows = [];
        foreach ($values as $value) {
            $rows[json_encode($value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE)] = [$value];
        }

        return $rows;
    }
}
