<?php

// Test double of Plesk's pm_Context: the extension id and its var directory.

declare(strict_types=1);

class pm_Context
{
    private static ?string $moduleId = null;

    /** Set by the test: stands for <PRODUCT_ROOT>/var/modules/<id>/. */
    public static string $varDir = '/nonexistent';

    /** @param string $moduleId */
    public static function init($moduleId): void
    {
        self::$moduleId = $moduleId;
    }

    public static function reset(): void
    {
        self::$moduleId = null;
    }

    public static function getModuleId(): string
    {
        return self::$moduleId ?? throw new pm_Exception('pm_Context is not initialised');
    }

    public static function getVarDir(): string
    {
        self::getModuleId();

        return rtrim(self::$varDir, '/') . '/';
    }
}
