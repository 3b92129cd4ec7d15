<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery;

use RuntimeException;
use Throwable;

/**
 * A failure the extension reports to a person: the message names what failed, on which object,
 * and why; the code is a stable word (`invalid-address`, …) for programs and the UI.
 */
abstract class ExtensionException extends RuntimeException
{
    private string $errorCode;

    public function __construct(string $errorCode, string $message, ?Throwable $previous = null)
    {
        parent::__construct($message, 0, $previous);
        $this->errorCode = $errorCode;
    }

    /** The stable code of this kind of failure, e.g. `invalid-address`. */
    public function errorCode(): string
    {
        return $this->errorCode;
    }
}
