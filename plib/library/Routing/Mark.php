<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Routing;

/**
 * A mailbox marked as hosted at Microsoft: the mail account's id and its local part when marked.
 * The id follows renames; the local part finds the account again when a restore changed ids.
 */
final class Mark
{
    public function __construct(public readonly int $accountId, public readonly string $localPart)
    {
    }

    public function equals(self $other): bool
    {
        return $this->accountId === $other->accountId && $this->localPart === $other->localPart;
    }
}
