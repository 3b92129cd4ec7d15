<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Controllers;

use ApiController;
use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Api\ApiDispatcher;
use PleskExt\M365SplitDelivery\Api\Caller;
use PleskExt\M365SplitDelivery\Plesk\Panel\PanelCaller;
use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Tests\Api\Support\ApiWorld;
use Zend_Controller_Request_Http;
use Zend_Controller_Response_Http;

/** The panel's API controller hands Plesk's request to the dispatcher and answers its JSON. */
final class ApiControllerTest extends TestCase
{
    private ApiWorld $world;

    public static function setUpBeforeClass(): void
    {
        require_once __DIR__ . '/../../../plib/controllers/ApiController.php';
    }

    protected function setUp(): void
    {
        $this->world = new ApiWorld();
        \pm_Session::logIn(\pm_Client::customer('customer1', [1]));
    }

    protected function tearDown(): void
    {
        \pm_Session::reset();
    }

    private function controller(Zend_Controller_Request_Http $request): ApiController
    {
        $dispatcher = $this->world->dispatcher;

        $response = new Zend_Controller_Response_Http();

        return new class ($request, $response, $dispatcher) extends ApiController {
            public function __construct(
                Zend_Controller_Request_Http $request,
                Zend_Controller_Response_Http $response,
                private readonly ApiDispatcher $fake
            ) {
                parent::__construct($request, $response);
            }

            protected function dispatcher(): ApiDispatcher
            {
                return $this->fake;
            }
        };
    }

    public function testAReadAnswersJsonForTheSessionsClient(): void
    {
        $request = new Zend_Controller_Request_Http('GET', ['search' => 'org']);
        $controller = $this->controller($request);

        $controller->domainsAction();

        self::assertSame(200, $controller->getResponse()->getHttpResponseCode());
        self::assertSame(
            [['status' => 'success', 'data' => ['items' => [], 'total' => 0]]],
            $controller->helperBroker()->json
        );
    }

    public function testAChangeCarriesTheTokenHeaderAndTheJsonBody(): void
    {
        $controller = $this->controller(new Zend_Controller_Request_Http(
            'POST',
            [],
            ['x-forgery-protection-token' => 'token-of-the-session'],
            '{"domainId":1,"value":"0 EXAMPLE-NET.mail.protection.outlook.com."}'
        ));

        $controller->nextHopAction();

        self::assertSame(200, $controller->getResponse()->getHttpResponseCode());
        self::assertSame([['status' => 'success', 'data' => [
            'nextHop' => 'example-net.mail.protection.outlook.com',
            'resolves' => null,
        ]]], $controller->helperBroker()->json);
        self::assertSame('customer1', $this->world->parts->audit[0]->actor);
    }

    public function testAChangeWithoutTokenIs403BadToken(): void
    {
        $controller = $this->controller(new Zend_Controller_Request_Http(
            'POST',
            [],
            [],
            '{"domainId":1,"addresses":["alice@example.com"],"routed":true}'
        ));

        $controller->routesAction();

        self::assertSame(403, $controller->getResponse()->getHttpResponseCode());
        self::assertSame('bad-token', $controller->helperBroker()->json[0]['errors'][0]['code']);
        self::assertEquals([new Mark(12, 'bob')], $this->world->store->marks(1));
        self::assertSame(0, $this->world->sync->rebuilds);
    }

    public function testTheWrongVerbIs405WithAllow(): void
    {
        $controller = $this->controller(new Zend_Controller_Request_Http('GET'));

        $controller->applyAction();

        self::assertSame(405, $controller->getResponse()->getHttpResponseCode());
        self::assertSame(['Allow' => 'POST'], $controller->getResponse()->headers);
    }

    public function testStatusIsForbiddenToACustomer(): void
    {
        $controller = $this->controller(new Zend_Controller_Request_Http('GET'));

        $controller->statusAction();

        self::assertSame(403, $controller->getResponse()->getHttpResponseCode());
        self::assertSame([['status' => 'error', 'errors' => [[
            'code' => 'forbidden',
            'message' => 'only administrators may see or change the status of the transport map; '
                . 'customer1 is not one',
        ]]]], $controller->helperBroker()->json);
    }

    public function testTheCallerIsThePanelSessionsClient(): void
    {
        $caller = PanelCaller::ofSession();

        self::assertInstanceOf(Caller::class, $caller);
        self::assertSame('customer1', $caller->name());
        self::assertFalse($caller->isAdmin());
        self::assertTrue($caller->canAccessDomain(1));
        self::assertFalse($caller->canAccessDomain(2));
    }
}
