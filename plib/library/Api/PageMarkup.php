<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Api;

/**
 * The extension's page inside the panel: the mount point and an AMD `require` of the bundle,
 * whose default export starts the UI with `{moduleId, baseUrl, locale}`. The panel's
 * IndexController and the sandbox render the same markup.
 */
final class PageMarkup
{
    public const MODULE_ID = 'm365-split-delivery';
    public const MOUNT_ID = 'm365-split-delivery';
    /** Where Plesk serves the extension's htdocs/ (PLATFORM.md: `/modules/<id>/`). */
    public const BASE_PATH = '/modules/m365-split-delivery/';
    /** The UI calls `${baseUrl}/api/<call>`: the api controller of the extension. */
    public const BASE_URL = self::BASE_PATH . 'index.php';
    public const BUNDLE_URL = self::BASE_PATH . 'dist/main.js';

    /**
     * @param int|null $domainId a domain to open (from the Mail card's button), when the page
     *                           was not already given a screen in its URL hash
     */
    public static function html(string $locale, ?int $domainId = null): string
    {
        $options = self::script([
            'moduleId' => self::MODULE_ID,
            'baseUrl' => self::BASE_URL,
            'locale' => $locale,
        ]);
        $bundle = self::script(self::BUNDLE_URL);
        $domain = self::script($domainId);

        return <<<HTML
            <div id="m365-split-delivery"></div>
            <script>
            (function () {
                var domainId = {$domain};
                var hash = window.location.hash;
                if (domainId !== null && (hash === '' || hash === '#' || hash === '#/')) {
                    window.location.hash = '#/domain/' + domainId;
                }
                require([{$bundle}], function (bundle) {
                    bundle['default']({$options});
                });
            })();
            </script>

            HTML;
    }

    /** A value as JavaScript that is safe inside a <script> element. */
    private static function script(mixed $value): string
    {
        return (string) json_encode(
            $value,
            JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_UNESCAPED_SLASHES
                | JSON_INVALID_UTF8_SUBSTITUTE
        );
    }
}
