<?php

// Test double of Plesk's pm_Settings: extension-wide settings in memory, 5,000 characters each.

declare(strict_types=1);

class pm_Settings
{
    /** @var array<string, string> */
    private static array $values = [];

    public static function reset(): void
    {
        self::$values = [];
    }

    /** @return array<string, string> every setting, for assertions */
    public static function all(): array
    {
        return self::$values;
    }

    /**
     * @param string $key
     * @param mixed $default
     * @return mixed
     */
    public static function get($key, $default = null)
    {
        return self::$values[$key] ?? $default;
    }

    /**
     * @param string $key
     * @param mixed $value
     */
    public static function set($key, $value): void
    {
        if ($value === null) {
            unset(self::$values[$key]);
            return;
        }
        if (mb_strlen((string) $value) > 5000) {
            throw new pm_Exception('setting ' . $key . ' is longer than 5000 characters');
        }
        self::$values[$key] = (string) $value;
    }
}
