<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Routing;

use InvalidArgumentException;

/**
 * Puts our map first in, and takes it out of, the value of Postfix's `transport_maps` as
 * `postconf -h` prints it. Everything else in the value (Plesk's leading empty element, `$name`
 * references, other tables, the separators) is kept character for character, so that removal
 * gives back exactly what was there before.
 */
final class TransportMapsValue
{
    /** Indexed file types: the ones `postmap` builds and our map can use. */
    public const INDEXED_TYPES = ['hash', 'btree', 'lmdb', 'cdb'];

    // Postfix splits lists at commas and blanks, except inside { } (e.g. inline:{ a=b, c=d }).
    private const SEPARATORS = ", \t\r\n";

    /** The value with `TYPE:PATH` first and no other element naming $mapPath. */
    public static function merge(?string $current, string $type, string $mapPath): string
    {
        self::checkType($type);
        self::checkMapPath($mapPath);

        $ours = $type . ':' . $mapPath;
        $rest = self::withoutOurs($current ?? '', $mapPath);

        return trim($rest) === '' ? $ours : $ours . ', ' . $rest;
    }

    /**
     * The value with every element naming $mapPath taken out (with the `, ` after it, or before
     * it when it ends the value); null when nothing is left: `postconf -X transport_maps`.
     */
    public static function remove(?string $current, string $mapPath): ?string
    {
        self::checkMapPath($mapPath);

        $rest = self::withoutOurs($current ?? '', $mapPath);

        return trim($rest) === '' ? null : $rest;
    }

    /**
     * The database type for our map: that of the first indexed table that is not ours (in Plesk,
     * its own transport table), else $defaultType (`default_database_type`).
     *
     * @param list<string> $supported the types `postconf -m` lists
     * @throws UnsupportedDatabaseType when this Postfix cannot build that type
     */
    public static function databaseType(
        ?string $current,
        string $mapPath,
        string $defaultType,
        array $supported
    ): string {
        $type = $defaultType;
        foreach (self::elements($current ?? '') as [$start, $length]) {
            $element = substr((string) $current, $start, $length);
            if (self::isOurs($element, $mapPath)) {
                continue;
            }

            $table = str_starts_with($element, 'proxy:') ? substr($element, 6) : $element;
            $tableType = explode(':', $table, 2)[0];
            if (str_contains($table, ':') && in_array($tableType, self::INDEXED_TYPES, true)) {
                $type = $tableType;
                break;
            }
        }

        if (!in_array($type, $supported, true)) {
            throw new UnsupportedDatabaseType(
                'database type ' . $type . ' is not supported by this Postfix (postconf -m)'
            );
        }

        return $type;
    }

    private static function withoutOurs(string $value, string $mapPath): string
    {
        for (;;) {
            $elements = self::elements($value);
            $index = null;
            foreach ($elements as $i => [$start, $length]) {
                if (self::isOurs(substr($value, $start, $length), $mapPath)) {
                    $index = $i;
                    break;
                }
            }
            if ($index === null) {
                return $value;
            }

            [$start, $length] = $elements[$index];
            $end = $start + $length;
            if ($end < strlen($value)) {
                // Take the separator after it: blanks, at most one comma, blanks.
                preg_match('/\G[ \t\r\n]*,?[ \t\r\n]*/', $value, $after, 0, $end);
                $value = substr($value, 0, $start) . substr($value, $end + strlen($after[0]));
            } else {
                // It ends the value: take the separator before it.
                preg_match('/[ \t\r\n]*,?[ \t\r\n]*\z/', substr($value, 0, $start), $before);
                $value = substr($value, 0, $start - strlen($before[0]));
            }
        }
    }

    /**
     * Where each element of a Postfix list starts and how long it is.
     *
     * @return list<array{0: int, 1: int}>
     */
    private static function elements(string $value): array
    {
        $elements = [];
        $length = strlen($value);
        $i = 0;
        while ($i < $length) {
            if (str_contains(self::SEPARATORS, $value[$i])) {
                $i++;
                continue;
            }

            $start = $i;
            $depth = 0;
            while ($i < $length && ($depth > 0 || !str_contains(self::SEPARATORS, $value[$i]))) {
                if ($value[$i] === '{') {
                    $depth++;
                } elseif ($value[$i] === '}' && $depth > 0) {
                    $depth--;
                }
                $i++;
            }
            $elements[] = [$start, $i - $start];
        }

        return $elements;
    }

    /** Whether $element is a table at $mapPath, of any type (`hash:PATH`, `proxy:lmdb:PATH`…). */
    private static function isOurs(string $element, string $mapPath): bool
    {
        $suffix = ':' . $mapPath;
        if (!str_ends_with($element, $suffix)) {
            return false;
        }

        $types = substr($element, 0, -strlen($suffix));

        return preg_match('/\A[a-z0-9_]+(?::[a-z0-9_]+)*\z/', $types) === 1;
    }

    private static function checkType(string $type): void
    {
        if (preg_match('/\A[a-z0-9_]+\z/', $type) !== 1) {
            throw new InvalidArgumentException('database type ' . $type . ' is not a Postfix type');
        }
    }

    private static function checkMapPath(string $mapPath): void
    {
        if (preg_match('~\A/[^\s,{}]*\z~', $mapPath) !== 1) {
            throw new InvalidArgumentException(
                'map path ' . $mapPath . ' is not an absolute path without blanks, commas or braces'
            );
        }
    }
}
