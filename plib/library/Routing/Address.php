<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Routing;

use PleskExt\M365SplitDelivery\Quote;

/**
 * Turns an address as a person types it into a route key: blanks around it trimmed, lower case,
 * IDN domain in ASCII. A control character anywhere (a tab, a line break, NUL) is refused rather
 * than trimmed away. Only exact addresses are routed: never a domain, `.domain`, `*`, `@domain`
 * or a pattern, because a wildcard also catches the server's own domains and loops mail.
 */
final class Address
{
    /**
     * @throws InvalidAddress naming the address and the reason
     */
    public static function normalise(string $address): string
    {
        $control = ControlCharacter::firstIn($address);
        if ($control !== null) {
            throw new InvalidAddress(ControlCharacter::quote($address) . ' is not a valid address: '
                . 'it contains the control character ' . $control . '; enter one address alone, '
                . 'without tabs or line breaks');
        }

        // Only plain blanks: people paste addresses with a space before or after them.
        $trimmed = trim($address, ' ');
        $quoted = Quote::value($trimmed);

        $notExact = self::notExactReason($trimmed);
        if ($notExact !== null) {
            throw new InvalidAddress($quoted . ' is not an exact address: ' . $notExact);
        }

        $at = (int) strrpos($trimmed, '@');
        $localPart = strtolower(substr($trimmed, 0, $at));
        try {
            $domain = DomainName::toAscii(substr($trimmed, $at + 1));
        } catch (InvalidDomainName $e) {
            throw new InvalidAddress($quoted . ' is not a valid address: the ' . $e->getMessage());
        }

        $key = $localPart . '@' . $domain;
        $problem = RouteGrammar::keyProblem($key);
        if ($problem !== null) {
            throw new InvalidAddress($quoted . ' is not a valid address: ' . $problem);
        }

        return $key;
    }

    /** Why $address names more (or less) than one exact address, or null when it names one. */
    private static function notExactReason(string $address): ?string
    {
        if ($address === '') {
            return 'it is empty';
        }
        if (preg_match('~\A/.*/[a-z]*\z~s', $address) === 1) {
            return 'patterns are not routed, only exact addresses';
        }

        $at = strrpos($address, '@');
        if ($at === false) {
            return match (true) {
                str_contains($address, '*') => 'wildcards are not routed',
                $address[0] === '.' => 'a domain and its subdomains are never routed, '
                    . 'only exact addresses',
                str_contains($address, '.') => 'a whole domain is never routed, '
                    . 'only exact addresses',
                default => 'it has no @domain',
            };
        }

        $localPart = substr($address, 0, $at);
        if ($localPart === '*' || str_contains(substr($address, $at), '*')) {
            return 'wildcards are not routed';
        }
        if ($localPart === '') {
            return 'a catch-all (@domain) is never routed, only exact addresses';
        }

        return null;
    }
}
