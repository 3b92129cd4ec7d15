<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sandbox;

use PleskExt\M365SplitDelivery\Postfix\HelperResult;
use PleskExt\M365SplitDelivery\Postfix\RootHelper;
use PleskExt\M365SplitDelivery\Postfix\RootHelperError;

/**
 * Refuses to run the root helper without MAIL_CONFIG: the sandbox applies only to a Postfix
 * instance of its own, never to the machine's /etc/postfix.
 */
final class NoPostfixConfigured implements RootHelper
{
    public function apply(string $mapText): HelperResult
    {
        throw self::refusal();
    }

    public function status(): array
    {
        throw self::refusal();
    }

    public function remove(): HelperResult
    {
        throw self::refusal();
    }

    private static function refusal(): RootHelperError
    {
        return new RootHelperError('root-helper-not-run', 'the sandbox has no Postfix of its own: '
            . 'start the router with MAIL_CONFIG naming its configuration directory');
    }
}
