<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Api;

use PleskExt\M365SplitDelivery\ExtensionException;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectoryError;
use PleskExt\M365SplitDelivery\Postfix\RootHelperError;
use PleskExt\M365SplitDelivery\Quote;
use PleskExt\M365SplitDelivery\Store\StoreError;
use Throwable;

/**
 * The HTTP side of the JSON API, shared by the panel's controller and the sandbox: which verb
 * each call takes, the forgery token on changes, input checks, and every failure turned into
 * an error answer with a stable code.
 */
final class ApiDispatcher
{
    /** Reads answer GET; changes answer POST and must carry the session's forgery token. */
    public const CALLS = [
        'domains' => 'GET',
        'domain' => 'GET',
        'routes' => 'POST',
        'next-hop' => 'POST',
        'status' => 'GET',
        'apply' => 'POST',
        'server' => 'GET',
    ];

    public function __construct(
        private readonly ApiService $service,
        private readonly ForgeryToken $forgeryToken
    ) {
    }

    public function handle(ApiRequest $request, Caller $caller): ApiResponse
    {
        $method = self::CALLS[$request->call] ?? null;
        if ($method === null) {
            return ApiResponse::error(ApiError::notFound(
                'there is no API call ' . Quote::value($request->call)
            ));
        }
        if (strtoupper($request->method) !== $method) {
            $refusal = new ApiError('bad-method', $request->call . ' answers ' . $method
                . ' only, not ' . strtoupper($request->method), 405);
            return ApiResponse::error($refusal, ['Allow' => $method]);
        }

        try {
            if ($method === 'POST') {
                $this->checkToken($request->token);
            }
            return ApiResponse::success($this->call($request, $caller));
        } catch (ApiError $e) {
            return ApiResponse::error($e);
        } catch (StoreError $e) {
            return ApiResponse::error(new ApiError('store-failed', $e->getMessage(), 500));
        } catch (MailboxDirectoryError $e) {
            return ApiResponse::error(new ApiError('directory-failed', $e->getMessage(), 502));
        } catch (RootHelperError $e) {
            return ApiResponse::error(new ApiError('apply-failed', $e->getMessage(), 502));
        } catch (ExtensionException $e) {
            return ApiResponse::error(new ApiError($e->errorCode(), $e->getMessage(), 500));
        } catch (Throwable $e) {
            // Anything else is a defect: its details go to the server's log, not to the browser.
            error_log('m365-split-delivery: API call ' . $request->call . ' failed: '
                . get_class($e) . ': ' . $e->getMessage());
            return ApiResponse::error(new ApiError('internal-error', 'the call ' . $request->call
                . ' failed unexpectedly; the server log has the details', 500));
        }
    }

    private function checkToken(?string $sent): void
    {
        $expected = $this->forgeryToken->expected();
        if ($expected === null || $expected === '') {
            throw new ApiError('bad-token', 'the session holds no forgery protection token to '
                . 'check this change against: log in again', 403);
        }
        if ($sent === null || $sent === '') {
            throw new ApiError('bad-token', 'the request carries no forgery protection token '
                . '(header X-Forgery-Protection-Token): reload the page', 403);
        }
        if (!hash_equals($expected, $sent)) {
            throw new ApiError('bad-token', 'the forgery protection token of the request is not '
                . 'the session\'s: reload the page', 403);
        }
    }

    private function call(ApiRequest $request, Caller $caller): mixed
    {
        $service = $this->service;

        switch ($request->call) {
            case 'domains':
                return $service->domains($caller, DomainQuery::fromQuery($request->query));
            case 'domain':
                return $service->domain($caller, Input::queryId($request->query, 'id'));
            case 'routes':
                $body = Input::jsonObject($request->body, ['domainId', 'addresses', 'routed']);
                return $service->changeRoutes(
                    $caller,
                    Input::id($body['domainId'], 'domainId'),
                    Input::addresses($body['addresses']),
                    Input::bool($body['routed'], 'routed')
                );
            case 'next-hop':
                $body = Input::jsonObject($request->body, ['domainId', 'value']);
                return $service->setNextHop(
                    $caller,
                    Input::id($body['domainId'], 'domainId'),
                    Input::nextHopValue($body['value'])
                );
            case 'status':
                return $service->status($caller);
            case 'apply':
                Input::jsonObject($request->body === '' ? '{}' : $request->body, []);
                return $service->apply($caller);
            default:
                return $service->server($caller);
        }
    }
}
