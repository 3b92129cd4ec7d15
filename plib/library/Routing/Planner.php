<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Routing;

use PleskExt\M365SplitDelivery\Mail\AccountKind;
use PleskExt\M365SplitDelivery\Mail\MailAccount;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectory;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectoryError;
use PleskExt\M365SplitDelivery\Mail\MailDomain;
use PleskExt\M365SplitDelivery\Mail\UnknownDomain;
use PleskExt\M365SplitDelivery\Store\RoutingStore;

/**
 * Turns the marks and next hops of the store, and the mail accounts that exist now, into the
 * routes of the map. Postfix rewrites aliases before routing and rejects addresses without a
 * mailbox before routing, so only marks of real mailboxes become routes.
 */
final class Planner
{
    public function __construct(private readonly MailboxDirectory $directory)
    {
    }

    /**
     * @throws MailboxDirectoryError when the mail accounts cannot be read: a plan from a partial
     *                               read would drop routes, so there is none
     */
    public function plan(RoutingStore $store): Plan
    {
        $routes = [];
        $warnings = [];
        $goneMarks = [];

        foreach ($store->domainIdsWithMarks() as $domainId) {
            $marks = $store->marks($domainId);
            try {
                $domain = $this->directory->domain($domainId);
            } catch (UnknownDomain $e) {
                // Not proof that the mailboxes are gone (a restore may have changed the domain's
                // id), so the marks stay; the domain's mail is not accepted here anyway.
                $warnings[] = new PlanWarning('unknown-domain', $e->getMessage() . ': '
                    . self::count(count($marks), 'mark') . ' kept, not routed', $domainId, null);
                continue;
            }

            $addresses = $this->routedAddresses($domain, $marks, $warnings, $goneMarks);

            $nextHop = $store->nextHop($domainId);
            if ($nextHop === null && $addresses !== []) {
                $warnings[] = new PlanWarning(
                    'no-next-hop',
                    $domain->name . ' has ' . self::count(count($addresses), 'marked mailbox')
                    . ' but no next hop: enter the MX value shown for it in the Microsoft 365'
                    . ' admin center',
                    $domainId,
                    null
                );
                continue;
            }
            foreach ($addresses as $address) {
                $routes[] = new Route($address, (string) $nextHop);
            }
        }

        return new Plan($routes, $warnings, $goneMarks);
    }

    /**
     * The addresses of the domain's marks that can be routed; a warning or a gone mark for each
     * of the others.
     *
     * @param list<Mark> $marks
     * @param list<PlanWarning> $warnings
     * @param list<GoneMark> $goneMarks
     * @return list<string>
     */
    private function routedAddresses(
        MailDomain $domain,
        array $marks,
        array &$warnings,
        array &$goneMarks
    ): array {
        $byId = [];
        $byLocalPart = [];
        $aliasOf = [];
        foreach ($domain->accounts as $account) {
            $byId[$account->id] = $account;
            $byLocalPart[$account->localPart] = $account;
            foreach ($account->aliases as $alias) {
                $aliasOf[$alias] = $account;
            }
        }

        $addresses = [];
        foreach ($marks as $mark) {
            // By id first: it follows renames. By local part when a restore gave new ids. A
            // renamed mark's stored local part is brought up to date before planning
            // (Sync\MarkFollower, in the panel's rebuild and the engine CLI's apply), so the
            // fallback still finds the account after a later restore.
            $account = $byId[$mark->accountId] ?? $byLocalPart[$mark->localPart] ?? null;
            if ($account === null) {
                if (isset($aliasOf[$mark->localPart])) {
                    $warnings[] = $this->aliasWarning($domain, $mark, $aliasOf[$mark->localPart]);
                } else {
                    $goneMarks[] = new GoneMark($domain->id, $domain->name, $mark);
                }
                continue;
            }

            $address = $this->addressOf($domain, $account, $warnings);
            if ($address === null) {
                continue;
            }
            if (isset($addresses[$address])) {
                $warnings[] = new PlanWarning('duplicate-mark', $address . ' is marked more than '
                    . 'once: it is routed once', $domain->id, $address);
                continue;
            }
            $addresses[$address] = true;
        }

        // Keys that look like integers would turn into ints, but an address always has an @.
        return array_keys($addresses);
    }

    /** @param list<PlanWarning> $warnings */
    private function addressOf(MailDomain $domain, MailAccount $account, array &$warnings): ?string
    {
        $address = $account->localPart . '@' . $domain->name;
        if ($account->kind === AccountKind::Forwarding) {
            $warnings[] = new PlanWarning('forwarding-only', $address . ' has no mailbox (it only '
                . 'forwards): an address without a mailbox is rejected before routing, so it is '
                . 'not routed', $domain->id, $address);
            return null;
        }

        try {
            return Address::normalise($address);
        } catch (InvalidAddress $e) {
            $warnings[] = new PlanWarning(
                'invalid-address',
                $e->getMessage() . ': not routed',
                $domain->id,
                $address
            );
            return null;
        }
    }

    private function aliasWarning(
        MailDomain $domain,
        Mark $mark,
        MailAccount $account
    ): PlanWarning {
        $alias = $mark->localPart . '@' . $domain->name;
        $target = $account->localPart . '@' . $domain->name;

        return new PlanWarning('alias', $alias . ' is an alias of ' . $target . ': aliases are '
            . 'rewritten before routing; route ' . $target . ' instead', $domain->id, $alias);
    }

    private static function count(int $count, string $noun): string
    {
        if ($count === 1) {
            return '1 ' . $noun;
        }

        return $count . ' ' . $noun . (str_ends_with($noun, 'x') ? 'es' : 's');
    }
}
