<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Api\Support;

use DateTimeImmutable;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectory;
use PleskExt\M365SplitDelivery\Routing\Planner;
use PleskExt\M365SplitDelivery\Store\RoutingStore;
use PleskExt\M365SplitDelivery\Sync\AccountWarning;
use PleskExt\M365SplitDelivery\Sync\DomainState;
use PleskExt\M365SplitDelivery\Sync\LastApply;
use PleskExt\M365SplitDelivery\Sync\MapSync;
use PleskExt\M365SplitDelivery\Sync\SyncStatus;

/**
 * A map sync that plans with the real planner and keeps "the map in force" in memory; an apply
 * can be made to fail, as the root helper's would, leaving the previous map in force.
 */
final class FakeMapSync implements MapSync
{
    /** @var array<int, list<string>> routed addresses in force, by domain id */
    private array $inForce = [];

    /** @var array<int, true> */
    private array $pending = [];

    /** @var array<int, list<AccountWarning>> */
    private array $warnings = [];

    private ?LastApply $last = null;

    public ?string $failWith = null;

    public int $rebuilds = 0;

    public function __construct(
        private readonly RoutingStore $store,
        private readonly MailboxDirectory $directory
    ) {
    }

    public function rebuild(): LastApply
    {
        $this->rebuilds++;
        $plan = (new Planner($this->directory))->plan($this->store);
        foreach ($plan->goneMarks as $gone) {
            $this->store->removeMark($gone->domainId, $gone->mark);
        }

        if ($this->failWith !== null) {
            return $this->last = new LastApply(self::at(), false, $this->failWith);
        }

        $this->inForce = [];
        $this->warnings = [];
        foreach ($this->store->domainIdsWithMarks() as $domainId) {
            $name = $this->directory->domain($domainId)->name;
            foreach ($plan->routes as $route) {
                if (str_ends_with($route->address, '@' . $name)) {
                    $this->inForce[$domainId][] = $route->address;
                }
            }
        }
        foreach ($plan->warnings as $warning) {
            $this->warnings[$warning->domainId][] = AccountWarning::fromPlanWarning($warning);
        }
        $this->pending = [];

        return $this->last = new LastApply(self::at(), true, 'applied');
    }

    public function heal(): ?LastApply
    {
        return null;
    }

    public function status(): SyncStatus
    {
        $routes = array_sum(array_map('count', $this->inForce));

        return new SyncStatus([
            'first' => 'yes',
            'path' => '/etc/postfix/m365-split-delivery/transport',
            'type' => 'hash',
            'routes' => (string) $routes,
            'sha256' => 'e3b0c442',
            'index' => 'fresh',
        ], $this->last);
    }

    public function markPending(int $domainId): void
    {
        $this->pending[$domainId] = true;
    }

    public function domainState(int $domainId): DomainState
    {
        return match (true) {
            isset($this->pending[$domainId]) => DomainState::Pending,
            isset($this->warnings[$domainId]) => DomainState::Attention,
            default => DomainState::InSync,
        };
    }

    public function routedAddresses(int $domainId): array
    {
        return $this->inForce[$domainId] ?? [];
    }

    public function warnings(int $domainId): array
    {
        return $this->warnings[$domainId] ?? [];
    }

    private static function at(): DateTimeImmutable
    {
        return new DateTimeImmutable('2024-05-06T07:08:09+00:00');
    }
}
