<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery;

/** Quotes a value for a one-line message, so blanks, control characters and "" stay visible. */
final class Quote
{
    public static function value(string $value): string
    {
        // JSON_INVALID_UTF8_SUBSTITUTE makes json_encode total for strings: it cannot fail here.
        return (string) json_encode(
            $value,
            JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE
        );
    }
}
