<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Postfix;

use PleskExt\M365SplitDelivery\Quote;

/** Parses what `m365-split-delivery status` prints: one `name=value` line per fact. */
final class HelperStatus
{
    public const FIELDS = ['first', 'path', 'type', 'routes', 'sha256', 'index'];

    /**
     * @return array<string, string> the fields in the order the helper printed them
     * @throws RootHelperError when a line is not `name=value` or a field is missing
     */
    public static function parse(string $stdout): array
    {
        $status = [];
        foreach (explode("\n", rtrim($stdout, "\n")) as $line) {
            if (preg_match('/\A([a-z0-9_]+)=(.*)\z/', $line, $match) !== 1) {
                throw new RootHelperError(
                    'root-helper-answer',
                    'the root helper answered status with an unexpected line ' . Quote::value($line)
                );
            }
            $status[$match[1]] = $match[2];
        }

        $missing = array_diff(self::FIELDS, array_keys($status));
        if ($missing !== []) {
            throw new RootHelperError(
                'root-helper-answer',
                'the root helper answered status without ' . implode(', ', $missing)
            );
        }

        return $status;
    }
}
