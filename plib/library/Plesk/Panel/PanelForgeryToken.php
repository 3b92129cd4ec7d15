<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Plesk\Panel;

use PleskExt\M365SplitDelivery\Api\ForgeryToken;

/**
 * The forgery protection token of the panel session: the one Plesk prints in the page's
 * `<meta name="forgery_protection_token">`, which the UI sends back as X-Forgery-Protection-Token.
 *
 * Unconfirmed: where Plesk keeps the session's token. Its extension API documents no accessor
 * for it and no public source says where it lives, so it is read from the PHP session under the
 * meta tag's name. If a real Plesk keeps it elsewhere, no token is expected and every change is
 * refused with `bad-token` (the check fails closed: nothing is changed without a token).
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
