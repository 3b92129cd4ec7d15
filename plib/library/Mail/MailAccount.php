<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Mail;

/** A mail account of a domain as the panel has it now: id, local part, kind and alias names. */
final class MailAccount
{
    /**
     * @param list<string> $aliases other local parts of the same domain that Postfix rewrites
     *                              to this account before routing
     */
    public function __construct(
        public readonly int $id,
        public readonly string $localPart,
        public readonly AccountKind $kind,
        public readonly array $aliases
    ) {
    }
}
