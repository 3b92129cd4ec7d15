<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Store;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Routing\InvalidAddress;
use PleskExt\M365SplitDelivery\Routing\InvalidNextHop;
use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Store\JsonStore;
use PleskExt\M365SplitDelivery\Store\StoreError;
use PleskExt\M365SplitDelivery\Tests\Support\TempDir;

final class JsonStoreTest extends TestCase
{
    private const HOST = 'example-com.mail.protection.outlook.com';
    private const WRITER = __DIR__ . '/store-writer.php';

    private TempDir $dir;
    private string $path;

    protected function setUp(): void
    {
        $this->dir = new TempDir();
        $this->path = $this->dir->path . '/store.json';
    }

    protected function tearDown(): void
    {
        $this->dir->remove();
    }

    public function testReadsTheDemoStore(): void
    {
        $store = new JsonStore(__DIR__ . '/../../../build/sandbox/demo/store.json');

        self::assertSame([1], $store->domainIdsWithMarks());
        self::assertSame(self::HOST, $store->nextHop(1));
        self::assertEquals([new Mark(12, 'bob'), new Mark(13, 'carol')], $store->marks(1));
        self::assertNull($store->nextHop(2));
        self::assertSame([], $store->marks(2));
    }

    public function testReadsAnEmptyStore(): void
    {
        $store = $this->store(['version' => 1, 'domains' => new \stdClass()]);

        self::assertSame([], $store->domainIdsWithMarks());
    }

    public function testListsOnlyDomainsThatHaveMarksInAscendingOrder(): void
    {
        $store = $this->store(['version' => 1, 'domains' => [
            '10' => ['nextHop' => self::HOST, 'marks' => [['accountId' => 1, 'localPart' => 'a']]],
            '2' => ['nextHop' => self::HOST, 'marks' => []],
            '3' => ['marks' => [['accountId' => 2, 'localPart' => 'b']]],
        ]]);

        self::assertSame([3, 10], $store->domainIdsWithMarks());
        self::assertNull($store->nextHop(3));
    }

    public function testWritesEveryChangeToTheFileInItsDocumentedForm(): void
    {
        $store = $this->store(['version' => 1, 'domains' => []]);

        $store->setNextHop(2, 'example-org.mail.protection.outlook.com');
        $store->addMark(1, new Mark(12, 'bob'));
        $store->addMark(1, new Mark(13, 'carol'));
        $store->setNextHop(1, self::HOST);

        self::assertSame(<<<'JSON'
            {
                "version": 1,
                "domains": {
                    "1": {
                        "nextHop": "example-com.mail.protection.outlook.com",
                        "marks": [
                            {
                                "accountId": 12,
                                "localPart": "bob"
                            },
                            {
                                "accountId": 13,
                                "localPart": "carol"
                            }
                        ]
                    },
                    "2": {
                        "nextHop": "example-org.mail.protection.outlook.com",
                        "marks": []
                    }
                }
            }

            JSON, file_get_contents($this->path));
        self::assertSame(['store.json', 'store.json.lock'], $this->dir->entries());
    }

    public function testWritesTheDemoStoreBackByteForByte(): void
    {
        $demo = (string) file_get_contents(__DIR__ . '/../../../build/sandbox/demo/store.json');
        file_put_contents($this->path, $demo);
        $store = new JsonStore($this->path);

        $store->addMark(1, new Mark(11, 'alice'));
        $store->removeMark(1, new Mark(11, 'alice'));

        self::assertSame($demo, file_get_contents($this->path));
    }

    public function testRemovesADomainThatHasNeitherMarksNorNextHopFromTheFile(): void
    {
        $store = $this->store(['version' => 1, 'domains' => [
            '1' => ['nextHop' => null, 'marks' => [['accountId' => 12, 'localPart' => 'bob']]],
        ]]);

        $store->removeMark(1, new Mark(12, 'bob'));

        self::assertSame(
            "{\n    \"version\": 1,\n    \"domains\": {}\n}\n",
            file_get_contents($this->path)
        );
        self::assertSame([], (new JsonStore($this->path))->domainIdsWithMarks());
    }

    public function testForgetsANextHopSetToNull(): void
    {
        $store = $this->store(
            ['version' => 1, 'domains' => ['1' => ['nextHop' => self::HOST, 'marks' => []]]]
        );

        $store->setNextHop(1, null);

        self::assertNull((new JsonStore($this->path))->nextHop(1));
    }

    public function testRewritesNothingWhenAChangeChangesNothing(): void
    {
        $store = $this->store(['version' => 1, 'domains' => [
            '1' => [
                'nextHop' => self::HOST,
                'marks' => [['accountId' => 12, 'localPart' => 'bob']],
            ],
        ]]);
        $before = (string) file_get_contents($this->path);

        $store->setNextHop(1, self::HOST);
        $store->addMark(1, new Mark(12, 'bob'));
        $store->removeMark(1, new Mark(12, 'bobby'));
        $store->removeMark(2, new Mark(12, 'bob'));

        self::assertSame($before, file_get_contents($this->path));
    }

    public function testRemovesOnlyTheMarkEqualToTheOneGiven(): void
    {
        $store = $this->store(['version' => 1, 'domains' => ['1' => [
            'nextHop' => self::HOST,
            'marks' => [
            ['accountId' => 12, 'localPart' => 'bob'],
            ['accountId' => 13, 'localPart' => 'carol'],
            ]],
        ]]);

        $store->removeMark(1, new Mark(12, 'bob'));

        self::assertEquals([new Mark(13, 'carol')], (new JsonStore($this->path))->marks(1));
    }

    public function testRefusesANextHopThatIsNotAHostInNormalForm(): void
    {
        $store = $this->store(['version' => 1, 'domains' => []]);

        $this->expectException(InvalidNextHop::class);
        $this->expectExceptionMessage(
            'next hop "0 EXAMPLE-COM.mail.protection.outlook.com." is not a Microsoft 365 host'
        );

        $store->setNextHop(1, '0 EXAMPLE-COM.mail.protection.outlook.com.');
    }

    public function testRefusesToMarkALocalPartOutsideTheGrammar(): void
    {
        $store = $this->store(['version' => 1, 'domains' => []]);

        try {
            $store->addMark(1, new Mark(12, '*'));
            self::fail('marked a wildcard');
        } catch (InvalidAddress $e) {
            self::assertSame(
                'local part "*" cannot be marked: wildcards are not routed',
                $e->getMessage()
            );
        }
        self::assertSame('{"version":1,"domains":[]}', file_get_contents($this->path));
    }

    public function testNamesTheFileWhenADirectoryTookItsPlaceBeforeAChange(): void
    {
        $store = $this->store(['version' => 1, 'domains' => []]);
        $store->domainIdsWithMarks();
        unlink($this->path);
        mkdir($this->path);

        try {
            $store->addMark(1, new Mark(12, 'bob'));
            self::fail('changed a store that is a directory');
        } catch (StoreError $e) {
            self::assertSame(
                'cannot read the routing store ' . $this->path . ': it is a directory',
                $e->getMessage()
            );
            self::assertSame('store-unreadable', $e->errorCode());
        }
        self::assertSame(['store.json', 'store.json.lock'], $this->dir->entries());
    }

    public function testCleansUpItsTempFileWhenTheWriteIsCutShort(): void
    {
        // A file size limit of one 512-byte block (sh's unit), with SIGXFSZ ignored so that the
        // write fails instead of killing the writer: the store of 9 marks does not fit.
        $this->store(['version' => 1, 'domains' => ['1' => [
            'nextHop' => null,
            'marks' => self::marks(1, 8),
        ]]]);
        $before = (string) file_get_contents($this->path);

        $run = $this->runWriters(['trap "" XFSZ; ulimit -f 1; exec "$@"'], [[1, 100, 1]]);

        self::assertSame([[1, 'cannot write the routing store ' . $this->path . ': Only 512 of '
            . '1165 bytes written, possibly out of free disk space' . "\n"]], $run);
        self::assertSame($before, file_get_contents($this->path));
        self::assertSame(['store.json', 'store.json.lock'], $this->dir->entries());
    }

    public function testTwoProcessesAddingMarksAtOnceBothLandEveryMark(): void
    {
        $this->store(['version' => 1, 'domains' => []]);

        $run = $this->runWriters(['exec "$@"', 'exec "$@"'], [[1, 1000, 150], [1, 2000, 150]]);

        self::assertSame([[0, ''], [0, '']], $run);
        self::assertEquals(
            [...self::markObjects(1000, 150), ...self::markObjects(2000, 150)],
            self::sortedById((new JsonStore($this->path))->marks(1))
        );
        self::assertSame(['store.json', 'store.json.lock'], $this->dir->entries());
    }

    public function testGivesUpAfterFiveSecondsWhenAnotherProcessHoldsTheLock(): void
    {
        $store = $this->store(['version' => 1, 'domains' => []]);
        $before = (string) file_get_contents($this->path);
        // flock locks belong to an open file: this one conflicts with the store's own.
        $held = fopen($this->path . '.lock', 'c');
        self::assertTrue(is_resource($held) && flock($held, LOCK_EX));

        $started = hrtime(true);
        try {
            $store->addMark(1, new Mark(12, 'bob'));
            self::fail('changed the store while another process held its lock');
        } catch (StoreError $e) {
            self::assertSame(
                'cannot write the routing store ' . $this->path . ': another process has held '
                . 'its lock ' . $this->path . '.lock for 5 s',
                $e->getMessage()
            );
        } finally {
            fclose($held);
        }
        self::assertGreaterThanOrEqual(5.0, (hrtime(true) - $started) / 1e9);
        self::assertSame($before, file_get_contents($this->path));
    }

    public function testKeepsItsStateUnchangedWhenAWriteFails(): void
    {
        $store = $this->store(['version' => 1, 'domains' => []]);
        $store->domainIdsWithMarks();
        $this->dir->remove();

        try {
            $store->addMark(1, new Mark(12, 'bob'));
            self::fail('wrote into a directory that is gone');
        } catch (StoreError $e) {
            self::assertSame(
                'cannot write the routing store ' . $this->path . ': cannot open its lock file '
                . $this->path . '.lock: No such file or directory',
                $e->getMessage()
            );
        } finally {
            mkdir($this->dir->path);
        }
        self::assertSame([], $store->marks(1));
    }

    public function testNamesTheFileAndTheCauseWhenItCannotBeRead(): void
    {
        $this->assertReadFails(
            'store-unreadable',
            'cannot read the routing store ' . $this->path . ': No such file or directory',
            new JsonStore($this->path)
        );
    }

    public function testNamesTheFileWhenItIsNotJson(): void
    {
        file_put_contents($this->path, "{\"version\": 1,\n");

        $this->assertReadFails(
            'store-malformed',
            'the routing store '
            . $this->path . ' is malformed: it is not valid JSON (Syntax error)',
            new JsonStore($this->path)
        );
    }

    /** @return array<string, array{0: mixed, 1: string}> */
    public function malformedDocuments(): array
    {
        $mark = ['accountId' => 12, 'localPart' => 'bob'];
        $withMark = static fn (mixed $mark): array => ['version' => 1, 'domains' => [
            '1' => ['nextHop' => self::HOST, 'marks' => [$mark]],
        ]];

        return [
            'a list' => [[1], 'it is not an object with "version": 1'],
            'version 2' => [
                ['version' => 2, 'domains' => []],
                'it is not an object with "version": 1',
            ],
            'no domains' => [
                ['version' => 1],
                'it needs "domains", an object keyed by domain id, and no more',
            ],
            'an unknown field' => [
                ['version' => 1, 'domains' => [], 'marks' => []],
                'it needs "domains", an object keyed by domain id, and no more',
            ],
            'domain key not a number' => [
                ['version' => 1, 'domains' => ['x' => []]],
                'domain key "x" is not a domain id',
            ],
            'domain key 0' => [
                ['version' => 1, 'domains' => ['0' => []]],
                'domain key "0" is not a domain id',
            ],
            'domain key with a leading zero' => [
                ['version' => 1, 'domains' => ['01' => []]],
                'domain key "01" is not a domain id',
            ],
            'domain not an object' => [
                ['version' => 1, 'domains' => ['1' => 'example.com']],
                'domain 1 is not an object with "nextHop" and "marks" only',
            ],
            'domain with an unknown field' => [
                ['version' => 1, 'domains' => ['1' => ['next_hop' => self::HOST]]],
                'domain 1 is not an object with "nextHop" and "marks" only',
            ],
            'next hop not a string' => [
                ['version' => 1, 'domains' => ['1' => ['nextHop' => 25]]],
                'domain 1, nextHop: not a string or null',
            ],
            'next hop not a Microsoft host' => [
                ['version' => 1, 'domains' => ['1' => ['nextHop' => 'mx.example.com']]],
                'domain 1, nextHop: next hop "mx.example.com" is not a Microsoft 365 host '
                . '(expected *.mail.protection.outlook.com, *.mx.microsoft, '
                . '*.mail.protection.office365.us or *.mail.protection.partner.outlook.cn)',
            ],
            'next hop empty' => [
                ['version' => 1, 'domains' => ['1' => ['nextHop' => '']]],
                'domain 1, nextHop: next hop "" is not a Microsoft 365 host (expected '
                . '*.mail.protection.outlook.com, *.mx.microsoft, *.mail.protection.office365.us '
                . 'or *.mail.protection.partner.outlook.cn)',
            ],
            'marks not a list' => [
                ['version' => 1, 'domains' => ['1' => ['marks' => ['a' => $mark]]]],
                'domain 1, marks: not a list',
            ],
            'mark not an object' => [
                $withMark('bob'),
                'domain 1, marks[0] is not an object with "accountId", "localPart" only',
            ],
            'mark with an unknown field' => [
                $withMark($mark + ['kind' => 'mailbox']),
                'domain 1, marks[0] is not an object with "accountId", "localPart" only',
            ],
            'account id a string' => [
                $withMark(['accountId' => '12'] + $mark),
                'domain 1, marks[0], accountId: not a positive integer',
            ],
            'account id 0' => [
                $withMark(['accountId' => 0] + $mark),
                'domain 1, marks[0], accountId: not a positive integer',
            ],
            'local part missing' => [
                $withMark(['accountId' => 12]),
                'domain 1, marks[0], localPart: not a string',
            ],
            'local part upper case' => [
                $withMark(['localPart' => 'Bob'] + $mark),
                'domain 1, marks[0], localPart: "Bob": the local part may only '
                . "contain a-z, 0-9 and .!$%&'*+/=?^_`{|}~- (lower case, no #)",
            ],
            'local part a wildcard' => [
                $withMark(['localPart' => '*'] + $mark),
                'domain 1, marks[0], localPart: "*": wildcards are not routed',
            ],
        ];
    }

    /** @dataProvider malformedDocuments */
    public function testNamesTheDomainAndFieldThatIsMalformed(mixed $document, string $cause): void
    {
        $this->assertReadFails(
            'store-malformed',
            'the routing store ' . $this->path . ' is malformed: ' . $cause,
            $this->store($document)
        );
    }

    /** @return list<array{accountId: int, localPart: string}> */
    private static function marks(int $firstId, int $count): array
    {
        return array_map(
            static fn (int $id): array => ['accountId' => $id, 'localPart' => 'user' . $id],
            range($firstId, $firstId + $count - 1)
        );
    }

    /** @return list<Mark> */
    private static function markObjects(int $firstId, int $count): array
    {
        return array_map(
            static fn (array $m): Mark => new Mark($m['accountId'], $m['localPart']),
            self::marks($firstId, $count)
        );
    }

    /**
     * @param list<Mark> $marks
     * @return list<Mark>
     */
    private static function sortedById(array $marks): array
    {
        usort($marks, static fn (Mark $a, Mark $b): int => $a->accountId <=> $b->accountId);

        return $marks;
    }

    /**
     * Runs one store-writer.php per entry at once, each under `sh -c SHELL_LINE`, released
     * together once all have started.
     *
     * @param list<string> $shellLines
     * @param list<array{int, int, int}> $writes domain id, first account id, count per writer
     * @return list<array{int, string}> exit code and stderr of each writer
     */
    private function runWriters(array $shellLines, array $writes): array
    {
        $go = $this->dir->path . '/go';
        $processes = [];
        $stderr = [];
        foreach ($writes as $i => [$domainId, $firstId, $count]) {
            $processes[] = proc_open(
                ['sh', '-c', $shellLines[$i], 'sh', PHP_BINARY, self::WRITER, $this->path,
                    (string) $domainId, (string) $firstId, (string) $count, $go],
                [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'],
                    2 => ['pipe', 'w']],
                $pipes
            );
            $stderr[] = $pipes[2];
        }
        touch($go);

        $results = [];
        try {
            foreach ($processes as $i => $process) {
                $text = (string) stream_get_contents($stderr[$i]);
                fclose($stderr[$i]);
                $results[] = [proc_close($process), $text];
            }
        } finally {
            unlink($go);
        }

        return $results;
    }

    private function store(mixed $document): JsonStore
    {
        file_put_contents($this->path, json_encode($document, JSON_UNESCAPED_SLASHES));

        return new JsonStore($this->path);
    }

    private function assertReadFails(string $code, string $message, JsonStore $store): void
    {
        try {
            $store->marks(1);
            self::fail('read the store');
        } catch (StoreError $e) {
            self::assertSame($message, $e->getMessage());
            self::assertSame($code, $e->errorCode());
        }
    }
}
