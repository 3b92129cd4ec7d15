<?php

// Test double of Plesk's pm_Log: keeps each line with its level.

declare(strict_types=1);

class pm_Log
{
    /** @var list<string> "level: message" */
    public static array $lines = [];

    public static function reset(): void
    {
        self::$lines = [];
    }

    /** @param string $message */
    public static function err($message): void
    {
        self::$lines[] = 'err: ' . $message;
    }

    /** @param string $message */
    public static function warn($message): void
    {
        self::$lines[] = 'warn: ' . $message;
    }

    /** @param string $message */
    public static function info($message): void
    {
        self::$lines[] = 'info: ' . $message;
    }

    /** @param string $message */
    public static function debug($message): void
    {
        self::$lines[] = 'debug: ' . $message;
    }
}
