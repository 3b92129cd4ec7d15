<?php

// The sandbox's stand-in for the panel, a router for PHP's built-in server:
//
//   MAIL_CONFIG=<postfix config dir> php -S 127.0.0.1:$PORT build/sandbox/server/router.php
//
// It serves the extension's page as Plesk frames it (an AMD loader, the combined
// `plesk-ui-library` module made of React 18's and the ui-library's UMD builds, the bundle from
// htdocs/dist) and its JSON API through the same ApiService as the panel, wired with the JSON
// store, the JSON mail accounts and the root helper run as a child process. Environment:
//   MAIL_CONFIG          the sandbox Postfix's configuration directory (no apply without it)
//   M365_SANDBOX_STATE   state directory (default .sandbox/panel): accounts.json and store.json
//                        (copied from build/sandbox/demo/ when missing), journal/, token,
//                        audit.log
//   M365_SANDBOX_HOSTS   a hosts file whose names count as resolving (e.g. the netns hosts)

declare(strict_types=1);

use PleskExt\M365SplitDelivery\Api\ApiRequest;
use PleskExt\M365SplitDelivery\Api\PageMarkup;
use PleskExt\M365SplitDelivery\Sandbox\SandboxAdmin;
use PleskExt\M365SplitDelivery\Sandbox\SandboxApi;

$root = dirname(__DIR__, 3);
require $root . '/plib/library/autoload.php';
spl_autoload_register(static function (string $class): void {
    $prefix = 'PleskExt\\M365SplitDelivery\\Sandbox\\';
    if (str_starts_with($class, $prefix)) {
        $file = __DIR__ . '/' . substr($class, strlen($prefix)) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});

$path = (string) parse_url((string) ($_SERVER['REQUEST_URI'] ?? '/'), PHP_URL_PATH);
$modules = PageMarkup::BASE_PATH;
$state = getenv('M365_SANDBOX_STATE') ?: $root . '/.sandbox/panel';

/** Sends a file of the repository (or a 404 saying what is missing). */
$sendFile = static function (string $file, string $type): void {
    if (!is_file($file)) {
        http_response_code(404);
        header('Content-Type: text/plain; charset=utf-8');
        echo 'not found: ' . $file . (str_contains($file, '/htdocs/dist/')
            ? ' (build the bundle: npm run build:ui)' : '') . "\n";
        return;
    }
    header('Content-Type: ' . $type);
    header('Cache-Control: no-store');
    readfile($file);
};

$types = ['js' => 'text/javascript; charset=utf-8', 'css' => 'text/css; charset=utf-8',
    'svg' => 'image/svg+xml', 'png' => 'image/png', 'woff' => 'font/woff', 'woff2' => 'font/woff2',
    'ttf' => 'font/ttf', 'map' => 'application/json'];
$typeOf = static fn (string $file): string
    => $types[strtolower(pathinfo($file, PATHINFO_EXTENSION))] ?? 'application/octet-stream';

/** A file below $base named by the rest of the URL, never outside $base. */
$below = static function (string $base, string $rest): ?string {
    $file = realpath($base . '/' . $rest);
    $real = realpath($base);

    $inside = $file !== false && $real !== false && str_starts_with($file, $real . '/');

    return $inside ? $file : null;
};

if (
    $path === '/' || $path === '/index.html' || $path === $modules . 'index.php'
    || $path === $modules . 'index.php/index/index'
) {
    $api = SandboxApi::create($root, $state);
    $locale = ($_GET['locale'] ?? '') === 'de-DE' ? 'de-DE' : 'en-US';
    $opened = (string) ($_GET['dom_id'] ?? '');
    $domain = preg_match('/\A[1-9][0-9]{0,9}\z/', $opened) === 1 ? (int) $opened : null;
    header('Content-Type: text/html; charset=utf-8');
    header('Cache-Control: no-store');
    echo SandboxApi::page($api->token(), $locale, $domain);
    return true;
}

if ($path === '/sandbox/amd-loader.js') {
    $sendFile(__DIR__ . '/amd-loader.js', $types['js']);
    return true;
}

// Served beside the library's dist/ files: the library finds its images relative to itself.
if ($path === '/sandbox/ui-library/plesk-ui-library.js') {
    header('Content-Type: ' . $types['js']);
    header('Cache-Control: no-store');
    echo SandboxApi::pleskUiLibrary($root);
    return true;
}

if (str_starts_with($path, '/sandbox/ui-library/')) {
    $file = $below($root . '/node_modules/@plesk/ui-library/dist', substr($path, 20));
    $sendFile($file ?? '/nonexistent', $file === null ? 'text/plain' : $typeOf($file));
    return true;
}

if (str_starts_with($path, $modules . 'index.php/api/')) {
    $call = substr($path, strlen($modules . 'index.php/api/'));
    $token = $_SERVER['HTTP_X_FORGERY_PROTECTION_TOKEN'] ?? null;
    $response = SandboxApi::create($root, $state)->dispatcher->handle(
        new ApiRequest(
            $call,
            (string) ($_SERVER['REQUEST_METHOD'] ?? 'GET'),
            $_GET,
            (string) file_get_contents('php://input'),
            is_string($token) ? $token : null
        ),
        new SandboxAdmin()
    );
    http_response_code($response->httpStatus);
    header('Content-Type: application/json; charset=utf-8');
    header('Cache-Control: no-store');
    foreach ($response->headers as $name => $value) {
        header($name . ': ' . $value);
    }
    echo $response->json();
    return true;
}

if (str_starts_with($path, $modules)) {
    $file = $below($root . '/htdocs', substr($path, strlen($modules)));
    $sendFile($file ?? $root . '/htdocs/' . substr($path, strlen($modules)), $typeOf($path));
    return true;
}

// Browsers ask for it on every page load; the panel has none to give, and a 404 is only noise.
if ($path === '/favicon.ico') {
    http_response_code(204);
    return true;
}

http_response_code(404);
header('Content-Type: text/plain; charset=utf-8');
echo "not found: $path\n";
return true;
