<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery;

use RuntimeException;

/** A JSON file that could not be read (`unreadable`) or decoded (`malformed`), and why. */
final class JsonFileError extends RuntimeException
{
    public function __construct(public readonly string $kind, public readonly string $cause)
    {
        parent::__construct($cause);
    }
}
