<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery;

/** The cause PHP gave for the last failed built-in call whose warning was silenced with @. */
final class LastPhpError
{
    /** E.g. `No such file or directory`, without the function name and path before it. */
    public static function cause(): string
    {
        $message = error_get_last()['message'] ?? 'unknown error';
        $colon = strrpos($message, ': ');

        return $colon === false ? $message : substr($message, $colon + 2);
    }
}
