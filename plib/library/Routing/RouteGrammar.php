<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Routing;

use PleskExt\M365SplitDelivery\Quote;

/**
 * The grammar of route keys (exact addresses) and next hops (Microsoft hosts) in their normal
 * form. The root helper checks the same grammar again; test/vectors/grammar.json feeds both.
 *
 * KEY  = local part of 1–64 of a-z 0-9 .!$%&'*+/=?^_`{|}~- (no #), not starting or ending with
 *        a dot, no two dots in a row, and not a lone `*`; `@`; a domain of two or more labels,
 *        each 1–63 of a-z 0-9 -, not starting or ending with `-`, 253 characters at most.
 * HOST = one or more such labels, then one of the Microsoft 365 suffixes below; 253 at most.
 */
final class RouteGrammar
{
    public const HOST_SUFFIXES = [
        'mail.protection.outlook.com',
        'mx.microsoft',
        'mail.protection.office365.us',
        'mail.protection.partner.outlook.cn',
    ];

    public const HOST_EXPECTED = 'expected *.mail.protection.outlook.com, *.mx.microsoft, '
        . '*.mail.protection.office365.us or *.mail.protection.partner.outlook.cn';

    private const MAX_NAME_LENGTH = 253;

    public static function isKey(string $key): bool
    {
        return self::keyProblem($key) === null;
    }

    /** Why $key is not a route key, or null when it is one. */
    public static function keyProblem(string $key): ?string
    {
        $parts = explode('@', $key);
        if (count($parts) === 1) {
            return 'it has no @domain';
        }
        if (count($parts) > 2) {
            return 'it has more than one @';
        }

        return self::localPartProblem($parts[0]) ?? self::domainProblem($parts[1]);
    }

    public static function isLocalPart(string $localPart): bool
    {
        return self::localPartProblem($localPart) === null;
    }

    /** Why $localPart is not the local part of a route key, or null when it is one. */
    public static function localPartProblem(string $localPart): ?string
    {
        if ($localPart === '') {
            return 'the local part before @ is empty';
        }
        if ($localPart === '*') {
            return 'wildcards are not routed';
        }
        if (strlen($localPart) > 64) {
            return 'the local part is longer than 64 characters';
        }
        if (preg_match('~\A[a-z0-9.!$%&\'*+/=?^_`{|}\~-]+\z~', $localPart) !== 1) {
            return "the local part may only contain a-z, 0-9 and .!$%&'*+/=?^_`{|}~- "
                . '(lower case, no #)';
        }
        if (preg_match('/\A\.|\.\z|\.\./', $localPart) === 1) {
            return 'the local part may not start or end with a dot or have two dots in a row';
        }

        return null;
    }

    public static function isDomain(string $domain): bool
    {
        return self::domainProblem($domain) === null;
    }

    /** Why $domain is not the domain of a route key, or null when it is one. */
    public static function domainProblem(string $domain): ?string
    {
        if ($domain === '') {
            return 'the domain after @ is empty';
        }
        if (strlen($domain) > self::MAX_NAME_LENGTH) {
            return 'the domain is longer than 253 characters';
        }

        $labels = explode('.', $domain);
        if (count($labels) < 2) {
            return 'the domain needs two labels or more (a bare host name is not routed)';
        }

        foreach ($labels as $label) {
            $problem = self::labelProblem($label);
            if ($problem !== null) {
                return $problem;
            }
        }

        return null;
    }

    /** Whether $host is a Microsoft 365 host in normal form (lower case, no trailing dot). */
    public static function isHost(string $host): bool
    {
        if (strlen($host) > self::MAX_NAME_LENGTH) {
            return false;
        }

        foreach (self::HOST_SUFFIXES as $suffix) {
            if (!str_ends_with($host, '.' . $suffix)) {
                continue;
            }

            $prefix = substr($host, 0, -strlen('.' . $suffix));
            foreach (explode('.', $prefix) as $label) {
                if (self::labelProblem($label) !== null) {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    private static function labelProblem(string $label): ?string
    {
        if ($label === '') {
            return 'the domain has an empty label (a dot at its start or end, or two in a row)';
        }
        if (preg_match('/\A[a-z0-9-]{1,63}\z/', $label) !== 1) {
            return 'the domain label ' . Quote::value($label)
                . ' is not 1 to 63 of a-z, 0-9 and - (lower case)';
        }
        if ($label[0] === '-' || str_ends_with($label, '-')) {
            return 'the domain label ' . Quote::value($label) . ' starts or ends with a hyphen';
        }

        return null;
    }
}
