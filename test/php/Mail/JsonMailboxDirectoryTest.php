<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Mail;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Mail\AccountKind;
use PleskExt\M365SplitDelivery\Mail\JsonMailboxDirectory;
use PleskExt\M365SplitDelivery\Mail\MailAccount;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectoryError;
use PleskExt\M365SplitDelivery\Mail\MailDomain;
use PleskExt\M365SplitDelivery\Mail\UnknownDomain;
use PleskExt\M365SplitDelivery\Tests\Support\TempDir;

final class JsonMailboxDirectoryTest extends TestCase
{
    private TempDir $dir;

    protected function setUp(): void
    {
        $this->dir = new TempDir();
    }

    protected function tearDown(): void
    {
        $this->dir->remove();
    }

    public function testReadsTheDemoAccounts(): void
    {
        $directory = new JsonMailboxDirectory(
            __DIR__ . '/../../../build/sandbox/demo/accounts.json'
        );

        self::assertEquals(new MailDomain(1, 'example.com', [
            new MailAccount(11, 'alice', AccountKind::Mailbox, []),
            new MailAccount(12, 'bob', AccountKind::Mailbox, ['sales']),
            new MailAccount(13, 'carol', AccountKind::Mailbox, []),
            new MailAccount(14, 'info', AccountKind::Forwarding, []),
        ]), $directory->domain(1));
        self::assertEquals(
            new MailDomain(
                2,
                'example.org',
                [new MailAccount(21, 'dave', AccountKind::Mailbox, [])]
            ),
            $directory->domain(2)
        );
    }

    public function testNormalisesDomainNamesToAsciiAndLocalPartsToLowerCase(): void
    {
        $directory = $this->directory(['domains' => [[
            'id' => 5,
            'name' => 'Müller.Example',
            'accounts' => [
                ['id' => 51, 'name' => 'Bob', 'kind' => 'mailbox', 'aliases' => ['Sales']],
            ],
        ]]]);

        self::assertEquals(
            new MailDomain(5, 'xn--mller-kva.example', [
                new MailAccount(51, 'bob', AccountKind::Mailbox, ['sales']),
            ]),
            $directory->domain(5)
        );
    }

    public function testReadsTheFileOnlyOnce(): void
    {
        $directory = $this->directory(
            ['domains' => [['id' => 1, 'name' => 'example.com', 'accounts' => []]]]
        );
        $directory->domain(1);
        unlink($this->dir->path . '/accounts.json');

        self::assertSame('example.com', $directory->domain(1)->name);
    }

    public function testSaysWhichDomainIsUnknown(): void
    {
        $directory = $this->directory(['domains' => []]);

        try {
            $directory->domain(3);
            self::fail('found an unknown domain');
        } catch (UnknownDomain $e) {
            self::assertSame(
                'domain 3 is not in the mail accounts file ' . $this->dir->path . '/accounts.json',
                $e->getMessage()
            );
            self::assertSame('unknown-domain', $e->errorCode());
            self::assertSame(3, $e->domainId);
        }
    }

    public function testNamesTheFileAndTheCauseWhenItCannotBeRead(): void
    {
        $this->assertFails(
            'directory-unreadable',
            'cannot read the mail accounts file '
            . $this->dir->path . '/missing.json: No such file or directory',
            new JsonMailboxDirectory($this->dir->path . '/missing.json')
        );
    }

    public function testRefusesADirectoryInPlaceOfTheFile(): void
    {
        $this->assertFails(
            'directory-unreadable',
            'cannot read the mail accounts file ' . $this->dir->path . ': it is a directory',
            new JsonMailboxDirectory($this->dir->path)
        );
    }

    public function testNamesTheFileWhenItIsNotJson(): void
    {
        $path = $this->dir->write('accounts.json', '{"domains": [');

        $this->assertFails(
            'directory-malformed',
            'the mail accounts file '
            . $path . ' is malformed: it is not valid JSON (Syntax error)',
            new JsonMailboxDirectory($path)
        );
    }

    /** @return array<string, array{0: mixed, 1: string}> */
    public function malformedDocuments(): array
    {
        $domain = ['id' => 1, 'name' => 'example.com', 'accounts' => []];
        $account = ['id' => 11, 'name' => 'alice', 'kind' => 'mailbox', 'aliases' => []];
        $withAccount = static fn (array $changes): array => ['domains' => [
            ['accounts' => [array_merge($account, $changes)]] + $domain,
        ]];

        return [
            'not an object' => ['x', 'it has no "domains" list'],
            'no domains' => [['domain' => []], 'it has no "domains" list'],
            'domains as an object' => [['domains' => ['a' => $domain]], 'it has no "domains" list'],
            'domain not an object' => [['domains' => [3]], 'domains[0] is not an object'],
            'id of 0' => [
                ['domains' => [['id' => 0] + $domain]],
                'domains[0].id is not a positive integer',
            ],
            'id as a string' => [
                ['domains' => [['id' => '1'] + $domain]],
                'domains[0].id is not a positive integer',
            ],
            'no name' => [
                ['domains' => [['name' => null] + $domain]],
                'domains[0].name is not a string',
            ],
            'bad name' => [
                ['domains' => [['name' => 'example'] + $domain]],
                'domains[0].name: domain "example" is not valid: the domain needs two labels or '
                . 'more (a bare host name is not routed)',
            ],
            'accounts missing' => [
                ['domains' => [['id' => 1, 'name' => 'example.com']]],
                'domains[0].accounts is not a list',
            ],
            'same id twice' => [['domains' => [$domain, $domain]], 'domains[1].id 1 is used twice'],
            'account not an object' => [
                ['domains' => [['accounts' => ['alice']] + $domain]],
                'domains[0].accounts[0] is not an object',
            ],
            'account id missing' => [
                $withAccount(['id' => null]),
                'domains[0].accounts[0].id is not a positive integer',
            ],
            'empty name' => [
                $withAccount(['name' => '']),
                'domains[0].accounts[0].name is not a non-empty string',
            ],
            'unknown kind' => [
                $withAccount(['kind' => 'alias']),
                'domains[0].accounts[0].kind is not "mailbox" or "forwarding" but "alias"',
            ],
            'kind missing' => [
                $withAccount(['kind' => null]),
                'domains[0].accounts[0].kind is not "mailbox" or "forwarding" but null',
            ],
            'aliases not strings' => [
                $withAccount(['aliases' => ['sales', 3]]),
                'domains[0].accounts[0].aliases is not a list of local parts',
            ],
            'aliases as an object' => [
                $withAccount(['aliases' => ['a' => 'sales']]),
                'domains[0].accounts[0].aliases is not a list of local parts',
            ],
        ];
    }

    /** @dataProvider malformedDocuments */
    public function testNamesTheFieldThatIsMalformed(mixed $document, string $cause): void
    {
        $this->assertFails(
            'directory-malformed',
            'the mail accounts file ' . $this->dir->path . '/accounts.json is malformed: ' . $cause,
            $this->directory($document)
        );
    }

    private function directory(mixed $document): JsonMailboxDirectory
    {
        return new JsonMailboxDirectory(
            $this->dir->write('accounts.json', (string) json_encode($document))
        );
    }

    private function assertFails(
        string $code,
        string $message,
        JsonMailboxDirectory $directory
    ): void {
        try {
            $directory->domain(1);
            self::fail('read the accounts');
        } catch (MailboxDirectoryError $e) {
            self::assertSame($message, $e->getMessage());
            self::assertSame($code, $e->errorCode());
        }
    }
}
