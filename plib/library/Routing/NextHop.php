<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Routing;

use PleskExt\M365SplitDelivery\Quote;

/**
 * A domain's next hop: the Exchange Online host its marked mailboxes are relayed to. It cannot
 * be computed (real hosts drop hyphens and carry suffixes), so it is always what the user pasted
 * from the Microsoft 365 admin center; a guess is only ever offered, labelled as one.
 */
final class NextHop
{
    /**
     * The bare lower-case host of an MX value as the admin center shows it, e.g.
     * `0 ADKAKADEMIE-DE0I.mail.protection.outlook.com.`
     * → `adkakademie-de0i.mail.protection.outlook.com`.
     *
     * Tolerated around the host: blanks, a leading MX priority, one trailing dot, and square
     * brackets (Postfix's "no MX lookup" notation, which an admin may copy from a transport file;
     * the map always adds them itself). A control character anywhere (a tab, a line break, NUL)
     * is refused rather than trimmed away.
     *
     * @throws InvalidNextHop naming the value and the reason
     */
    public static function fromMxValue(string $value): string
    {
        $control = ControlCharacter::firstIn($value);
        if ($control !== null) {
            throw new InvalidNextHop('next hop ' . ControlCharacter::quote($value)
                . ' contains the control character ' . $control . ': paste only the MX value '
                . 'shown for the domain in the Microsoft 365 admin center');
        }

        $host = trim($value, ' ');
        if ($host === '') {
            throw new InvalidNextHop(
                'next hop "" is empty: paste the MX value shown for the domain in the Microsoft '
                . '365 admin center (a route with no host would send mail back to this server)'
            );
        }

        $host = (string) preg_replace('/\A[0-9]{1,5} +/', '', $host);
        if (str_starts_with($host, '[') && str_ends_with($host, ']')) {
            $host = substr($host, 1, -1);
        }
        if (str_ends_with($host, '.')) {
            $host = substr($host, 0, -1);
        }
        $host = strtolower($host);

        if (!RouteGrammar::isHost($host)) {
            throw new InvalidNextHop(self::notAHost($value));
        }

        return $host;
    }

    /** The message for a value that is not a Microsoft 365 host in normal form. */
    public static function notAHost(string $value): string
    {
        return 'next hop ' . Quote::value($value) . ' is not a Microsoft 365 host ('
            . RouteGrammar::HOST_EXPECTED . ')';
    }

    /**
     * The usual shape of a domain's host (`example.com` →
     * `example-com.mail.protection.outlook.com`), offered as a guess to confirm; null when the
     * domain has no host of that shape.
     *
     * @throws InvalidDomainName when $domain is not a valid domain name
     */
    public static function guessForDomain(string $domain): ?NextHopGuess
    {
        $ascii = DomainName::normalise($domain);
        $host = str_replace('.', '-', $ascii) . '.mail.protection.outlook.com';

        return RouteGrammar::isHost($host) ? new NextHopGuess($ascii, $host) : null;
    }
}
