<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Plesk\Panel;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Plesk\Panel\SystemServerInfo;
use PleskExt\M365SplitDelivery\Tests\Support\TempDir;

/**
 * The server's name for the Microsoft-side checklist: Postfix's myhostname, read by running a
 * fake postconf of the test's own, and the system's host name when that fails.
 */
final class SystemServerInfoTest extends TestCase
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

    public function testAsksPostfixForMyhostnameWithItsVariablesExpanded(): void
    {
        self::assertSame(
            ['/usr/sbin/postconf', '-x', '-h', 'myhostname'],
            SystemServerInfo::POSTCONF_MYHOSTNAME
        );
    }

    public function testTheNameIsPostfixsMyhostname(): void
    {
        $postconf = $this->fakePostconf('printf "%s\n" "mail.example.net"');

        self::assertSame('mail.example.net', $this->serverWith([$postconf])->hostname());
    }

    public function testTheCommandGetsItsArgumentsAsGivenWithNoShellBetween(): void
    {
        // A command line joined for a shell would split the third argument in two.
        $postconf = $this->fakePostconf('[ "$#" = 3 ] && [ "$1" = -x ] && [ "$3" = "my host" ] '
            . '|| exit 1; echo mail.example.net');

        self::assertSame(
            'mail.example.net',
            $this->serverWith([$postconf, '-x', '-h', 'my host'])->hostname()
        );
    }

    public function testThePanelsMailConfigDoesNotRedirectPostconf(): void
    {
        $postconf = $this->fakePostconf('printf "%s\n" "${MAIL_CONFIG:-unset}.example.net"');
        putenv('MAIL_CONFIG=/tmp/elsewhere');
        try {
            $hostname = $this->serverWith([$postconf])->hostname();
        } finally {
            putenv('MAIL_CONFIG');
        }

        self::assertSame('unset.example.net', $hostname);
    }

    /** @return iterable<string, array{string}> */
    public static function failingPostconfs(): iterable
    {
        yield 'no main.cf' => ['echo "postconf: fatal: open /etc/postfix/main.cf: No such file or '
            . 'directory" >&2; exit 1'];
        yield 'a name, but a non-zero exit' => ['echo mail.example.net; exit 1'];
        yield 'prints nothing' => ['exit 0'];
        yield 'prints only blanks' => ['printf "  \n"'];
        yield 'an unexpanded variable' => ['printf "%s\n" "mail.\$mydomain"'];
        yield 'two lines' => ['printf "mail.example.net\nother.example.net\n"'];
    }

    /** @dataProvider failingPostconfs */
    public function testFallsBackToTheSystemsHostNameWhenPostconfGivesNoName(string $body): void
    {
        $postconf = $this->fakePostconf($body);

        self::assertSame(gethostname(), $this->serverWith([$postconf])->hostname());
    }

    public function testFallsBackToTheSystemsHostNameWhenThereIsNoPostconf(): void
    {
        $missing = $this->dir->path . '/no-such-postconf';

        self::assertSame(gethostname(), $this->serverWith([$missing, '-h'])->hostname());
    }

    public function testAFixedNameWinsWithoutRunningPostconf(): void
    {
        $ran = $this->dir->path . '/ran';
        $postconf = $this->fakePostconf(
            'touch ' . escapeshellarg($ran) . '; echo mail.example.net'
        );

        $server = new SystemServerInfo('plesk.example.net', static fn (): array => [], [$postconf]);

        self::assertSame('plesk.example.net', $server->hostname());
        self::assertFileDoesNotExist($ran);
    }

    /** @param list<string> $command */
    private function serverWith(array $command): SystemServerInfo
    {
        return new SystemServerInfo(null, static fn (): array => [], $command);
    }

    /** An executable sh script standing in for postconf; returns its path. */
    private function fakePostconf(string $body): string
    {
        $file = $this->dir->write('postconf', "#!/bin/sh\n" . $body . "\n");
        chmod($file, 0700);

        return $file;
    }
}
