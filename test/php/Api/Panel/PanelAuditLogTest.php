<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Api\Panel;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Api\AuditEntry;
use PleskExt\M365SplitDelivery\Plesk\Panel\PanelAuditLog;

final class PanelAuditLogTest extends TestCase
{
    protected function setUp(): void
    {
        \pm_Log::reset();
        \pm_ActionLog::reset();
    }

    public function testAChangeOfMarksGoesToTheLogAndTheActionLog(): void
    {
        (new PanelAuditLog())->record(new AuditEntry(
            'admin',
            AuditEntry::ROUTES,
            1,
            'example.com',
            'bob@example.com',
            'alice@example.com, bob@example.com'
        ));

        self::assertSame(['info: m365-split-delivery audit: admin changed the marked mailboxes of '
            . 'example.com (domain 1) from "bob@example.com" to "alice@example.com, '
            . 'bob@example.com"'], \pm_Log::$lines);
        self::assertSame([[
            'routes_changed',
            1,
            ['Marked mailboxes' => 'bob@example.com'],
            ['Marked mailboxes' => 'alice@example.com, bob@example.com'],
        ]], \pm_ActionLog::$submitted);
    }

    public function testAChangeOfNextHopIsItsOwnEvent(): void
    {
        (new PanelAuditLog())->record(new AuditEntry(
            'customer1',
            AuditEntry::NEXT_HOP,
            2,
            'example.org',
            '',
            'example-org.mail.protection.outlook.com'
        ));

        self::assertSame(
            ['info: m365-split-delivery audit: customer1 changed the next hop of '
            . 'example.org (domain 2) from (none) to "example-org.mail.protection.outlook.com"'],
            \pm_Log::$lines
        );
        self::assertSame([[
            'next_hop_changed',
            2,
            ['Next hop' => ''],
            ['Next hop' => 'example-org.mail.protection.outlook.com'],
        ]], \pm_ActionLog::$submitted);
    }

    public function testAnActionLogThatRefusesIsLoggedNotThrown(): void
    {
        \pm_ActionLog::$refuseWith = 'unknown action ext_m365-split-delivery_routes_changed';

        $entry = new AuditEntry('admin', AuditEntry::ROUTES, 1, 'example.com', '', 'b@example.com');
        (new PanelAuditLog())->record($entry);

        self::assertSame(
            'err: m365-split-delivery audit: the action log did not take the change '
            . 'of example.com: unknown action ext_m365-split-delivery_routes_changed',
            \pm_Log::$lines[1]
        );
    }
}
