<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Routing;

use PleskExt\M365SplitDelivery\Quote;

/**
 * Finds the control characters (bytes below 0x20, and DEL) in typed or pasted input. They are
 * refused, never trimmed away: a line break or NUL in a value means it is not what the person
 * meant to enter, and a cleaned-up guess could route mail to the wrong place.
 */
final class ControlCharacter
{
    private const NAMES = [
        0x00 => 'NUL',
        0x09 => 'tab',
        0x0A => 'line feed',
        0x0B => 'vertical tab',
        0x0C => 'form feed',
        0x0D => 'carriage return',
        0x1B => 'escape',
        0x7F => 'delete',
    ];

    /** The first control character of $value, named like `U+0009 (tab)`; null when none. */
    public static function firstIn(string $value): ?string
    {
        if (preg_match('/[\x00-\x1F\x7F]/', $value, $found) !== 1) {
            return null;
        }
        $code = ord($found[0]);
        $name = self::NAMES[$code] ?? null;

        return sprintf('U+%04X', $code) . ($name === null ? '' : ' (' . $name . ')');
    }

    /** $value quoted for a one-line message, DEL escaped too (JSON leaves it raw). */
    public static function quote(string $value): string
    {
        // In JSON text a raw DEL stands for itself, so its escape keeps the meaning.
        return str_replace("\x7F", '\u007f', Quote::value($value));
    }
}
