<?php

// Test double of Plesk's pm_Session: the client of the current session, set by the test.

declare(strict_types=1);

class pm_Session
{
    private static ?pm_Client $client = null;

    public static function reset(): void
    {
        self::$client = null;
    }

    public static function logIn(pm_Client $client): void
    {
        self::$client = $client;
    }

    public static function isExist(): bool
    {
        return self::$client !== null;
    }

    public static function getClient(): pm_Client
    {
        if (self::$client === null) {
            throw new pm_Exception('no panel session');
        }

        return self::$client;
    }
}
