<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Api;

/**
 * One change made through the API: who, what (`routes` or `next-hop`), on which domain, and
 * the value before and after (the routed addresses, or the next hop).
 */
final class AuditEntry
{
    public const ROUTES = 'routes';
    public const NEXT_HOP = 'next-hop';

    public function __construct(
        public readonly string $actor,
        public readonly string $what,
        public readonly int $domainId,
        public readonly string $domainName,
        public readonly string $before,
        public readonly string $after
    ) {
    }

    /**
     * The line the logs carry, e.g. `admin changed the marked mailboxes of example.com from
     * "bob@example.com" to "bob@example.com, carol@example.com"`.
     */
    public function line(): string
    {
        $subject = $this->what === self::ROUTES ? 'the marked mailboxes' : 'the next hop';

        return $this->actor . ' changed ' . $subject . ' of ' . $this->domainName
            . ' (domain ' . $this->domainId . ') from ' . self::shown($this->before)
            . ' to ' . self::shown($this->after);
    }

    private static function shown(string $value): string
    {
        return $value === '' ? '(none)' : '"' . $value . '"';
    }
}
