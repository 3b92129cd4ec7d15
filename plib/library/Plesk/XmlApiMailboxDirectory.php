<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Plesk;

use pm_ApiRpc;
use pm_Domain;
use pm_Exception;
use PleskExt\M365SplitDelivery\Mail\AccountKind;
use PleskExt\M365SplitDelivery\Mail\MailAccount;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectory;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectoryError;
use PleskExt\M365SplitDelivery\Mail\MailDomain;
use PleskExt\M365SplitDelivery\Mail\UnknownDomain;
use PleskExt\M365SplitDelivery\Routing\DomainName;
use PleskExt\M365SplitDelivery\Routing\InvalidDomainName;
use PleskExt\M365SplitDelivery\Sync\DomainPrefetch;
use SimpleXMLElement;
use Throwable;

/**
 * Plesk's mail accounts, read through the XML API (`mail` `get_info` with the mailbox,
 * forwarding and aliases flags). Many domains are read in one request: one packet holding one
 * get_info operation per domain, because Plesk's answer does not say which site a mailname
 * belongs to, while each operation's results come back under its own get_info element, in order.
 */
final class XmlApiMailboxDirectory implements MailboxDirectory, DomainPrefetch
{
    /** @var array<int, MailDomain> */
    private array $read = [];

    /** @var array<int, MailboxDirectoryError> the sites whose own operation answered an error */
    private array $failed = [];

    public function domain(int $domainId): MailDomain
    {
        if (isset($this->failed[$domainId])) {
            throw $this->failed[$domainId];
        }
        if (!isset($this->read[$domainId])) {
            $this->prefetch([$domainId]);
        }

        return $this->read[$domainId] ?? throw new UnknownDomain($domainId, 'Plesk');
    }

    public function prefetch(array $domainIds): void
    {
        $names = [];
        foreach (array_unique($domainIds) as $domainId) {
            $name = $this->domainName($domainId);
            if ($name !== null) {
                $names[$domainId] = $name;
            }
        }
        foreach ($domainIds as $domainId) {
            unset($this->read[$domainId], $this->failed[$domainId]);
        }
        if ($names === []) {
            return;
        }

        $operations = $this->ask($names);
        $index = 0;
        foreach ($names as $domainId => $name) {
            $operation = $operations[$index++] ?? null;
            if ($operation === null) {
                throw $this->error($names, 'the XML API answered ' . count($operations)
                    . ' get_info operations for ' . count($names) . ' domains');
            }
            try {
                $this->read[$domainId] = new MailDomain(
                    $domainId,
                    $name,
                    $this->accounts($operation, $name)
                );
            } catch (MailboxDirectoryError $e) {
                // One site's error leaves the others' answers usable; domain() reports it.
                $this->failed[$domainId] = $e;
            }
        }
    }

    /** The domain's name in ASCII, or null when Plesk has no domain with that id. */
    private function domainName(int $domainId): ?string
    {
        try {
            $domain = pm_Domain::getByDomainId($domainId);
        } catch (pm_Exception) {
            return null;
        }

        try {
            return DomainName::normalise((string) $domain->getName());
        } catch (InvalidDomainName $e) {
            throw new MailboxDirectoryError('directory-malformed', 'cannot read the mail accounts '
                . 'of domain ' . $domainId . ': ' . $e->getMessage());
        }
    }

    /**
     * @param array<int, string> $names
     * @return list<SimpleXMLElement> the get_info elements of the answer, in request order
     */
    private function ask(array $names): array
    {
        $request = '<mail>';
        foreach (array_keys($names) as $domainId) {
            $request .= '<get_info><filter><site-id>' . $domainId . '</site-id></filter>'
                . '<mailbox/><forwarding/><aliases/></get_info>';
        }
        $request .= '</mail>';

        try {
            $answer = pm_ApiRpc::getService()->call($request);
        } catch (Throwable $e) {
            throw $this->error($names, 'the XML API call failed: ' . $e->getMessage());
        }

        if (!$answer instanceof SimpleXMLElement) {
            throw $this->error($names, 'the XML API gave no answer');
        }
        $packet = $answer->getName() === 'packet' ? $answer : null;
        $systemError = $packet?->system;
        if ($systemError !== null && $systemError->count() > 0) {
            throw $this->error($names, self::errorText($systemError));
        }

        $operations = [];
        foreach ($packet?->mail->get_info ?? [] as $operation) {
            $operations[] = $operation;
        }

        return $operations;
    }

    /** @return list<MailAccount> */
    private function accounts(SimpleXMLElement $operation, string $domain): array
    {
        $accounts = [];
        foreach ($operation->result as $result) {
            if ((string) $result->status !== 'ok') {
                throw $this->error([$domain], self::errorText($result));
            }
            // An operation on a domain without mail accounts answers one result with no mailname.
            foreach ($result->mailname as $mailname) {
                $accounts[] = $this->account($mailname, $domain);
            }
        }

        return $accounts;
    }

    private function account(SimpleXMLElement $mailname, string $domain): MailAccount
    {
        $id = (string) $mailname->id;
        $name = strtolower(trim((string) $mailname->name));
        if (preg_match('/\A[1-9][0-9]*\z/', $id) !== 1 || $name === '') {
            throw $this->error([$domain], 'a mailname without a numeric id and a name');
        }

        $aliases = [];
        foreach ($mailname->alias as $alias) {
            $aliases[] = strtolower(trim((string) $alias));
        }

        // Without a mailbox the account only forwards: Postfix rejects such an address before
        // routing, so it can never be routed.
        $kind = self::enabled($mailname->mailbox) ? AccountKind::Mailbox : AccountKind::Forwarding;

        return new MailAccount((int) $id, $name, $kind, $aliases);
    }

    private static function enabled(?SimpleXMLElement $node): bool
    {
        return $node !== null && strtolower(trim((string) $node->enabled)) === 'true';
    }

    private static function errorText(SimpleXMLElement $node): string
    {
        $code = trim((string) $node->errcode);
        $text = trim((string) $node->errtext);

        return 'the XML API answered ' . ($code === '' ? '' : 'error ' . $code . ': ')
            . ($text === '' ? 'an error without text' : $text);
    }

    /** @param array<string> $names */
    private function error(array $names, string $cause): MailboxDirectoryError
    {
        return new MailboxDirectoryError('directory-unreadable', 'cannot read the mail accounts '
            . 'of ' . implode(', ', $names) . ': ' . $cause);
    }
}
