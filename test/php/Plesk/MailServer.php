<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Plesk;

/**
 * Plesk's mail accounts behind the XML API double: answers `mail` `get_info` packets the way
 * Plesk's XML API reference shows (one <get_info> per operation, one <result> per mailname with
 * <status>ok</status>, <id>, <name>, <mailbox><enabled>, <forwarding>, <alias>), and an error
 * result for a site it is told to fail.
 */
final class MailServer
{
    /** @var array<int, array<int, array{name: string, mailbox: bool, aliases: list<string>}>> */
    public array $sites = [];

    /** @var array<int, array{0: int, 1: string}> site id → errcode, errtext */
    public array $failing = [];

    /** @param list<string> $aliases */
    public function add(
        int $siteId,
        int $id,
        string $name,
        bool $mailbox = true,
        array $aliases = []
    ): void {
        $this->sites[$siteId][$id] = [
            'name' => $name,
            'mailbox' => $mailbox,
            'aliases' => $aliases,
        ];
    }

    public function delete(int $siteId, int $id): void
    {
        unset($this->sites[$siteId][$id]);
    }

    public function answer(string $request): string
    {
        preg_match_all('~<get_info><filter><site-id>([0-9]+)</site-id></filter>~', $request, $ids);

        $operations = '';
        foreach ($ids[1] as $siteId) {
            $operations .= '<get_info>' . $this->results((int) $siteId) . '</get_info>';
        }

        return '<?xml version="1.0" encoding="UTF-8"?>' . "\n"
            . '<packet version="1.6.9.1"><mail>' . $operations . '</mail></packet>';
    }

    private function results(int $siteId): string
    {
        if (isset($this->failing[$siteId])) {
            [$code, $text] = $this->failing[$siteId];
            return '<result><status>error</status><errcode>' . $code . '</errcode><errtext>'
                . htmlspecialchars($text) . '</errtext></result>';
        }

        $results = '';
        foreach ($this->sites[$siteId] ?? [] as $id => $account) {
            $aliases = '';
            foreach ($account['aliases'] as $alias) {
                $aliases .= '<alias>' . $alias . '</alias>';
            }
            $forwarding = $account['mailbox']
                ? '<forwarding><enabled>false</enabled></forwarding>'
                : '<forwarding><enabled>true</enabled><address>someone@example.net</address>'
                    . '</forwarding>';
            $results .= '<result><status>ok</status><mailname><id>' . $id . '</id><name>'
                . $account['name'] . '</name><mailbox><enabled>'
                . ($account['mailbox'] ? 'true' : 'false') . '</enabled><quota>-1</quota>'
                . '</mailbox>' . $forwarding . $aliases . '<password/><antivir>off</antivir>'
                . '</mailname></result>';
        }

        return $results === '' ? '<result><status>ok</status></result>' : $results;
    }
}
