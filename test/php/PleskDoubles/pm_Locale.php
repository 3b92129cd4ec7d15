<?php

// Test double of Plesk's pm_Locale: the current locale code, set by the test.

declare(strict_types=1);

class pm_Locale
{
    private static string $code = 'en-US';

    public static function getCode(): string
    {
        return self::$code;
    }

    public static function setCode($localeCode): void
    {
        self::$code = (string) $localeCode;
    }
}
