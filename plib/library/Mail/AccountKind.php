<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Mail;

/** Whether a mail account has a mailbox, or only forwards (and so cannot be routed). */
enum AccountKind: string
{
    case Mailbox = 'mailbox';
    case Forwarding = 'forwarding';
}
