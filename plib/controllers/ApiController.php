<?php

declare(strict_types=1);

use PleskExt\M365SplitDelivery\Api\ApiDispatcher;
use PleskExt\M365SplitDelivery\Api\ApiRequest;
use PleskExt\M365SplitDelivery\Api\Caller;
use PleskExt\M365SplitDelivery\Plesk\Panel\PanelApi;
use PleskExt\M365SplitDelivery\Plesk\Panel\PanelCaller;

/**
 * The extension's JSON API, `/modules/m365-split-delivery/index.php/api/<call>`: each action
 * hands the request to the ApiDispatcher and answers its `{status, data|errors}` as JSON.
 */
class ApiController extends pm_Controller_Action
{
    public function init()
    {
        parent::init();
        require_once dirname(__DIR__) . '/library/autoload.php';
    }

    public function domainsAction(): void
    {
        $this->answer('domains');
    }

    public function domainAction(): void
    {
        $this->answer('domain');
    }

    public function routesAction(): void
    {
        $this->answer('routes');
    }

    /** `api/next-hop`: Zend names the action of a dashed URL part in camel case. */
    public function nextHopAction(): void
    {
        $this->answer('next-hop');
    }

    public function statusAction(): void
    {
        $this->answer('status');
    }

    public function applyAction(): void
    {
        $this->answer('apply');
    }

    public function serverAction(): void
    {
        $this->answer('server');
    }

    /** The API wired with Plesk's adapters. */
    protected function dispatcher(): ApiDispatcher
    {
        return PanelApi::dispatcher();
    }

    /** The panel user of this request. */
    protected function caller(): Caller
    {
        return PanelCaller::ofSession();
    }

    private function answer(string $call): void
    {
        $request = $this->getRequest();
        $token = $request->getHeader('X-Forgery-Protection-Token');
        $body = $request->getRawBody();
        $query = $request->getQuery();

        $response = $this->dispatcher()->handle(
            new ApiRequest(
                $call,
                (string) $request->getMethod(),
                is_array($query) ? $query : [],
                is_string($body) ? $body : '',
                is_string($token) ? $token : null
            ),
            $this->caller()
        );

        $this->getResponse()->setHttpResponseCode($response->httpStatus);
        foreach ($response->headers as $name => $value) {
            $this->getResponse()->setHeader($name, $value, true);
        }
        $this->_helper->json($response->body);
    }
}
