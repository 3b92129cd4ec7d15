<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sandbox;

use PleskExt\M365SplitDelivery\Api\ForgeryToken;

/** The session token of the sandbox, kept in its state directory and printed into the page. */
final class FileForgeryToken implements ForgeryToken
{
    public function __construct(private readonly string $path)
    {
    }

    public function expected(): ?string
    {
        if (!is_file($this->path)) {
            file_put_contents($this->path, bin2hex(random_bytes(16)));
        }
        $token = trim((string) file_get_contents($this->path));

        return $token === '' ? null : $token;
    }
}
