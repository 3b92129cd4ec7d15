<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Api;

/** This server's name and addresses, which the Microsoft-side connectors must name. */
interface ServerInfo
{
    public function hostname(): string;

    /** @return list<string> the server's IP addresses, loopback and link-local left out */
    public function addresses(): array;
}
