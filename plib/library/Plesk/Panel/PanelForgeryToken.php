<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Plesk\Panel;

use PleskExt\M365SplitDelivery\Api\ForgeryToken;

/**
 * The forgery protection token of the panel session: the one Plesk prints in the page's
 * `<meta name="forgery_protection_token">`, which the UI sends back as X-Forgery-Protection-Token.
 *
 * TODO(#3): Plesk's extension API has no documented accessor for the session's token; it is read
 * from the PHP session under the meta tag's name. If a real Plesk keeps it elsewhere, every change
 * is refused with `bad-token` (the check fails closed) until this reads the right place.
 */
final class PanelForgeryToken implements ForgeryToken
{
    public const SESSION_KEY = 'forgery_protection_token';

    public function expected(): ?string
    {
        $token = $_SESSION[self::SESSION_KEY] ?? null;

        return is_string($token) && $token !== '' ? $token : null;
    }
}
