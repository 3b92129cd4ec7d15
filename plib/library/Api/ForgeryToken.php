<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Api;

/** The session's forgery protection token, which every change must carry back. */
interface ForgeryToken
{
    /** The token the session expects; null when it holds none, and every change is refused. */
    public function expected(): ?string;
}
