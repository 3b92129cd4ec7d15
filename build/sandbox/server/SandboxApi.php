<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sandbox;

use PleskExt\M365SplitDelivery\Api\ApiDispatcher;
use PleskExt\M365SplitDelivery\Api\ApiService;
use PleskExt\M365SplitDelivery\Api\PageMarkup;
use PleskExt\M365SplitDelivery\Mail\JsonMailboxDirectory;
use PleskExt\M365SplitDelivery\Plesk\Panel\SystemServerInfo;
use PleskExt\M365SplitDelivery\Postfix\ProcessRootHelper;
use PleskExt\M365SplitDelivery\Store\JsonStore;
use PleskExt\M365SplitDelivery\Sync\JsonSyncJournal;
use PleskExt\M365SplitDelivery\Sync\MapSynchroniser;
use PleskExt\M365SplitDelivery\Sync\SystemClock;
use RuntimeException;

/** The sandbox's wiring of the API service (the panel's is PanelApi), and its page parts. */
final class SandboxApi
{
    private function __construct(
        public readonly ApiDispatcher $dispatcher,
        private readonly FileForgeryToken $token
    ) {
    }

    /** The API over the state directory; the demo data is copied there on first use. */
    public static function create(string $root, string $state): self
    {
        foreach (['', '/journal'] as $dir) {
            if (!is_dir($state . $dir) && !@mkdir($state . $dir, 0700, true)) {
                throw new RuntimeException('cannot create the sandbox state directory '
                    . $state . $dir);
            }
        }
        foreach (['accounts.json', 'store.json'] as $file) {
            if (!is_file($state . '/' . $file)) {
                copy($root . '/build/sandbox/demo/' . $file, $state . '/' . $file);
            }
        }

        $mailConfig = getenv('MAIL_CONFIG');
        $helper = is_string($mailConfig) && $mailConfig !== ''
            ? new ProcessRootHelper(
                $root . '/sbin/m365-split-delivery',
                ['MAIL_CONFIG' => $mailConfig]
            )
            : new NoPostfixConfigured();
        $hosts = getenv('M365_SANDBOX_HOSTS');

        $store = new JsonStore($state . '/store.json');
        $directory = new JsonMailboxDirectory($state . '/accounts.json');
        $log = new FileAuditLog($state . '/audit.log');
        $sync = new MapSynchroniser(
            $store,
            $directory,
            $helper,
            new JsonSyncJournal($state . '/journal'),
            new SystemClock(),
            $log
        );
        $token = new FileForgeryToken($state . '/token');
        $service = new ApiService(
            $store,
            $directory,
            $sync,
            new JsonDomainCatalogue($state . '/accounts.json', $directory),
            new HostsFileResolver(is_string($hosts) && $hosts !== '' ? $hosts : null),
            new SystemServerInfo(),
            $log
        );

        return new self(new ApiDispatcher($service, $token), $token);
    }

    public function token(): string
    {
        return (string) $this->token->expected();
    }

    /** The whole page as the panel frames the extension: head, loader, library, page markup. */
    public static function page(string $token, string $locale, ?int $domainId): string
    {
        $attribute = htmlspecialchars($token, ENT_QUOTES);
        $lang = htmlspecialchars(substr($locale, 0, 2), ENT_QUOTES);

        return <<<HTML
            <!DOCTYPE html>
            <html lang="{$lang}">
            <head>
            <meta charset="utf-8">
            <meta name="forgery_protection_token" content="{$attribute}">
            <title>Microsoft 365 Split Delivery — sandbox</title>
            <link rel="stylesheet" href="/sandbox/ui-library/plesk-ui-library.css">
            <script src="/sandbox/amd-loader.js"></script>
            <script src="/sandbox/ui-library/plesk-ui-library.js"></script>
            <style>body { margin: 0; padding: 16px 24px; }</style>
            </head>
            <body>

            HTML . PageMarkup::html($locale, $domainId) . "</body>\n</html>\n";
    }

    /**
     * The panel's `plesk-ui-library` AMD module: React 18, ReactDOM (createRoot included) and
     * the UI components in one module. The UMD builds are run with the AMD loader hidden, so
     * they set their globals instead of defining anonymous modules.
     */
    public static function pleskUiLibrary(string $root): string
    {
        $parts = [
            'node_modules/@plesk/ui-library/dist/plesk-ui-library.min.js',
            'node_modules/react/umd/react.production.min.js',
            'node_modules/react-dom/umd/react-dom.production.min.js',
        ];
        $code = [];
        foreach ([$parts[1], $parts[2], $parts[0]] as $part) {
            $text = @file_get_contents($root . '/' . $part);
            if ($text === false) {
                $message = 'sandbox: ' . $part . ' is missing: run npm ci';
                return 'throw new Error(' . json_encode($message) . ');';
            }
            $code[] = $text;
        }

        return "(function () {\nvar amdDefine = window.define;\n"
            . "window.define = undefined;\ntry {\n"
            . implode("\n;\n", $code)
            . "\n;\n} finally {\nwindow.define = amdDefine;\n}\n"
            . "window.define('plesk-ui-library', [], function () {\n"
            . "  // React's API last, so that no component name can shadow it.\n"
            . "  return Object.assign({}, window.PleskUiLibrary, window.ReactDOM, window.React);\n"
            . "});\n}).call(window);\n";
    }
}
