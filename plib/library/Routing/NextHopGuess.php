<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Routing;

/**
 * A next hop computed from a domain name. It is a separate type, not a string, so that it cannot
 * be saved by mistake: what is saved must be entered or confirmed by the user.
 */
final class NextHopGuess
{
    public function __construct(public readonly string $domain, public readonly string $host)
    {
    }

    /** The guess as the UI and the CLI show it, saying that it is one. */
    public function label(): string
    {
        return 'guess for ' . $this->domain . ': ' . $this->host . ' (confirm it against the MX '
            . 'value shown in the Microsoft 365 admin center: real hosts often differ)';
    }
}
