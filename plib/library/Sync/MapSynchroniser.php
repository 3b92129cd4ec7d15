<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sync;

use PleskExt\M365SplitDelivery\Mail\MailboxDirectory;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectoryError;
use PleskExt\M365SplitDelivery\Mail\MailDomain;
use PleskExt\M365SplitDelivery\Mail\UnknownDomain;
use PleskExt\M365SplitDelivery\Postfix\RootHelper;
use PleskExt\M365SplitDelivery\Postfix\RootHelperError;
use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Routing\Plan;
use PleskExt\M365SplitDelivery\Routing\Planner;
use PleskExt\M365SplitDelivery\Routing\TransportMapRenderer;
use PleskExt\M365SplitDelivery\Store\ReplaceableMarks;
use PleskExt\M365SplitDelivery\Store\RoutingStore;

/**
 * Keeps the map in force equal to the one planned from the store and the mail accounts that
 * exist now, free of Plesk: the panel wires it with Plesk's adapters, the sandbox and the tests
 * with their own. A rebuild reads every domain it needs before it writes anything, so a directory
 * error changes nothing.
 */
final class MapSynchroniser implements MapSync
{
    private readonly Planner $planner;
    private readonly TransportMapRenderer $renderer;
    private readonly MarkFollower $follower;

    public function __construct(
        private readonly RoutingStore $store,
        private readonly MailboxDirectory $directory,
        private readonly RootHelper $helper,
        private readonly SyncJournal $journal,
        private readonly Clock $clock,
        private readonly SyncLog $log
    ) {
        $this->planner = new Planner($directory);
        $this->renderer = new TransportMapRenderer();
        $this->follower = new MarkFollower();
    }

    public function rebuild(): LastApply
    {
        return $this->journal->exclusively(fn (): LastApply => $this->rebuildHoldingLock());
    }

    public function heal(): ?LastApply
    {
        return $this->journal->exclusively(function (): ?LastApply {
            $drift = $this->drift();

            return $drift === null ? null : $this->rebuildHoldingLock();
        });
    }

    public function status(): SyncStatus
    {
        $helper = $this->helper->status();
        if (($helper['index'] ?? '') !== 'missing') {
            $this->journal->recordMapFirst(($helper['first'] ?? '') === 'yes');
        }

        return new SyncStatus($helper, $this->journal->lastApply());
    }

    public function markPending(int $domainId): void
    {
        $this->journal->markPending($domainId);
    }

    public function domainState(int $domainId): DomainState
    {
        $pending = $this->journal->pending();
        $record = $this->journal->domainRecord($domainId);
        if (isset($pending[$domainId])) {
            return DomainState::Pending;
        }
        if ($record === null) {
            // No marks at the last rebuild, and none added since.
            return DomainState::InSync;
        }
        if (isset($pending[SyncJournal::EVERY_DOMAIN])) {
            return DomainState::Pending;
        }
        if ($record->warnings !== []) {
            return DomainState::Attention;
        }
        if ($record->routed !== [] && $this->journal->mapFirst() === false) {
            return DomainState::Attention;
        }

        return DomainState::InSync;
    }

    public function routedAddresses(int $domainId): array
    {
        return $this->journal->domainRecord($domainId)?->routed ?? [];
    }

    public function warnings(int $domainId): array
    {
        return $this->journal->domainRecord($domainId)?->warnings ?? [];
    }

    /**
     * Why the map in force is not the desired one, or null when it is (or when there is nothing
     * to route and no map was ever applied: installing changes nothing in main.cf).
     */
    private function drift(): ?string
    {
        $status = $this->helper->status();
        $pending = $this->journal->pending();
        $neverApplied = ($status['sha256'] ?? '') === 'none';
        if ($neverApplied && $this->store->domainIdsWithMarks() === []) {
            return $pending === [] ? null : 'pending';
        }

        if (($status['first'] ?? '') !== 'yes') {
            $this->journal->recordMapFirst(false);
            $this->log->error('our map is not first in transport_maps (Plesk rewrote main.cf?): '
                . 're-applying');
            return 'not first';
        }
        if (($status['index'] ?? '') !== 'fresh') {
            $this->log->error('the index of our map is ' . ($status['index'] ?? 'unknown')
                . ': re-applying');
            return 'index';
        }
        if ($pending !== []) {
            return 'pending';
        }

        $map = $this->renderer->render($this->planner->plan($this->store)->routes);
        if (hash('sha256', $map) !== ($status['sha256'] ?? '')) {
            $this->log->info('the map in force differs from the desired one: re-applying');
            return 'checksum';
        }

        return null;
    }

    private function rebuildHoldingLock(): LastApply
    {
        $pendingSeen = $this->journal->pending();
        $domainIds = $this->store->domainIdsWithMarks();

        try {
            $domains = $this->readDomains($domainIds);
        } catch (MailboxDirectoryError $e) {
            $this->log->error('rebuild aborted, nothing changed: ' . $e->getMessage());
            throw $e;
        }

        foreach ($domains as $domain) {
            $this->followMarks($domain);
        }
        $plan = $this->planner->plan($this->store);
        $this->dropGoneMarks($plan, $domains);

        $map = $this->renderer->render($plan->routes);
        $apply = $this->apply($map, count($plan->routes));
        $this->journal->recordApply($apply);

        $this->recordDomains($plan, $domainIds, $domains, $apply->ok);
        if ($apply->ok) {
            $this->journal->recordMapFirst(true);
            $this->journal->clearPending($pendingSeen);
        } else {
            $this->log->error('apply failed: ' . $apply->message . '; the map in force stays, '
                . 'changes stay pending');
        }

        return $apply;
    }

    /**
     * @param list<int> $domainIds
     * @return array<int, MailDomain> the domains that exist; an unknown id keeps its marks
     * @throws MailboxDirectoryError
     */
    private function readDomains(array $domainIds): array
    {
        if ($this->directory instanceof DomainPrefetch && $domainIds !== []) {
            $this->directory->prefetch($domainIds);
        }

        $domains = [];
        foreach ($domainIds as $domainId) {
            try {
                $domains[$domainId] = $this->directory->domain($domainId);
            } catch (UnknownDomain) {
                // The planner warns about it; its marks stay (a restore may change domain ids).
                continue;
            }
        }

        return $domains;
    }

    private function followMarks(MailDomain $domain): void
    {
        $marks = $this->store->marks($domain->id);
        $followed = $this->follower->follow($domain, $marks);
        if ($followed->marks == $marks) {
            return;
        }

        $this->replaceMarks($domain->id, $marks, $followed->marks);
        foreach ($followed->changes as $change) {
            $this->log->info($change);
        }
    }

    /** @param array<int, MailDomain> $domains */
    private function dropGoneMarks(Plan $plan, array $domains): void
    {
        $gone = [];
        foreach ($plan->goneMarks as $goneMark) {
            $gone[$goneMark->domainId][] = $goneMark->mark;
        }

        foreach ($gone as $domainId => $goneMarks) {
            $marks = $this->store->marks($domainId);
            $isKept = static function (Mark $mark) use ($goneMarks): bool {
                foreach ($goneMarks as $goneMark) {
                    if ($mark->equals($goneMark)) {
                        return false;
                    }
                }
                return true;
            };
            $kept = array_values(array_filter($marks, $isKept));
            $this->replaceMarks($domainId, $marks, $kept);

            $name = $domains[$domainId]->name ?? (string) $domainId;
            $this->log->info('dropped ' . self::count(count($goneMarks), 'mark') . ' of ' . $name
                . ' whose mail accounts no longer exist: ' . self::listed(array_map(
                    static fn (Mark $mark): string => $mark->localPart . '@' . $name,
                    $goneMarks
                )));
        }
    }

    /**
     * @param list<Mark> $before
     * @param list<Mark> $after
     */
    private function replaceMarks(int $domainId, array $before, array $after): void
    {
        if ($this->store instanceof ReplaceableMarks) {
            $this->store->replaceMarks($domainId, $after);
            return;
        }

        foreach ($before as $mark) {
            $this->store->removeMark($domainId, $mark);
        }
        foreach ($after as $mark) {
            $this->store->addMark($domainId, $mark);
        }
    }

    private function apply(string $map, int $routes): LastApply
    {
        try {
            $status = $this->helper->status();
        } catch (RootHelperError $e) {
            // Not knowing what is in force only means applying: apply itself reports the failure.
            $status = [];
        }

        if ($routes === 0 && ($status['sha256'] ?? '') === 'none') {
            // Installing changes nothing in main.cf: only a first route brings our map in.
            return new LastApply($this->clock->now(), true, 'nothing to apply: no routes, and no '
                . 'map was ever applied');
        }
        $inForce = ($status['sha256'] ?? '') === hash('sha256', $map)
            && ($status['first'] ?? '') === 'yes' && ($status['index'] ?? '') === 'fresh';
        if ($inForce) {
            return new LastApply($this->clock->now(), true, 'unchanged: '
                . self::count($routes, 'route') . ' already in force');
        }

        try {
            $result = $this->helper->apply($map);
        } catch (RootHelperError $e) {
            return new LastApply($this->clock->now(), false, $e->getMessage());
        }
        if (!$result->ok()) {
            return new LastApply($this->clock->now(), false, $result->message() !== ''
                ? $result->message() : 'the root helper failed (exit ' . $result->exitCode . ')');
        }

        $message = 'applied ' . self::count($routes, 'route');
        // A failed reload is a warning: Postfix picks the map up within a minute anyway.
        if (str_starts_with($result->message(), 'warning:')) {
            $message .= ' (' . $result->message() . ')';
        }

        return new LastApply($this->clock->now(), true, $message);
    }

    /**
     * Records per domain what the panel shows; on a failed apply the routed addresses stay those
     * of the map still in force.
     *
     * @param list<int> $domainIds
     * @param array<int, MailDomain> $domains
     */
    private function recordDomains(Plan $plan, array $domainIds, array $domains, bool $ok): void
    {
        $before = $this->journal->domainRecords();

        $routed = [];
        $nextHops = [];
        foreach ($plan->routes as $route) {
            $domainName = substr($route->address, (int) strrpos($route->address, '@') + 1);
            $routed[$domainName][] = $route->address;
            $nextHops[$domainName] = $route->nextHop;
        }
        $warnings = [];
        foreach ($plan->warnings as $warning) {
            $warnings[$warning->domainId][] = AccountWarning::fromPlanWarning($warning);
        }

        $records = $ok ? [] : $before;
        foreach ($domainIds as $domainId) {
            $name = $domains[$domainId]->name ?? null;
            $addresses = $ok ? ($routed[$name] ?? []) : ($before[$domainId]->routed ?? []);
            sort($addresses, SORT_STRING);
            $records[$domainId] = new DomainRecord(
                $addresses,
                $warnings[$domainId] ?? [],
                $this->store->nextHop($domainId) !== null
            );
            if ($ok && $name !== null) {
                $this->logRouteChanges(
                    $name,
                    $before[$domainId]->routed ?? [],
                    $addresses,
                    $nextHops[$name] ?? null
                );
            }
        }
        if ($ok) {
            foreach (array_diff_key($before, $records) as $domainId => $record) {
                $this->logRouteChanges('domain ' . $domainId, $record->routed, [], null);
            }
        }

        $this->journal->replaceDomainRecords($records);
    }

    /**
     * @param list<string> $before
     * @param list<string> $after
     */
    private function logRouteChanges(
        string $domain,
        array $before,
        array $after,
        ?string $hop
    ): void {
        $added = array_diff($after, $before);
        $removed = array_diff($before, $after);
        if ($added !== []) {
            $this->log->info('routed ' . self::count(count($added), 'mailbox') . ' of ' . $domain
                . ' to ' . $hop . ': ' . self::listed($added));
        }
        if ($removed !== []) {
            $this->log->info('stopped routing ' . self::count(count($removed), 'mailbox') . ' of '
                . $domain . ': ' . self::listed($removed));
        }
    }

    /** @param array<string> $addresses at most the first 10, so a log line stays a line */
    private static function listed(array $addresses): string
    {
        $shown = array_slice(array_values($addresses), 0, 10);
        $more = count($addresses) - count($shown);

        return implode(', ', $shown) . ($more > 0 ? ' and ' . $more . ' more' : '');
    }

    private static function count(int $count, string $noun): string
    {
        $plural = str_ends_with($noun, 'x') ? $noun . 'es' : $noun . 's';

        return number_format($count) . ' ' . ($count === 1 ? $noun : $plural);
    }
}
