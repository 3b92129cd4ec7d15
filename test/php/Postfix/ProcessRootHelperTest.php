<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Postfix;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Postfix\HelperResult;
use PleskExt\M365SplitDelivery\Postfix\ProcessRootHelper;
use PleskExt\M365SplitDelivery\Postfix\RootHelperError;
use PleskExt\M365SplitDelivery\Tests\Support\FakeRootHelper;
use PleskExt\M365SplitDelivery\Tests\Support\TempDir;

final class ProcessRootHelperTest extends TestCase
{
    private const MAP =
        "# map\nbob@example.com\tsmtp:[example-com.mail.protection.outlook.com]:25\n";

    private TempDir $dir;

    protected function setUp(): void
    {
        $this->dir = new TempDir();
        mkdir($this->dir->path . '/record');
    }

    protected function tearDown(): void
    {
        putenv('M365_TEST_LEAK');
        $this->dir->remove();
    }

    public function testAppliesTheMapOnStdinWithOnlyTheGivenArgumentAndEnvironment(): void
    {
        putenv('M365_TEST_LEAK=must-not-reach-the-helper');
        $helper = $this->recordingHelper(
            ['MAIL_CONFIG' => '/tmp/postfix a', 'PATH' => '/usr/bin:/bin']
        );

        $result = $helper->apply(self::MAP);

        self::assertEquals(new HelperResult(0, "applied routes=1\n", ''), $result);
        self::assertSame(self::MAP, $this->recorded('stdin'));
        self::assertSame("apply\n", $this->recorded('args'));
        $environment = $this->recorded('env');
        self::assertStringContainsString("MAIL_CONFIG=/tmp/postfix a\n", $environment);
        self::assertStringNotContainsString('M365_TEST_LEAK', $environment);
    }

    public function testAppliesAnEmptyMapAsEmptyStdin(): void
    {
        $result = $this->recordingHelper()->apply('');

        self::assertSame(0, $result->exitCode);
        self::assertSame('', $this->recorded('stdin'));
    }

    public function testPassesAMapOfManyMegabytesWhileTheHelperTalksALot(): void
    {
        $map = str_repeat(
            "user@example.com\tsmtp:[example-com.mail.protection.outlook.com]:25\n",
            100000
        );
        // Fills both output pipes before reading stdin: a client that wrote stdin first would hang.
        $path = FakeRootHelper::create($this->dir->path, <<<SH
            head -c 300000 /dev/zero | tr '\\0' o
            head -c 300000 /dev/zero | tr '\\0' e >&2
            cat > '{$this->dir->path}/record/stdin'
            echo done
            SH);

        $result = (new ProcessRootHelper($path, ['PATH' => '/usr/bin:/bin']))->apply($map);

        self::assertSame(0, $result->exitCode);
        self::assertSame(str_repeat('o', 300000) . "done\n", $result->stdout);
        self::assertSame(str_repeat('e', 300000), $result->stderr);
        self::assertSame($map, $this->recorded('stdin'));
    }

    public function testReportsAHelperThatRefusesTheMapWithoutReadingIt(): void
    {
        $path = FakeRootHelper::create(
            $this->dir->path,
            "echo 'm365-split-delivery: line 2: not a route: bob@example.com smtp:' >&2\nexit 2"
        );

        $result = (new ProcessRootHelper($path, []))->apply(str_repeat(self::MAP, 50000));

        self::assertEquals(
            new HelperResult(
                2,
                '',
                "m365-split-delivery: line 2: not a route: bob@example.com smtp:\n"
            ),
            $result
        );
        self::assertSame(
            'm365-split-delivery: line 2: not a route: bob@example.com smtp:',
            $result->message()
        );
    }

    public function testReportsAFailedApplyWithTheHelpersReason(): void
    {
        $path = FakeRootHelper::create(
            $this->dir->path,
            "cat >/dev/null\necho 'm365-split-delivery: postmap: File too large' >&2\nexit 1"
        );

        $result = (new ProcessRootHelper($path, []))->apply(self::MAP);

        self::assertFalse($result->ok());
        self::assertSame(1, $result->exitCode);
        self::assertSame('m365-split-delivery: postmap: File too large', $result->message());
    }

    public function testParsesTheStatusOfTheHelper(): void
    {
        $status = $this->recordingHelper()->status();

        self::assertSame([
            'first' => 'yes',
            'path' => '/etc/postfix/m365-split-delivery/transport',
            'type' => 'hash',
            'routes' => '2',
            'sha256' => 'abc',
            'index' => 'fresh',
        ], $status);
        self::assertSame("status\n", $this->recorded('args'));
        self::assertSame('', $this->recorded('stdin'));
    }

    public function testThrowsWithTheHelpersReasonAndExitCodeWhenStatusFails(): void
    {
        $path = FakeRootHelper::create(
            $this->dir->path,
            "echo 'm365-split-delivery: MAIL_CONFIG /tmp/x is writable by others' >&2\nexit 2"
        );

        try {
            (new ProcessRootHelper($path, []))->status();
            self::fail('status of a failing helper');
        } catch (RootHelperError $e) {
            self::assertSame(
                'the root helper ' . $path . ' failed on status (exit 2): m365-split-delivery: '
                . 'MAIL_CONFIG /tmp/x is writable by others',
                $e->getMessage()
            );
            self::assertSame('root-helper-failed', $e->errorCode());
            self::assertSame(2, $e->exitCode);
        }
    }

    public function testRemovesWithNothingOnStdin(): void
    {
        $result = $this->recordingHelper()->remove();

        self::assertEquals(new HelperResult(0, "removed\n", ''), $result);
        self::assertSame("remove\n", $this->recorded('args'));
        self::assertSame('', $this->recorded('stdin'));
    }

    public function testRefusesAHelperPathThatIsNotAnExecutableFile(): void
    {
        $path = $this->dir->write('not-executable', "#!/bin/sh\n");

        foreach ([$path, $this->dir->path, $this->dir->path . '/missing'] as $helperPath) {
            try {
                (new ProcessRootHelper($helperPath, []))->remove();
                self::fail('ran ' . $helperPath);
            } catch (RootHelperError $e) {
                self::assertSame(
                    'cannot run the root helper ' . $helperPath . ': it is not an executable file',
                    $e->getMessage()
                );
                self::assertSame('root-helper-not-run', $e->errorCode());
                self::assertNull($e->exitCode);
            }
        }
    }

    public function testSaysWhyTheHelperCouldNotBeStarted(): void
    {
        // The fault comes from outside: a process that has used up its file descriptors.
        $script = $this->dir->write('no-descriptors.php', <<<'PHP'
            <?php
            require $argv[1];
            $helper = new PleskExt\M365SplitDelivery\Postfix\ProcessRootHelper('/bin/true', []);
            class_exists(PleskExt\M365SplitDelivery\Postfix\RootHelperError::class);
            class_exists(PleskExt\M365SplitDelivery\LastPhpError::class);
            $held = [];
            while (($file = @fopen('/dev/null', 'r')) !== false) {
                $held[] = $file;
            }
            try {
                $helper->apply('x');
            } catch (PleskExt\M365SplitDelivery\Postfix\RootHelperError $e) {
                echo $e->errorCode(), ': ', $e->getMessage();
            }
            PHP);
        $autoload = __DIR__ . '/../../../plib/library/autoload.php';

        $command = 'ulimit -n 64; ' . escapeshellarg(PHP_BINARY) . ' ' . escapeshellarg($script)
            . ' ' . escapeshellarg($autoload) . ' 2>&1';

        $output = shell_exec($command);

        self::assertSame(
            'root-helper-not-run: cannot run the root helper /bin/true apply: Unable to create '
            . 'pipe Too many open files',
            $output
        );
    }

    /** @param array<string, string> $environment */
    private function recordingHelper(array $environment = []): ProcessRootHelper
    {
        $path = FakeRootHelper::recording($this->dir->path, $this->dir->path . '/record');

        return new ProcessRootHelper($path, $environment + ['PATH' => '/usr/bin:/bin']);
    }

    private function recorded(string $name): string
    {
        return (string) file_get_contents($this->dir->path . '/record/' . $name);
    }
}
