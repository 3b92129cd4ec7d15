<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Routing;

use PleskExt\M365SplitDelivery\Quote;

/** A mail domain name in the form Postfix looks it up: lower-case ASCII, IDN as punycode. */
final class DomainName
{
    // Non-transitional UTS #46 is what browsers and registries use today (ß stays ß → xn--…).
    private const IDNA_OPTIONS = IDNA_NONTRANSITIONAL_TO_ASCII | IDNA_CHECK_BIDI
        | IDNA_CHECK_CONTEXTJ | IDNA_USE_STD3_RULES;

    /**
     * Trims, lower-cases and converts an internationalised name to ASCII, then checks it.
     *
     * @throws InvalidDomainName naming the domain and the reason
     */
    public static function normalise(string $name): string
    {
        $ascii = self::toAscii(trim($name, " \t\n\r\0\x0B"));

        $problem = RouteGrammar::domainProblem($ascii);
        if ($problem !== null) {
            throw new InvalidDomainName(
                'domain ' . Quote::value($name) . ' is not valid: ' . $problem
            );
        }

        return $ascii;
    }

    /**
     * Lower-cases $name and converts it to punycode when it is internationalised; checks nothing
     * else, so that the caller can name its own object in the message.
     *
     * @throws InvalidDomainName when an internationalised name cannot be converted
     */
    public static function toAscii(string $name): string
    {
        if (preg_match('/[\x80-\xff]/', $name) !== 1) {
            return strtolower($name);
        }

        $ascii = idn_to_ascii($name, self::IDNA_OPTIONS, INTL_IDNA_VARIANT_UTS46);
        if ($ascii === false) {
            throw new InvalidDomainName(
                'domain ' . Quote::value($name) . ' is not a valid internationalised domain name'
            );
        }

        return $ascii;
    }
}
