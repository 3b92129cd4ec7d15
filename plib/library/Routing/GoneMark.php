<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Routing;

/** A mark whose mail account is gone from a successful read of its domain: the store drops it. */
final class GoneMark
{
    public function __construct(
        public readonly int $domainId,
        public readonly string $domainName,
        public readonly Mark $mark
    ) {
    }

    /** E.g. `carol@example.com (account 13) no longer exists in example.com`. */
    public function message(): string
    {
        return $this->mark->localPart . '@' . $this->domainName . ' (account '
            . $this->mark->accountId . ') no longer exists in ' . $this->domainName;
    }
}
