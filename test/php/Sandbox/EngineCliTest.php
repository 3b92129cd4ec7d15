<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Sandbox;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Routing\TransportMapRenderer;
use PleskExt\M365SplitDelivery\Tests\Support\FakeRootHelper;
use PleskExt\M365SplitDelivery\Tests\Support\TempDir;

/** build/sandbox/engine.php, run as `npm start` and the system tests run it, on a fake helper. */
final class EngineCliTest extends TestCase
{
    private const ENGINE = __DIR__ . '/../../../build/sandbox/engine.php';
    private const DEMO = __DIR__ . '/../../../build/sandbox/demo';
    private const HOP = "\tsmtp:[example-com.mail.protection.outlook.com]:25\n";
    private const USAGE = "usage: php build/sandbox/engine.php [--data DIR] [--helper PATH] "
        . "plan|apply|status|remove\n";

    private TempDir $dir;
    private string $data;
    private string $record;

    protected function setUp(): void
    {
        $this->dir = new TempDir();
        $this->data = $this->dir->path . '/data';
        $this->record = $this->dir->path . '/record';
        mkdir($this->data);
        mkdir($this->record);
        copy(self::DEMO . '/accounts.json', $this->data . '/accounts.json');
        copy(self::DEMO . '/store.json', $this->data . '/store.json');
    }

    protected function tearDown(): void
    {
        $this->dir->remove();
    }

    public function testPlansTheDemoDataByDefault(): void
    {
        self::assertSame(
            [
                0,
                TransportMapRenderer::HEADER . 'bob@example.com' . self::HOP
                . 'carol@example.com' . self::HOP,
                '',
            ],
            $this->engine(['plan'])
        );
    }

    public function testPrintsEachWarningOfThePlanOnStderrAndChangesNothing(): void
    {
        $this->writeStore([
            '1' => ['nextHop' => 'example-com.mail.protection.outlook.com', 'marks' => [
                ['accountId' => 12, 'localPart' => 'bob'],
                ['accountId' => 98, 'localPart' => 'sales'],
                ['accountId' => 14, 'localPart' => 'info'],
                ['accountId' => 77, 'localPart' => 'zoe'],
            ]],
            '2' => ['nextHop' => null, 'marks' => [['accountId' => 21, 'localPart' => 'dave']]],
        ]);
        $before = file_get_contents($this->data . '/store.json');

        [$code, $stdout, $stderr] = $this->engine(['--data', $this->data, 'plan']);

        self::assertSame(0, $code);
        self::assertSame(TransportMapRenderer::HEADER . 'bob@example.com' . self::HOP, $stdout);
        self::assertSame(
            'warning: sales@example.com is an alias of bob@example.com: aliases are rewritten '
            . 'before '
            . "routing; route bob@example.com instead\n"
            . 'warning: info@example.com has no mailbox (it only forwards): an address without a '
            . "mailbox is rejected before routing, so it is not routed\n"
            . 'warning: example.org has 1 marked mailbox but no next hop: enter the MX value shown '
            . "for it in the Microsoft 365 admin center\n"
            . 'warning: zoe@example.com (account 77) no longer exists in example.com: '
            . "apply drops its mark\n",
            $stderr
        );
        self::assertSame($before, file_get_contents($this->data . '/store.json'));
    }

    public function testAppliesThePlannedMapThroughTheHelperAndPrintsBoth(): void
    {
        $helper = FakeRootHelper::recording($this->dir->path, $this->record);
        $map = TransportMapRenderer::HEADER
            . 'bob@example.com' . self::HOP . 'carol@example.com' . self::HOP;

        $result = $this->engine(
            ['--data', $this->data, '--helper', $helper, 'apply'],
            '/etc/postfix-test'
        );

        self::assertSame([0, $map . "applied routes=2\n", ''], $result);
        self::assertSame($map, file_get_contents($this->record . '/stdin'));
        self::assertSame("apply\n", file_get_contents($this->record . '/args'));
        // A clean environment, as callSbin gives: MAIL_CONFIG and a fixed PATH (sh adds PWD).
        self::assertStringStartsWith(
            "MAIL_CONFIG=/etc/postfix-test\nPATH=/usr/sbin:/usr/bin:/sbin:/bin\nPWD=",
            (string) file_get_contents($this->record . '/env')
        );
    }

    public function testPassesNoMailConfigWhenItIsUnset(): void
    {
        $helper = FakeRootHelper::recording($this->dir->path, $this->record);

        $this->engine(['--data', $this->data, '--helper', $helper, 'apply']);

        self::assertStringNotContainsString(
            'MAIL_CONFIG',
            (string) file_get_contents($this->record . '/env')
        );
    }

    public function testDropsGoneMarksFromTheStoreSayingSoBeforeApplying(): void
    {
        $this->writeStore(['1' => [
            'nextHop' => 'example-com.mail.protection.outlook.com',
            'marks' => [
                ['accountId' => 12, 'localPart' => 'bob'],
                ['accountId' => 77, 'localPart' => 'zoe'],
            ],
        ]]);
        $helper = FakeRootHelper::recording($this->dir->path, $this->record);

        [$code, $stdout, $stderr] = $this->engine(
            ['--data', $this->data, '--helper', $helper, 'apply']
        );

        self::assertSame(0, $code);
        self::assertSame(
            TransportMapRenderer::HEADER . 'bob@example.com' . self::HOP . "applied routes=1\n",
            $stdout
        );
        self::assertSame(
            "dropped the mark of zoe@example.com (account 77) no longer exists in example.com\n",
            $stderr
        );
        self::assertSame(
            ['1' => ['nextHop' => 'example-com.mail.protection.outlook.com', 'marks' => [
                ['accountId' => 12, 'localPart' => 'bob'],
            ]]],
            json_decode((string) file_get_contents($this->data . '/store.json'), true)['domains']
        );
    }

    public function testApplyFollowsARenameAndARestoreInTheStoreAsThePanelsRebuildDoes(): void
    {
        // bobby@ was renamed to bob@ (same id); carol@ came back from a restore with a new id.
        $this->writeStore(['1' => [
            'nextHop' => 'example-com.mail.protection.outlook.com',
            'marks' => [
                ['accountId' => 12, 'localPart' => 'bobby'],
                ['accountId' => 99, 'localPart' => 'carol'],
            ],
        ]]);
        $helper = FakeRootHelper::recording($this->dir->path, $this->record);

        $result = $this->engine(['--data', $this->data, '--helper', $helper, 'apply']);

        self::assertSame([
            0,
            TransportMapRenderer::HEADER . 'bob@example.com' . self::HOP
            . 'carol@example.com' . self::HOP . "applied routes=2\n",
            "the mark of bobby@example.com follows its rename to bob@example.com\n"
            . "the mark of carol@example.com follows its new account id 13 (was 99, e.g. after a "
            . "restore)\n",
        ], $result);
        self::assertSame(
            [
                ['accountId' => 12, 'localPart' => 'bob'],
                ['accountId' => 13, 'localPart' => 'carol'],
            ],
            $this->storedMarks(1)
        );
    }

    public function testPlanSaysWhatApplyWouldFollowAndChangesNothing(): void
    {
        $this->writeStore(['1' => [
            'nextHop' => 'example-com.mail.protection.outlook.com',
            'marks' => [['accountId' => 12, 'localPart' => 'bobby']],
        ]]);
        $before = file_get_contents($this->data . '/store.json');

        $result = $this->engine(['--data', $this->data, 'plan']);

        self::assertSame([
            0,
            TransportMapRenderer::HEADER . 'bob@example.com' . self::HOP,
            "note: the mark of bobby@example.com follows its rename to bob@example.com: apply "
            . "updates it\n",
        ], $result);
        self::assertSame($before, file_get_contents($this->data . '/store.json'));
    }

    public function testARenamedMailboxStaysRoutedWhenARestoreLaterChangesItsId(): void
    {
        $this->writeStore(['1' => [
            'nextHop' => 'example-com.mail.protection.outlook.com',
            'marks' => [['accountId' => 12, 'localPart' => 'bobby']],
        ]]);
        $helper = FakeRootHelper::recording($this->dir->path, $this->record);
        $this->engine(['--data', $this->data, '--helper', $helper, 'apply']);
        $accounts = json_decode((string) file_get_contents($this->data . '/accounts.json'), true);
        $accounts['domains'][0]['accounts'][1]['id'] = 52;
        file_put_contents($this->data . '/accounts.json', json_encode($accounts));

        $result = $this->engine(['--data', $this->data, '--helper', $helper, 'apply']);

        self::assertSame([
            0,
            TransportMapRenderer::HEADER . 'bob@example.com' . self::HOP . "applied routes=1\n",
            "the mark of bob@example.com follows its new account id 52 (was 12, e.g. after a "
            . "restore)\n",
        ], $result);
        self::assertSame([['accountId' => 52, 'localPart' => 'bob']], $this->storedMarks(1));
    }

    public function testExitsWithTheHelpersCodeAndReasonAndNoMapWhenApplyFails(): void
    {
        $helper = FakeRootHelper::create(
            $this->dir->path,
            "cat >/dev/null\necho 'm365-split-delivery: postmap: File too large' >&2\nexit 1"
        );

        $result = $this->engine(['--data', $this->data, '--helper', $helper, 'apply']);

        self::assertSame([1, '', "m365-split-delivery: postmap: File too large\n"], $result);
    }

    public function testPassesTheHelpersWarningOnAfterASuccessfulApply(): void
    {
        $helper = FakeRootHelper::create(
            $this->dir->path,
            "cat >/dev/null\necho 'applied routes=2'\n"
            . "echo 'm365-split-delivery: warning: postfix reload failed' >&2"
        );

        [$code, $stdout, $stderr] = $this->engine(
            ['--data', $this->data, '--helper', $helper, 'apply']
        );

        self::assertSame(0, $code);
        self::assertStringEndsWith("carol@example.com" . self::HOP . "applied routes=2\n", $stdout);
        self::assertSame("m365-split-delivery: warning: postfix reload failed\n", $stderr);
    }

    public function testPrintsTheHelpersStatusLines(): void
    {
        $helper = FakeRootHelper::recording($this->dir->path, $this->record);

        self::assertSame([0, "first=yes\npath=/etc/postfix/m365-split-delivery/transport\n"
            . "type=hash\n"
            . "routes=2\nsha256=abc\nindex=fresh\n", ''], $this->engine([
                '--helper',
                $helper,
                'status',
            ]));
    }

    public function testExitsWithTheHelpersCodeWhenStatusFails(): void
    {
        $helper = FakeRootHelper::create(
            $this->dir->path,
            "echo 'm365-split-delivery: no main.cf' >&2\nexit 2"
        );

        self::assertSame(
            [
                2,
                '',
                'error: the root helper ' . $helper
                . " failed on status (exit 2): m365-split-delivery: no main.cf\n",
            ],
            $this->engine(['--helper', $helper, 'status'])
        );
    }

    public function testRemovesThroughTheHelper(): void
    {
        $helper = FakeRootHelper::recording($this->dir->path, $this->record);

        self::assertSame([0, "removed\n", ''], $this->engine(['--helper', $helper, 'remove']));
        self::assertSame("remove\n", file_get_contents($this->record . '/args'));
    }

    public function testExitsOneWhenTheHelperCannotBeRun(): void
    {
        $missing = $this->dir->path . '/missing-helper';

        self::assertSame(
            [
                1,
                '',
                'error: cannot run the root helper ' . $missing
                . ": it is not an executable file\n",
            ],
            $this->engine(['--helper', $missing, 'remove'])
        );
    }

    public function testRefusesBadDataWithOneLineAndCallsNoHelper(): void
    {
        file_put_contents($this->data . '/accounts.json', '{"domains": 3}');
        $helper = FakeRootHelper::recording($this->dir->path, $this->record);

        $result = $this->engine(['--data', $this->data, '--helper', $helper, 'apply']);

        self::assertSame([2, '', 'error: the mail accounts file ' . $this->data
            . "/accounts.json is malformed: it has no \"domains\" list\n"], $result);
        self::assertFileDoesNotExist($this->record . '/args');
    }

    public function testRefusesAMissingDataDirectory(): void
    {
        self::assertSame(
            [
                2,
                '',
                'error: cannot read the routing store /nonexistent/store.json: No such file or '
                . 'directory' . "\n",
            ],
            $this->engine(['--data', '/nonexistent', 'plan'])
        );
    }

    /** @return array<string, array{0: list<string>, 1: string}> */
    public function badUsage(): array
    {
        return [
            'no command' => [[], 'no command given'],
            'only options' => [['--data', '/tmp'], 'no command given'],
            'unknown command' => [['routes'], 'unexpected argument "routes"'],
            'two commands' => [['plan', 'apply'], 'unexpected argument "apply"'],
            'unknown option' => [
                ['--config', '/etc/postfix', 'plan'],
                'unexpected argument "--config"',
            ],
            'data without a value' => [['plan', '--data'], '--data needs a value'],
            'helper with an empty value' => [['--helper', '', 'plan'], '--helper needs a value'],
        ];
    }

    /**
     * @dataProvider badUsage
     * @param list<string> $arguments
     */
    public function testExitsTwoWithTheUsageOnBadUsage(array $arguments, string $problem): void
    {
        self::assertSame(
            [2, '', 'engine: ' . $problem . "\n" . self::USAGE],
            $this->engine($arguments)
        );
    }

    /** @param array<string, mixed> $domains */
    private function writeStore(array $domains): void
    {
        file_put_contents(
            $this->data . '/store.json',
            json_encode(['version' => 1, 'domains' => $domains])
        );
    }

    /** @return list<array{accountId: int, localPart: string}> */
    private function storedMarks(int $domainId): array
    {
        $document = json_decode((string) file_get_contents($this->data . '/store.json'), true);

        return $document['domains'][(string) $domainId]['marks'];
    }

    /**
     * Runs the engine CLI with a clean environment, as the npm scripts and the system tests do.
     *
     * @param list<string> $arguments
     * @return array{0: int, 1: string, 2: string} exit code, stdout, stderr
     */
    private function engine(array $arguments, ?string $mailConfig = null): array
    {
        $environment = ['PATH' => (string) getenv('PATH')];
        if ($mailConfig !== null) {
            $environment['MAIL_CONFIG'] = $mailConfig;
        }
        $process = proc_open(
            [PHP_BINARY, self::ENGINE, ...$arguments],
            [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']],
            $pipes,
            null,
            $environment
        );
        self::assertIsResource($process);
        $stdout = (string) stream_get_contents($pipes[1]);
        $stderr = (string) stream_get_contents($pipes[2]);

        return [proc_close($process), $stdout, $stderr];
    }
}
