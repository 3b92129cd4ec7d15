<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Mail;

use PleskExt\M365SplitDelivery\ExtensionException;

/**
 * The mail accounts could not be read. Codes: `directory-unreadable`, `directory-malformed`,
 * `unknown-domain` (see UnknownDomain).
 */
class MailboxDirectoryError extends ExtensionException
{
}
