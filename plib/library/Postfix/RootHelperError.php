<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Postfix;

use PleskExt\M365SplitDelivery\ExtensionException;

/**
 * The root helper could not be run (`root-helper-not-run`), failed where an answer was needed
 * (`root-helper-failed`, with its exit code), or answered something unexpected
 * (`root-helper-answer`).
 */
final class RootHelperError extends ExtensionException
{
    public function __construct(
        string $errorCode,
        string $message,
        public readonly ?int $exitCode = null
    ) {
        parent::__construct($errorCode, $message);
    }
}
