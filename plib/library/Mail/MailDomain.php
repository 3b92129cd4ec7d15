<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Mail;

/** A mail domain (name in ASCII, IDN as punycode) and the mail accounts it has now. */
final class MailDomain
{
    /**
     * @param list<MailAccount> $accounts
     */
    public function __construct(
        public readonly int $id,
        public readonly string $name,
        public readonly array $accounts
    ) {
    }
}
