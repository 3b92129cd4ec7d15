<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Mail;

use PleskExt\M365SplitDelivery\JsonFile;
use PleskExt\M365SplitDelivery\JsonFileError;
use PleskExt\M365SplitDelivery\Routing\DomainName;
use PleskExt\M365SplitDelivery\Routing\InvalidDomainName;

/**
 * The mail accounts of the sandbox, a stand-in for Plesk's, from a JSON file (schema in
 * build/sandbox/README-data.md). The whole file is checked on first use and read only once.
 */
final class JsonMailboxDirectory implements MailboxDirectory
{
    /** @var array<int, MailDomain>|null */
    private ?array $domains = null;

    public function __construct(private readonly string $path)
    {
    }

    public function domain(int $domainId): MailDomain
    {
        $this->domains ??= $this->read();

        return $this->domains[$domainId]
            ?? throw new UnknownDomain($domainId, 'the mail accounts file ' . $this->path);
    }

    /** @return array<int, MailDomain> */
    private function read(): array
    {
        try {
            $document = JsonFile::read($this->path);
        } catch (JsonFileError $e) {
            throw $e->kind === 'unreadable'
                ? new MailboxDirectoryError(
                    'directory-unreadable',
                    'cannot read the mail accounts file ' . $this->path . ': ' . $e->cause
                )
                : $this->malformed($e->cause);
        }

        $domains = is_array($document) ? ($document['domains'] ?? null) : null;
        unset($document);
        if (!is_array($domains) || !array_is_list($domains)) {
            throw $this->malformed('it has no "domains" list');
        }

        // Each decoded entry is freed once parsed: with 100,000 accounts, holding both the
        // decoded arrays and the objects would double the peak memory.
        $byId = [];
        foreach (array_keys($domains) as $index) {
            $parsed = $this->parseDomain($domains[$index], 'domains[' . $index . ']');
            unset($domains[$index]);
            if (isset($byId[$parsed->id])) {
                throw $this->malformed("domains[$index].id {$parsed->id} is used twice");
            }
            $byId[$parsed->id] = $parsed;
        }

        return $byId;
    }

    private function parseDomain(mixed &$domain, string $where): MailDomain
    {
        if (!is_array($domain)) {
            throw $this->malformed($where . ' is not an object');
        }
        $id = $this->positiveInt($domain, 'id', $where);
        if (!is_string($domain['name'] ?? null)) {
            throw $this->malformed($where . '.name is not a string');
        }
        try {
            $name = DomainName::normalise($domain['name']);
        } catch (InvalidDomainName $e) {
            throw $this->malformed($where . '.name: ' . $e->getMessage());
        }
        if (!is_array($domain['accounts'] ?? null) || !array_is_list($domain['accounts'])) {
            throw $this->malformed($where . '.accounts is not a list');
        }

        $accounts = [];
        foreach (array_keys($domain['accounts']) as $index) {
            $accountWhere = $where . '.accounts[' . $index . ']';
            $accounts[] = $this->parseAccount($domain['accounts'][$index], $accountWhere);
            unset($domain['accounts'][$index]);
        }

        return new MailDomain($id, $name, $accounts);
    }

    private function parseAccount(mixed $account, string $where): MailAccount
    {
        if (!is_array($account)) {
            throw $this->malformed($where . ' is not an object');
        }
        $id = $this->positiveInt($account, 'id', $where);
        if (!is_string($account['name'] ?? null) || $account['name'] === '') {
            throw $this->malformed($where . '.name is not a non-empty string');
        }
        $kind = AccountKind::tryFrom(is_string($account['kind'] ?? null) ? $account['kind'] : '');
        if ($kind === null) {
            throw $this->malformed(
                $where . '.kind is not "mailbox" or "forwarding" but '
                . (string) json_encode($account['kind'] ?? null)
            );
        }
        $aliases = $account['aliases'] ?? null;
        if (!is_array($aliases) || !array_is_list($aliases) || !self::allStrings($aliases)) {
            throw $this->malformed($where . '.aliases is not a list of local parts');
        }

        // Plesk keeps local parts in lower case; the sandbox file may be typed by hand.
        return new MailAccount(
            $id,
            strtolower($account['name']),
            $kind,
            array_map('strtolower', $aliases)
        );
    }

    /** @param array<mixed> $object */
    private function positiveInt(array $object, string $field, string $where): int
    {
        $value = $object[$field] ?? null;
        if (!is_int($value) || $value < 1) {
            throw $this->malformed($where . '.' . $field . ' is not a positive integer');
        }

        return $value;
    }

    /**
     * @param list<mixed> $values
     * @phpstan-assert-if-true list<string> $values
     */
    private static function allStrings(array $values): bool
    {
        return count(array_filter($values, 'is_string')) === count($values);
    }

    private function malformed(string $cause): MailboxDirectoryError
    {
        return new MailboxDirectoryError(
            'directory-malformed',
            'the mail accounts file ' . $this->path . ' is malformed: ' . $cause
        );
    }
}
