<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Cli;

/** What a CLI command prints and its exit code: 0 done, 1 failed, 2 bad usage. */
final class CommandResult
{
    public function __construct(
        public readonly int $exitCode,
        public readonly string $stdout,
        public readonly string $stderr
    ) {
    }
}
