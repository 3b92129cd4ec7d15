<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Postfix;

/**
 * How a run of the root helper ended. Exit 0 ok, 1 failed with nothing changed, 2 bad usage or
 * input; the helper says why in one stderr line.
 */
final class HelperResult
{
    public function __construct(
        public readonly int $exitCode,
        public readonly string $stdout,
        public readonly string $stderr
    ) {
    }

    public function ok(): bool
    {
        return $this->exitCode === 0;
    }

    /** The helper's first line on stderr (its reason or warning), else its first on stdout. */
    public function message(): string
    {
        foreach ([$this->stderr, $this->stdout] as $output) {
            foreach (explode("\n", $output) as $line) {
                if (trim($line) !== '') {
                    return trim($line);
                }
            }
        }

        return '';
    }
}
