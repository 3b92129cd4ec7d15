<?php

// PHPUnit bootstrap: the extension's own autoloader, the tests' support classes, and the test
// doubles of Plesk's API.

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

// test/php/PleskDoubles/ holds doubles of Plesk's API, a class a file named by its path
// (pm_Domain.php, Plesk/SDK/Hook/Repair/Mail.php). Each is loaded only where Plesk's own class
// does not exist, and all are loaded up front, so adding a double never means editing this file.
$pleskDoubles = __DIR__ . '/PleskDoubles';
spl_autoload_register(static function (string $class) use ($pleskDoubles): void {
    $file = $pleskDoubles . '/' . str_replace('\\', '/', $class) . '.php';
    if (is_file($file)) {
        require_once $file;
    }
});
if (is_dir($pleskDoubles)) {
    $files = new RecursiveIteratorIterator(
        new RecursiveDirectoryIterator($pleskDoubles, FilesystemIterator::SKIP_DOTS)
    );
    foreach ($files as $file) {
        $relative = substr($file->getPathname(), strlen($pleskDoubles) + 1);
        if (str_ends_with($relative, '.php')) {
            $name = str_replace('/', '\\', substr($relative, 0, -4));
            // Asking is enough: the autoloader above loads the double where Plesk's is absent.
            class_exists($name) || interface_exists($name) || trait_exists($name);
        }
    }
}
