<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Plesk\Panel;

use pm_ApiCli;
use pm_Client;
use pm_Domain;
use pm_Session;
use PleskExt\M365SplitDelivery\Api\ApiRequest;
use PleskExt\M365SplitDelivery\Plesk\DomainSettingsStore;
use PleskExt\M365SplitDelivery\Plesk\Extension;
use PleskExt\M365SplitDelivery\Plesk\Panel\PanelApi;
use PleskExt\M365SplitDelivery\Plesk\Panel\PanelCaller;
use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Tests\Plesk\PleskTestCase;
use PleskExt\M365SplitDelivery\Tests\Plesk\SbinHelper;
use PleskExt\M365SplitDelivery\Tests\Sync\RecordingRootHelper;

/** The panel's API shares its map sync (journal included) with the other entry points. */
final class PanelApiTest extends PleskTestCase
{
    protected function setUp(): void
    {
        parent::setUp();
        pm_ApiCli::$sbin = new SbinHelper(new RecordingRootHelper());
        pm_Domain::add(1, 'example.com');
        $this->mail->add(1, 12, 'bob');
        $store = new DomainSettingsStore();
        $store->setNextHop(1, 'example-com.mail.protection.outlook.com');
        $store->addMark(1, new Mark(12, 'bob'));
        pm_Session::logIn(pm_Client::admin());
    }

    protected function tearDown(): void
    {
        pm_Session::reset();
        unset($_SESSION['forgery_protection_token']);
        parent::tearDown();
    }

    public function testThePanelShowsTheApplyOfARebuildTheEventListenerRan(): void
    {
        Extension::mapSync()->rebuild();

        $data = $this->status()['data'];

        self::assertSame(
            [true, 'applied 1 route'],
            [$data['lastApply']['ok'] ?? null, $data['lastApply']['message'] ?? null]
        );
    }

    public function testTheScheduledCheckSeesTheApplyThePanelRan(): void
    {
        $_SESSION['forgery_protection_token'] = 'token-of-the-session';

        $answer = PanelApi::dispatcher()->handle(
            new ApiRequest('apply', 'POST', [], '', 'token-of-the-session'),
            PanelCaller::ofSession()
        );

        self::assertSame(200, $answer->httpStatus);
        self::assertSame('applied 1 route', Extension::mapSync()->status()->lastApply?->message);
    }

    public function testAChangeIsRefusedWhenTheSessionHoldsNoTokenWhereItIsLookedFor(): void
    {
        // Where Plesk keeps the session's token is unconfirmed: when it is not where
        // PanelForgeryToken reads it, the check fails closed.
        $answer = PanelApi::dispatcher()->handle(
            new ApiRequest('apply', 'POST', [], '', 'token-from-the-page'),
            PanelCaller::ofSession()
        );

        self::assertSame([403, ['status' => 'error', 'errors' => [[
            'code' => 'bad-token',
            'message' => 'the session holds no forgery protection token to check this change '
                . 'against: log in again',
        ]]]], [$answer->httpStatus, $answer->body]);
        self::assertNull(Extension::mapSync()->status()->lastApply);
    }

    /** @return array<string, mixed> */
    private function status(): array
    {
        return PanelApi::dispatcher()->handle(
            new ApiRequest('status', 'GET', [], '', null),
            PanelCaller::ofSession()
        )->body;
    }
}
