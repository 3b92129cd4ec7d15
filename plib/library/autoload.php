<?php

// Loads the extension's namespaced classes (PSR-4 onto this folder) without Composer: Plesk
// autoloads only its own Modules_… names, and the sandbox and the tests need the same classes.

declare(strict_types=1);

spl_autoload_register(static function (string $class): void {
    $prefix = 'PleskExt\\M365SplitDelivery\\';
    if (strncmp($class, $prefix, strlen($prefix)) !== 0) {
        return;
    }

    $file = __DIR__ . '/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
    if (is_file($file)) {
        require $file;
    }
});
