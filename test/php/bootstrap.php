<?php

// PHPUnit bootstrap: the extension's own autoloader, plus the tests' support classes.

declare(strict_types=1);

require __DIR__ . '/../../plib/library/autoload.php';

spl_autoload_register(static function (string $class): void {
    $prefix = 'PleskExt\\M365SplitDelivery\\Tests\\';
    if (strncmp($class, $prefix, strlen($prefix)) === 0) {
        $file = __DIR__ . '/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});
