<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Api;

use PleskExt\M365SplitDelivery\Mail\AccountKind;
use PleskExt\M365SplitDelivery\Mail\MailAccount;
use PleskExt\M365SplitDelivery\Mail\MailDomain;
use PleskExt\M365SplitDelivery\Routing\Address;
use PleskExt\M365SplitDelivery\Routing\InvalidAddress;
use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Store\RoutingStore;

/**
 * Marks and unmarks addresses of one domain in the store. Only a mailbox of the domain can be
 * marked: an alias is rewritten before routing and an address without a mailbox is rejected
 * before routing (CASES.md C1), and only exact addresses are ever routed (C7).
 */
final class RouteChanges
{
    /** @var array<string, MailAccount> */
    private array $byLocalPart = [];

    /** @var array<string, MailAccount> */
    private array $aliasOf = [];

    public function __construct(
        private readonly RoutingStore $store,
        private readonly MailDomain $domain
    ) {
        foreach ($domain->accounts as $account) {
            $this->byLocalPart[$account->localPart] = $account;
            foreach ($account->aliases as $alias) {
                $this->aliasOf[$alias] = $account;
            }
        }
    }

    /**
     * Marks ($routed true) or unmarks each address; refused ones change nothing.
     *
     * @param list<string> $addresses
     * @return list<RouteOutcome> in the order of $addresses
     */
    public function change(array $addresses, bool $routed): array
    {
        $outcomes = [];
        foreach ($addresses as $input) {
            try {
                $address = Address::normalise($input);
            } catch (InvalidAddress $e) {
                $outcomes[] = RouteOutcome::refused(
                    $input,
                    $routed,
                    'invalid-address',
                    $e->getMessage()
                );
                continue;
            }
            $outcomes[] = $routed ? $this->mark($address) : $this->unmark($address);
        }

        return $outcomes;
    }

    /**
     * @param list<RouteOutcome> $outcomes
     * @return list<RouteOutcome> the accepted ones
     */
    public function accepted(array $outcomes): array
    {
        return array_values(array_filter(
            $outcomes,
            static fn (RouteOutcome $outcome): bool => $outcome->isAccepted()
        ));
    }

    /** @return list<string> the addresses of the domain's marks, sorted */
    public function markedAddresses(): array
    {
        $addresses = array_map(
            fn (Mark $mark): string => $mark->localPart . '@' . $this->domain->name,
            $this->store->marks($this->domain->id)
        );
        $addresses = array_values(array_unique($addresses));
        sort($addresses);

        return $addresses;
    }

    private function mark(string $address): RouteOutcome
    {
        $localPart = $this->localPartIn($address);
        if ($localPart === null) {
            return $this->foreign($address, true);
        }

        $account = $this->byLocalPart[$localPart] ?? null;
        if ($account === null) {
            $owner = $this->aliasOf[$localPart] ?? null;
            if ($owner !== null) {
                $target = $owner->localPart . '@' . $this->domain->name;
                return RouteOutcome::refused($address, true, 'not-routable', $address . ' is an '
                    . 'alias of ' . $target . ': aliases are rewritten before routing; route '
                    . $target . ' instead');
            }
            return $this->unknown($address, true);
        }
        if ($account->kind === AccountKind::Forwarding) {
            return RouteOutcome::refused($address, true, 'not-routable', $address . ' has no '
                . 'mailbox (it only forwards): an address without a mailbox is rejected before '
                . 'routing, so it cannot be routed');
        }

        $this->store->addMark($this->domain->id, new Mark($account->id, $localPart));

        return RouteOutcome::accepted($address, true);
    }

    private function unmark(string $address): RouteOutcome
    {
        $localPart = $this->localPartIn($address);
        if ($localPart === null) {
            return $this->foreign($address, false);
        }

        // By id too: a mark follows its mailbox through a rename, and must go with it.
        $account = $this->byLocalPart[$localPart] ?? null;
        $found = false;
        foreach ($this->store->marks($this->domain->id) as $mark) {
            if ($mark->localPart === $localPart || $mark->accountId === $account?->id) {
                $this->store->removeMark($this->domain->id, $mark);
                $found = true;
            }
        }

        if (!$found && $account === null && !isset($this->aliasOf[$localPart])) {
            return $this->unknown($address, false);
        }

        return RouteOutcome::accepted($address, false);
    }

    /** The local part of $address when it belongs to this domain, else null. */
    private function localPartIn(string $address): ?string
    {
        $at = (int) strrpos($address, '@');

        return substr($address, $at + 1) === $this->domain->name ? substr($address, 0, $at) : null;
    }

    private function foreign(string $address, bool $routed): RouteOutcome
    {
        return RouteOutcome::refused($address, $routed, 'not-found', $address
            . ' is not an address of ' . $this->domain->name);
    }

    private function unknown(string $address, bool $routed): RouteOutcome
    {
        return RouteOutcome::refused($address, $routed, 'not-found', $address
            . ' is not a mail account of ' . $this->domain->name);
    }
}
