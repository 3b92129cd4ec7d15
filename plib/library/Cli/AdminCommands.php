<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Cli;

use PleskExt\M365SplitDelivery\ExtensionException;
use PleskExt\M365SplitDelivery\Mail\AccountKind;
use PleskExt\M365SplitDelivery\Mail\MailAccount;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectory;
use PleskExt\M365SplitDelivery\Quote;
use PleskExt\M365SplitDelivery\Routing\Address;
use PleskExt\M365SplitDelivery\Routing\DomainName;
use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Routing\NextHop;
use PleskExt\M365SplitDelivery\Store\RoutingStore;
use PleskExt\M365SplitDelivery\Sync\DomainCatalogue;
use PleskExt\M365SplitDelivery\Sync\LastApply;
use PleskExt\M365SplitDelivery\Sync\MapSync;

/**
 * The commands of `plesk ext m365-split-delivery` (administrators only, as Plesk's CLI is):
 * --route, --unroute, --list, --set-next-hop, --status, --sync. Results on stdout, each error on
 * stderr as one line naming the address or domain and the reason; exit 1 when anything failed.
 */
final class AdminCommands
{
    public const USAGE = "usage: plesk ext m365-split-delivery --route ADDRESS…\n"
        . "       plesk ext m365-split-delivery --unroute ADDRESS…\n"
        . "       plesk ext m365-split-delivery --list [--domain NAME] [--json]\n"
        . "       plesk ext m365-split-delivery --set-next-hop DOMAIN VALUE\n"
        . "       plesk ext m365-split-delivery --status [--json]\n"
        . "       plesk ext m365-split-delivery --sync\n";

    private string $stdout = '';
    private string $stderr = '';
    private int $exitCode = 0;

    public function __construct(
        private readonly RoutingStore $store,
        private readonly MailboxDirectory $directory,
        private readonly DomainCatalogue $domains,
        private readonly MapSync $sync
    ) {
    }

    /**
     * Runs one command ("route", "list", …) with the arguments that followed it.
     *
     * @param list<string> $arguments
     */
    public function run(string $command, array $arguments): CommandResult
    {
        $this->stdout = '';
        $this->stderr = '';
        $this->exitCode = 0;

        try {
            match ($command) {
                'route' => $this->route($arguments),
                'unroute' => $this->unroute($arguments),
                'list' => $this->list($arguments),
                'set-next-hop' => $this->setNextHop($arguments),
                'status' => $this->status($arguments),
                'sync' => $this->syncNow($arguments),
                default => $this->usage('unknown command ' . Quote::value('--' . $command)),
            };
        } catch (ExtensionException $e) {
            $this->fail($e->getMessage());
        }

        return new CommandResult($this->exitCode, $this->stdout, $this->stderr);
    }

    /** @param list<string> $addresses */
    private function route(array $addresses): void
    {
        if ($addresses === []) {
            $this->usage('--route needs one address or more');
            return;
        }

        $changed = false;
        foreach ($addresses as $typed) {
            $found = $this->findAccount($typed);
            if ($found === null) {
                continue;
            }
            [$domainId, $address, $account] = $found;
            if ($account->kind === AccountKind::Forwarding) {
                $this->fail($address . ' has no mailbox (it only forwards): an address without a '
                    . 'mailbox is rejected before routing, so it cannot be routed');
                continue;
            }
            if ($this->markOf($domainId, $account) !== null) {
                $this->say($address . ': already hosted at Microsoft');
                continue;
            }
            $this->store->addMark($domainId, new Mark($account->id, $account->localPart));
            $this->sync->markPending($domainId);
            $changed = true;
            $this->say($address . ': hosted at Microsoft');
        }

        if ($changed) {
            $this->rebuild();
        }
    }

    /** @param list<string> $addresses */
    private function unroute(array $addresses): void
    {
        if ($addresses === []) {
            $this->usage('--unroute needs one address or more');
            return;
        }

        $changed = false;
        foreach ($addresses as $typed) {
            $target = $this->addressAndDomain($typed);
            if ($target === null) {
                continue;
            }
            [$domainId, $address, $localPart] = $target;
            $marks = array_filter(
                $this->store->marks($domainId),
                static fn (Mark $mark): bool => $mark->localPart === $localPart
            );
            if ($marks === []) {
                $this->fail($address . ' is not hosted at Microsoft: nothing to undo');
                continue;
            }
            foreach ($marks as $mark) {
                $this->store->removeMark($domainId, $mark);
            }
            $this->sync->markPending($domainId);
            $changed = true;
            $this->say($address . ': delivered by this server again');
        }

        if ($changed) {
            $this->rebuild();
        }
    }

    /** @param list<string> $arguments */
    private function list(array $arguments): void
    {
        [$options, $rest] = $this->options($arguments, ['--json'], ['--domain']);
        if ($rest !== []) {
            $this->usage('unexpected argument ' . Quote::value($rest[0]));
            return;
        }

        $ids = $this->store->domainIdsWithMarks();
        if (isset($options['--domain'])) {
            $id = $this->domainId($options['--domain']);
            if ($id === null) {
                return;
            }
            $ids = [$id];
        }

        $domains = [];
        foreach ($ids as $id) {
            $domains[] = $this->describeDomain($id);
        }

        if (isset($options['--json'])) {
            $this->say(self::json(['domains' => $domains]));
            return;
        }
        foreach ($domains as $domain) {
            $this->say($domain['name'] . ' (' . $domain['state'] . ', next hop '
                . ($domain['nextHop'] ?? 'none') . ')');
            foreach ($domain['addresses'] as $entry) {
                $this->say('  ' . $entry['address'] . "\t"
                    . ($entry['routed'] ? 'routed' : 'not routed')
                    . (isset($entry['warning']) ? ': ' . $entry['warning'] : ''));
            }
        }
    }

    /** @param list<string> $arguments */
    private function setNextHop(array $arguments): void
    {
        if (count($arguments) !== 2) {
            $this->usage('--set-next-hop needs a domain and the MX value from the Microsoft 365 '
                . 'admin center');
            return;
        }
        $domainId = $this->domainId($arguments[0]);
        if ($domainId === null) {
            return;
        }

        $host = NextHop::fromMxValue($arguments[1]);
        $this->store->setNextHop($domainId, $host);
        $this->sync->markPending($domainId);
        $this->say(DomainName::normalise($arguments[0]) . ': next hop ' . $host);
        $this->rebuild();
    }

    /** @param list<string> $arguments */
    private function status(array $arguments): void
    {
        [$options, $rest] = $this->options($arguments, ['--json'], []);
        if ($rest !== []) {
            $this->usage('unexpected argument ' . Quote::value($rest[0]));
            return;
        }

        $status = $this->sync->status();
        $last = $status->lastApply;
        if (isset($options['--json'])) {
            $this->say(self::json($status->helper + ['lastApply' => $last === null ? null : [
                'at' => $last->at->format(DATE_ATOM),
                'ok' => $last->ok,
                'message' => $last->message,
            ]]));
            return;
        }

        foreach ($status->helper as $name => $value) {
            $this->say($name . '=' . $value);
        }
        $this->say('last_apply=' . ($last === null ? 'never' : $last->at->format(DATE_ATOM) . ' '
            . ($last->ok ? 'ok' : 'failed') . ': ' . $last->message));
    }

    /** @param list<string> $arguments */
    private function syncNow(array $arguments): void
    {
        if ($arguments !== []) {
            $this->usage('--sync takes no arguments');
            return;
        }
        $this->rebuild();
    }

    private function rebuild(): void
    {
        $apply = $this->sync->rebuild();
        $this->report($apply);
    }

    private function report(LastApply $apply): void
    {
        if ($apply->ok) {
            $this->say($apply->message);
        } else {
            $this->fail('apply failed: ' . $apply->message . ' (the changes stay pending)');
        }
    }

    /**
     * The account an address names, or null after saying why there is none (C1: an alias is
     * refused with the mailbox to route instead).
     *
     * @return array{0: int, 1: string, 2: MailAccount}|null
     */
    private function findAccount(string $typed): ?array
    {
        $target = $this->addressAndDomain($typed);
        if ($target === null) {
            return null;
        }
        [$domainId, $address, $localPart] = $target;

        $domain = $this->directory->domain($domainId);
        foreach ($domain->accounts as $account) {
            if ($account->localPart === $localPart) {
                return [$domainId, $address, $account];
            }
        }
        foreach ($domain->accounts as $account) {
            if (in_array($localPart, $account->aliases, true)) {
                $mailbox = $account->localPart . '@' . $domain->name;
                $this->fail($address . ' is an alias of ' . $mailbox . ': aliases are rewritten '
                    . 'before routing; route ' . $mailbox . ' instead');
                return null;
            }
        }

        $this->fail($address . ' is not a mail account of ' . $domain->name);
        return null;
    }

    /** @return array{0: int, 1: string, 2: string}|null domain id, address, local part */
    private function addressAndDomain(string $typed): ?array
    {
        try {
            $address = Address::normalise($typed);
        } catch (ExtensionException $e) {
            $this->fail($e->getMessage());
            return null;
        }

        $at = (int) strrpos($address, '@');
        $domainName = substr($address, $at + 1);
        $domainId = $this->domains->idOf($domainName);
        if ($domainId === null) {
            $this->fail($address . ': ' . $domainName . ' is not a domain of this server');
            return null;
        }

        return [$domainId, $address, substr($address, 0, $at)];
    }

    private function domainId(string $typed): ?int
    {
        $name = DomainName::normalise($typed);
        $id = $this->domains->idOf($name);
        if ($id === null) {
            $this->fail($name . ' is not a domain of this server');
        }

        return $id;
    }

    private function markOf(int $domainId, MailAccount $account): ?Mark
    {
        foreach ($this->store->marks($domainId) as $mark) {
            if ($mark->accountId === $account->id || $mark->localPart === $account->localPart) {
                return $mark;
            }
        }

        return null;
    }

    /**
     * A domain as --list shows it, from the store and the last rebuild: no XML API call.
     *
     * @return array{id: int, name: string, nextHop: ?string, state: string,
     *               addresses: list<array{address: string, routed: bool, warning?: string}>}
     */
    private function describeDomain(int $domainId): array
    {
        $name = $this->domains->nameOf($domainId) ?? 'domain ' . $domainId;
        $routed = array_flip($this->sync->routedAddresses($domainId));
        $warnings = [];
        foreach ($this->sync->warnings($domainId) as $warning) {
            $warnings[$warning->address ?? ''] = $warning->message;
        }

        $addresses = [];
        foreach ($this->store->marks($domainId) as $mark) {
            $address = $mark->localPart . '@' . $name;
            $entry = ['address' => $address, 'routed' => isset($routed[$address])];
            $warning = $warnings[$address] ?? $warnings[''] ?? null;
            if ($warning !== null && !$entry['routed']) {
                $entry['warning'] = $warning;
            }
            $addresses[] = $entry;
        }

        return [
            'id' => $domainId,
            'name' => $name,
            'nextHop' => $this->store->nextHop($domainId),
            'state' => $this->sync->domainState($domainId)->value,
            'addresses' => $addresses,
        ];
    }

    /**
     * @param list<string> $arguments
     * @param list<string> $flags
     * @param list<string> $valued
     * @return array{0: array<string, string>, 1: list<string>} options given, other arguments
     */
    private function options(array $arguments, array $flags, array $valued): array
    {
        $options = [];
        $rest = [];
        while ($arguments !== []) {
            $argument = array_shift($arguments);
            if (in_array($argument, $flags, true)) {
                $options[$argument] = '';
            } elseif (in_array($argument, $valued, true) && $arguments !== []) {
                $options[$argument] = array_shift($arguments);
            } else {
                $rest[] = $argument;
            }
        }

        return [$options, $rest];
    }

    private function usage(string $problem): void
    {
        $this->stderr .= 'error: ' . $problem . "\n" . self::USAGE;
        $this->exitCode = 2;
    }

    private function fail(string $message): void
    {
        $this->stderr .= 'error: ' . $message . "\n";
        $this->exitCode = max($this->exitCode, 1);
    }

    private function say(string $line): void
    {
        $this->stdout .= $line . "\n";
    }

    /** @param array<mixed> $value */
    private static function json(array $value): string
    {
        return json_encode($value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
            | JSON_THROW_ON_ERROR);
    }
}
