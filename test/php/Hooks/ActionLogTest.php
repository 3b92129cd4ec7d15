<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Hooks;

use Modules_M365SplitDelivery_ActionLog;
use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Plesk\Panel\PanelAuditLog;

final class ActionLogTest extends TestCase
{
    public static function setUpBeforeClass(): void
    {
        require_once __DIR__ . '/../../../plib/hooks/ActionLog.php';
    }

    public function testDeclaresTheEventsTheAuditLogSubmits(): void
    {
        $events = (new Modules_M365SplitDelivery_ActionLog())->getEvents();

        self::assertSame(
            [PanelAuditLog::EVENT_ROUTES, PanelAuditLog::EVENT_NEXT_HOP],
            array_keys($events)
        );
        self::assertSame(
            'Microsoft 365 Split Delivery: mailboxes hosted at Microsoft changed',
            $events['routes_changed']
        );
    }
}
