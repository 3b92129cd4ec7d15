<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Api;

use PleskExt\M365SplitDelivery\Mail\MailboxDirectory;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectoryError;
use PleskExt\M365SplitDelivery\Mail\MailDomain;
use PleskExt\M365SplitDelivery\Mail\UnknownDomain;
use PleskExt\M365SplitDelivery\Postfix\RootHelperError;
use PleskExt\M365SplitDelivery\Routing\InvalidDomainName;
use PleskExt\M365SplitDelivery\Routing\InvalidNextHop;
use PleskExt\M365SplitDelivery\Routing\NextHop;
use PleskExt\M365SplitDelivery\Store\RoutingStore;
use PleskExt\M365SplitDelivery\Sync\DomainState;
use PleskExt\M365SplitDelivery\Sync\LastApply;
use PleskExt\M365SplitDelivery\Sync\MapSync;

/**
 * The JSON API's calls, free of HTTP and of Plesk: one method per call, taking the caller and
 * checked input, returning the answer's `data` or throwing an ApiError. The panel's controller
 * and the sandbox's router both serve it.
 */
final class ApiService
{
    public function __construct(
        private readonly RoutingStore $store,
        private readonly MailboxDirectory $directory,
        private readonly MapSync $sync,
        private readonly DomainCatalogue $catalogue,
        private readonly HostResolver $resolver,
        private readonly ServerInfo $server,
        private readonly AuditLog $audit
    ) {
    }

    /**
     * `GET domains`: one page of the mail domains the caller may manage.
     *
     * Cost: the catalogue lists the domains that have mail accounts (the panel counts them for
     * all domains in one read, cached for a few minutes); the map sync's routed count and state
     * (both from what the last rebuild recorded) are taken for every matching domain only when
     * sorting by them; next hops are read for the page only.
     *
     * @return array{items: list<array<string, mixed>>, total: int}
     */
    public function domains(Caller $caller, DomainQuery $query): array
    {
        $sortsByName = ltrim($query->sort, '-') === 'name';
        $rows = [];
        foreach ($this->catalogue->mailDomains() as $domain) {
            if (!DomainListing::matches($domain, $query->search)) {
                continue;
            }
            if (!$caller->canAccessDomain($domain->id)) {
                continue;
            }
            $rows[] = $sortsByName ? ['domain' => $domain] : $this->listed($domain);
        }

        $page = DomainListing::page(
            DomainListing::sort($rows, $query->sort),
            $query->page,
            $query->pageSize
        );
        if ($sortsByName) {
            $page = array_map(fn (array $row): array => $this->listed($row['domain']), $page);
        }

        $ids = array_map(static fn (array $row): int => $row['domain']->id, $page);
        $counts = $ids === [] ? [] : $this->catalogue->accountCounts($ids);

        $items = [];
        foreach ($page as $row) {
            $id = $row['domain']->id;
            $items[] = [
                'id' => $id,
                'name' => $row['domain']->displayName,
                'nextHop' => $this->store->nextHop($id),
                'routed' => $row['routed'],
                'total' => $counts[$id] ?? 0,
                'state' => $row['state']->value,
            ];
        }

        return ['items' => $items, 'total' => count($rows)];
    }

    /**
     * `GET domain`: one domain with its next hop, the guess, and every mail account.
     *
     * @return array<string, mixed>
     */
    public function domain(Caller $caller, int $domainId): array
    {
        $domain = $this->accessibleDomain($caller, $domainId);
        $mail = $this->mailDomain($domain);
        $routed = array_flip($this->sync->routedAddresses($domainId));
        $warnings = AccountWarnings::of(
            $mail,
            $this->sync->warnings($domainId),
            $this->store->marks($domainId)
        );

        $accounts = [];
        foreach ($mail->accounts as $account) {
            $address = $account->localPart . '@' . $mail->name;
            $entry = [
                'id' => $account->id,
                'address' => $address,
                'kind' => $account->kind->value,
                'aliases' => array_map(
                    static fn (string $alias): string => $alias . '@' . $mail->name,
                    $account->aliases
                ),
                'routed' => isset($routed[$address]),
            ];
            if (isset($warnings[$account->id])) {
                $entry['warning'] = $warnings[$account->id];
            }
            $accounts[] = $entry;
        }
        usort($accounts, static fn (array $a, array $b): int => $a['address'] <=> $b['address']);

        $nextHop = $this->store->nextHop($domainId);

        return [
            'id' => $domainId,
            'name' => $domain->displayName,
            'nextHop' => $nextHop,
            'nextHopGuess' => $this->guess($mail->name),
            'nextHopResolves' => $nextHop === null ? null : $this->resolver->resolves($nextHop),
            'state' => $this->sync->domainState($domainId)->value,
            'accounts' => $accounts,
        ];
    }

    /**
     * `POST routes`: marks or unmarks mailboxes of one domain, then applies the map once.
     *
     * @param list<string> $addresses
     * @return array{results: list<array<string, mixed>>, state: string}
     */
    public function changeRoutes(
        Caller $caller,
        int $domainId,
        array $addresses,
        bool $routed
    ): array {
        $domain = $this->accessibleDomain($caller, $domainId);
        $mail = $this->mailDomain($domain);
        $changes = new RouteChanges($this->store, $mail);

        $before = $changes->markedAddresses();
        $outcomes = $changes->change($addresses, $routed);
        $after = $changes->markedAddresses();
        if ($before !== $after) {
            $this->audit->record(new AuditEntry(
                $caller->name(),
                AuditEntry::ROUTES,
                $domainId,
                $mail->name,
                implode(', ', $before),
                implode(', ', $after)
            ));
        }

        $applyError = null;
        if ($changes->accepted($outcomes) !== []) {
            $this->sync->markPending($domainId);
            $applyError = $this->rebuildError();
        }

        $inForce = array_flip($this->sync->routedAddresses($domainId));
        $nextHop = $this->store->nextHop($domainId);
        $results = [];
        foreach ($outcomes as $outcome) {
            $results[] = $outcome->result($inForce, $applyError, $nextHop, $mail->name);
        }

        return ['results' => $results, 'state' => $this->sync->domainState($domainId)->value];
    }

    /**
     * `POST next-hop`: stores the host of an MX value as pasted, then applies the map. A host
     * that DNS says does not exist is refused (mail to it would bounce); one that could not be
     * checked is saved, and the answer's `resolves` is null.
     *
     * @return array{nextHop: string, resolves: ?bool}
     */
    public function setNextHop(Caller $caller, int $domainId, string $value): array
    {
        $domain = $this->accessibleDomain($caller, $domainId);
        try {
            $host = NextHop::fromMxValue($value);
        } catch (InvalidNextHop $e) {
            throw new ApiError('invalid-next-hop', $e->getMessage(), 400, 'value');
        }

        $resolves = $this->resolver->resolves($host);
        if ($resolves === false) {
            throw new ApiError('next-hop-not-found', 'the next hop ' . $host . ' of '
                . $domain->name . ' does not resolve in DNS (no such host, or it has no address): '
                . 'copy the MX value shown for ' . $domain->name . ' in the Microsoft 365 admin '
                . 'center again', 400, 'value');
        }

        $before = $this->store->nextHop($domainId);
        $this->store->setNextHop($domainId, $host);
        if ($before !== $host) {
            $this->audit->record(new AuditEntry(
                $caller->name(),
                AuditEntry::NEXT_HOP,
                $domainId,
                $domain->name,
                (string) $before,
                $host
            ));
        }

        $this->sync->markPending($domainId);
        $error = $this->rebuildError();
        if ($error !== null) {
            throw new ApiError($error['code'], 'the next hop ' . $host . ' of ' . $domain->name
                . ' is saved, but the map was not applied: ' . $error['message'], 502);
        }

        return ['nextHop' => $host, 'resolves' => $resolves];
    }

    /**
     * `GET status` (administrators): the map in force and the last apply.
     *
     * @return array<string, mixed>
     */
    public function status(Caller $caller): array
    {
        $this->requireAdmin($caller, 'the status of the transport map');

        return $this->statusData();
    }

    /**
     * `POST apply` (administrators): rebuilds and applies the map, then answers as `status`.
     *
     * @return array<string, mixed>
     */
    public function apply(Caller $caller): array
    {
        $this->requireAdmin($caller, 're-applying the transport map');
        $error = $this->rebuildError();
        if ($error !== null && $error['code'] === 'directory-failed') {
            throw new ApiError('directory-failed', $error['message'], 502);
        }

        // A failed apply is in lastApply (ok false, with the helper's words).
        return $this->statusData();
    }

    /**
     * `GET server`: this server's name and addresses for the Microsoft-side checklist.
     *
     * @return array{hostname: string, addresses: list<string>}
     */
    public function server(Caller $caller): array
    {
        return [
            'hostname' => $this->server->hostname(),
            'addresses' => $this->server->addresses(),
        ];
    }

    private function accessibleDomain(Caller $caller, int $domainId): CatalogueDomain
    {
        if (!$caller->canAccessDomain($domainId)) {
            throw ApiError::forbidden($caller->name() . ' has no access to domain ' . $domainId);
        }

        return $this->catalogue->find($domainId)
            ?? throw ApiError::notFound('there is no mail domain with id ' . $domainId);
    }

    private function mailDomain(CatalogueDomain $domain): MailDomain
    {
        try {
            return $this->directory->domain($domain->id);
        } catch (UnknownDomain) {
            throw ApiError::notFound('the mail accounts of ' . $domain->name . ' (domain '
                . $domain->id . ') are not found');
        } catch (MailboxDirectoryError $e) {
            throw new ApiError('directory-failed', 'cannot read the mail accounts of '
                . $domain->name . ': ' . $e->getMessage(), 502);
        }
    }

    private function requireAdmin(Caller $caller, string $what): void
    {
        if (!$caller->isAdmin()) {
            throw ApiError::forbidden('only administrators may see or change ' . $what . '; '
                . $caller->name() . ' is not one');
        }
    }

    /**
     * Rebuilds and applies the map; the failure, if any, in the words the user sees.
     *
     * @return array{code: string, message: string}|null
     */
    private function rebuildError(): ?array
    {
        try {
            $last = $this->sync->rebuild();
        } catch (MailboxDirectoryError $e) {
            return ['code' => 'directory-failed', 'message' => 'the map was not rebuilt: '
                . $e->getMessage()];
        } catch (RootHelperError $e) {
            return ['code' => 'apply-failed', 'message' => $e->getMessage()];
        }

        return $last->ok ? null : ['code' => 'apply-failed', 'message' => $last->message];
    }

    /** @return array<string, mixed> */
    private function statusData(): array
    {
        try {
            $status = $this->sync->status();
        } catch (RootHelperError $e) {
            throw new ApiError('status-failed', 'cannot read the status of the transport map: '
                . $e->getMessage(), 502);
        }

        $helper = $status->helper;

        return [
            'first' => ($helper['first'] ?? '') === 'yes',
            'path' => $helper['path'] ?? '',
            'type' => $helper['type'] ?? '',
            'routes' => (int) ($helper['routes'] ?? 0),
            'sha256' => $helper['sha256'] ?? '',
            'index' => $helper['index'] ?? '',
            'lastApply' => self::lastApply($status->lastApply),
        ];
    }

    /** @return array{at: string, ok: bool, message: string}|null */
    private static function lastApply(?LastApply $last): ?array
    {
        if ($last === null) {
            return null;
        }

        return [
            'at' => $last->at->format(DATE_ATOM),
            'ok' => $last->ok,
            'message' => $last->message,
        ];
    }

    private function guess(string $domainName): ?string
    {
        try {
            return NextHop::guessForDomain($domainName)?->host;
        } catch (InvalidDomainName) {
            // A name Plesk accepted but the route grammar does not: no guess, nothing to route.
            return null;
        }
    }

    /** @return array{domain: CatalogueDomain, routed: int, state: DomainState} */
    private function listed(CatalogueDomain $domain): array
    {
        return [
            'domain' => $domain,
            'routed' => count($this->sync->routedAddresses($domain->id)),
            'state' => $this->sync->domainState($domain->id),
        ];
    }
}
