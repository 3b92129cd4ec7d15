<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Plesk;

use Modules_M365SplitDelivery_ApiCli;
use pm_ApiCli;
use pm_Domain;
use PleskExt\M365SplitDelivery\Cli\AdminCommands;
use PleskExt\M365SplitDelivery\Plesk\DomainSettingsStore;
use PleskExt\M365SplitDelivery\Plesk\Extension;
use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Routing\TransportMapRenderer;
use PleskExt\M365SplitDelivery\Tests\Sync\RecordingRootHelper;

/**
 * `plesk ext m365-split-delivery …` through the hook and AdminCommands, on the doubles of
 * Plesk's API: example.com has alice, bob (alias sales) and carol, info@ only forwards.
 */
final class CliTest extends PleskTestCase
{
    private const HOP = 'example-com.mail.protection.outlook.com';
    private const LINE = "\tsmtp:[example-com.mail.protection.outlook.com]:25\n";
    private const BOB_JSON = '{"domains":[{"id":1,"name":"example.com","nextHop":"' . self::HOP
        . '","state":"in-sync","addresses":[{"address":"bob@example.com","routed":true}]}]}'
        . "\n";

    private RecordingRootHelper $helper;

    protected function setUp(): void
    {
        parent::setUp();
        pm_Domain::add(1, 'example.com');
        pm_Domain::add(2, 'xn--mller-kva.example', 'müller.example');
        $this->mail->add(1, 11, 'alice');
        $this->mail->add(1, 12, 'bob', true, ['sales']);
        $this->mail->add(1, 13, 'carol');
        $this->mail->add(1, 14, 'info', false);
        $this->mail->add(2, 21, 'dave');
        $this->helper = new RecordingRootHelper();
        pm_ApiCli::$sbin = new SbinHelper($this->helper);
        (new DomainSettingsStore())->setNextHop(1, self::HOP);
    }

    /**
     * @param list<string> $arguments
     * @return array{0: int, 1: string, 2: string} exit code, stdout, stderr
     */
    private function cli(string $command, array $arguments): array
    {
        $result = Extension::adminCommands()->run($command, $arguments);

        return [$result->exitCode, $result->stdout, $result->stderr];
    }

    public function testRoutesMailboxesAndAppliesOnce(): void
    {
        self::assertSame([0, "bob@example.com: hosted at Microsoft\n"
            . "carol@example.com: hosted at Microsoft\napplied 2 routes\n", ''], $this->cli(
                'route',
                ['Bob@Example.COM', ' carol@example.com']
            ));

        self::assertSame([TransportMapRenderer::HEADER . 'bob@example.com' . self::LINE
            . 'carol@example.com' . self::LINE], $this->helper->applies);
        self::assertEquals(
            [new Mark(12, 'bob'), new Mark(13, 'carol')],
            (new DomainSettingsStore())->marks(1)
        );
    }

    public function testRefusesAnAliasAForwardingAndAnUnknownAddressEachWithItsReasonC1(): void
    {
        [$code, $stdout, $stderr] = $this->cli('route', [
            'sales@example.com', 'info@example.com', 'zoe@example.com', 'bob@example.net', 'bob',
            'bob@example.com',
        ]);

        self::assertSame(1, $code);
        self::assertSame("bob@example.com: hosted at Microsoft\napplied 1 route\n", $stdout);
        self::assertSame(
            "error: sales@example.com is an alias of bob@example.com: aliases are rewritten "
            . "before routing; route bob@example.com instead\n"
            . "error: info@example.com has no mailbox (it only forwards): an address without a "
            . "mailbox is rejected before routing, so it cannot be routed\n"
            . "error: zoe@example.com is not a mail account of example.com\n"
            . "error: bob@example.net: example.net is not a domain of this server\n"
            . "error: \"bob\" is not an exact address: it has no @domain\n",
            $stderr
        );
    }

    public function testUnroutesAnAddress(): void
    {
        $this->cli('route', ['bob@example.com', 'carol@example.com']);

        self::assertSame(
            [0, "bob@example.com: delivered by this server again\napplied 1 route\n", ''],
            $this->cli('unroute', ['bob@example.com'])
        );
        self::assertSame([1, '', "error: bob@example.com is not hosted at Microsoft: nothing to "
            . "undo\n"], $this->cli('unroute', ['bob@example.com']));
    }

    public function testSetsTheNextHopAsPastedFromTheAdminCenter(): void
    {
        self::assertSame(
            [0, "xn--mller-kva.example: next hop xn--mller-kva-example01b.mail.protection.outlook"
                . ".com\nnothing to apply: no routes, and no map was ever applied\n", ''],
            $this->cli('set-next-hop', [
                'müller.example',
                '0 XN--MLLER-KVA-EXAMPLE01B.mail.protection.outlook.com.',
            ])
        );
        self::assertSame(
            'xn--mller-kva-example01b.mail.protection.outlook.com',
            (new DomainSettingsStore())->nextHop(2)
        );
        [$code, , $stderr] = $this->cli('set-next-hop', ['example.com', 'mx.example.com']);
        self::assertSame([1, 'error: next hop "mx.example.com" is not a Microsoft 365 host'], [
            $code, substr($stderr, 0, 60),
        ]);
    }

    public function testListsTheMarksOfEachDomain(): void
    {
        $this->cli('route', ['bob@example.com']);
        (new DomainSettingsStore())->addMark(1, new Mark(99, 'sales'));
        $this->cli('sync', []);

        self::assertSame(
            [0, "example.com (attention, next hop " . self::HOP . ")\n"
            . "  bob@example.com\trouted\n"
            . "  sales@example.com\tnot routed: sales@example.com is an alias of bob@example.com: "
            . "aliases are rewritten before routing; route bob@example.com instead\n", ''],
            $this->cli('list', [])
        );
        self::assertSame(
            [0, '{"domains":[{"id":1,"name":"example.com","nextHop":"' . self::HOP
            . '","state":"attention","addresses":[{"address":"bob@example.com","routed":true},'
            . '{"address":"sales@example.com","routed":false,"warning":"sales@example.com is an '
            . 'alias of bob@example.com: aliases are rewritten before routing; route '
            . 'bob@example.com instead"}]}]}' . "\n", ''],
            $this->cli('list', ['--domain', 'example.com', '--json'])
        );
    }

    public function testShowsStatusWithTheLastApply(): void
    {
        $this->cli('route', ['bob@example.com']);
        $sha = hash('sha256', TransportMapRenderer::HEADER . 'bob@example.com' . self::LINE);
        $at = (new \DateTimeImmutable('now', new \DateTimeZone('UTC')));

        [$code, $stdout] = $this->cli('status', []);
        self::assertSame(0, $code);
        $expected = "first=yes\npath=/etc/postfix/m365-split-delivery/transport\ntype=hash\n"
            . "routes=1\nsha256=$sha\nindex=fresh\nlast_apply=" . $at->format('Y-m-d');
        self::assertSame($expected, substr($stdout, 0, strlen($expected)));
        self::assertStringEndsWith(" ok: applied 1 route\n", $stdout);

        $json = json_decode($this->cli('status', ['--json'])[1], true);
        self::assertSame(['yes', 'fresh', true, 'applied 1 route'], [
            $json['first'],
            $json['index'],
            $json['lastApply']['ok'],
            $json['lastApply']['message'],
        ]);
        self::assertSame($at->format('Y-m-d'), substr($json['lastApply']['at'], 0, 10));
    }

    public function testAFailedApplyIsAnErrorOnStderr(): void
    {
        $this->helper->failWith = 'm365-split-delivery: postmap: No space left on device';

        self::assertSame(
            [1, "bob@example.com: hosted at Microsoft\n", 'error: apply failed: '
            . "m365-split-delivery: postmap: No space left on device (the changes stay "
            . "pending)\n"],
            $this->cli('route', ['bob@example.com'])
        );
    }

    public function testBadUsageExitsTwoWithTheUsage(): void
    {
        self::assertSame(
            [2, '', "error: --route needs one address or more\n" . AdminCommands::USAGE],
            $this->cli('route', [])
        );
    }

    public function testTheHookWritesWhatTheCommandPrintsAndSetsItsExitCode(): void
    {
        require_once __DIR__ . '/../../../plib/hooks/ApiCli.php';
        $hook = new Modules_M365SplitDelivery_ApiCli();

        $hook->routeCommand('sales@example.com', 'bob@example.com');

        self::assertSame([1, "bob@example.com: hosted at Microsoft\napplied 1 route\n",
            "error: sales@example.com is an alias of bob@example.com: aliases are rewritten "
            . "before routing; route bob@example.com instead\n"], [
            $hook->exitCodeValue, $hook->stdoutText, $hook->stderrText,
        ]);
    }

    public function testTheHookTakesJsonAndDomainFromItsArguments(): void
    {
        $hook = $this->hookWithBobRouted();

        $hook->listCommand('--domain', 'example.com', '--json');

        self::assertSame([0, self::BOB_JSON, ''], [
            $hook->exitCodeValue, $hook->stdoutText, $hook->stderrText,
        ]);
    }

    public function testTheHookTakesJsonAndDomainFromGetOptionWhenPleskParsedThem(): void
    {
        $hook = $this->hookWithBobRouted();
        $hook->options = ['json' => true, 'domain' => 'example.com'];

        $hook->listCommand();

        self::assertSame([0, self::BOB_JSON, ''], [
            $hook->exitCodeValue, $hook->stdoutText, $hook->stderrText,
        ]);
    }

    public function testTheHookCountsAnOptionGivenBothWaysOnce(): void
    {
        $hook = $this->hookWithBobRouted();
        $hook->options = ['json' => true, 'domain' => 'example.com'];

        $hook->listCommand('--json', '--domain', 'example.com');

        self::assertSame([0, self::BOB_JSON, ''], [
            $hook->exitCodeValue, $hook->stdoutText, $hook->stderrText,
        ]);
    }

    public function testTheHookTakesJsonOfStatusFromGetOption(): void
    {
        $hook = $this->hookWithBobRouted();
        $hook->options = ['json' => true];

        $hook->statusCommand();

        self::assertSame([0, '', 'applied 1 route'], [
            $hook->exitCodeValue,
            $hook->stderrText,
            json_decode($hook->stdoutText, true)['lastApply']['message'] ?? null,
        ]);
    }

    public function testTheHookTakesAFlagThatGetOptionAnswersFalseAsNotGiven(): void
    {
        $hook = $this->hookWithBobRouted();
        $hook->options = ['json' => false, 'domain' => ''];

        $hook->listCommand();

        self::assertSame([0, "example.com (in-sync, next hop " . self::HOP . ")\n"
            . "  bob@example.com\trouted\n", ''], [
            $hook->exitCodeValue, $hook->stdoutText, $hook->stderrText,
        ]);
    }

    private function hookWithBobRouted(): Modules_M365SplitDelivery_ApiCli
    {
        require_once __DIR__ . '/../../../plib/hooks/ApiCli.php';
        $this->cli('route', ['bob@example.com']);

        return new Modules_M365SplitDelivery_ApiCli();
    }
}
