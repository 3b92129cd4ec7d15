<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Api;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Api\ApiDispatcher;
use PleskExt\M365SplitDelivery\Api\ApiRequest;
use PleskExt\M365SplitDelivery\Api\ApiResponse;
use PleskExt\M365SplitDelivery\Api\ApiService;
use PleskExt\M365SplitDelivery\Api\Caller;
use PleskExt\M365SplitDelivery\Store\JsonStore;
use PleskExt\M365SplitDelivery\Tests\Api\Support\ApiWorld;
use PleskExt\M365SplitDelivery\Tests\Api\Support\TestCaller;

/**
 * The HTTP side of the API: verbs, the forgery token, input checks, error answers, and who may
 * do what — every call for each role against an own domain (1) and a foreign one (2).
 */
final class ApiDispatcherTest extends TestCase
{
    private const TOKEN = 'token-of-the-session';

    private const CALLS = ['domains', 'domain', 'routes', 'next-hop', 'status', 'apply', 'server'];

    private ApiWorld $world;

    protected function setUp(): void
    {
        $this->world = new ApiWorld();
    }

    /** @return array{string, string, array<string, string>, string} call, verb, query, body */
    private static function call(string $call, int $domainId): array
    {
        return match ($call) {
            'domains' => ['domains', 'GET', [], ''],
            'domain' => ['domain', 'GET', ['id' => (string) $domainId], ''],
            'routes' => ['routes', 'POST', [], json_encode([
                'domainId' => $domainId,
                'addresses' => [$domainId === 1 ? 'alice@example.com' : 'dave@example.org'],
                'routed' => true,
            ], JSON_THROW_ON_ERROR)],
            'next-hop' => ['next-hop', 'POST', [], json_encode([
                'domainId' => $domainId,
                'value' => '0 EXAMPLE-NET.mail.protection.outlook.com.',
            ], JSON_THROW_ON_ERROR)],
            'status' => ['status', 'GET', [], ''],
            'apply' => ['apply', 'POST', [], '{}'],
            default => ['server', 'GET', [], ''],
        };
    }

    private static function caller(string $role): Caller
    {
        return match ($role) {
            'admin' => TestCaller::admin(),
            'reseller' => TestCaller::reseller([1, 3]),
            default => TestCaller::customer([1]),
        };
    }

    /** @return iterable<string, array{string, string, int, string}> */
    public static function matrix(): iterable
    {
        $domainCalls = ['domain', 'routes', 'next-hop'];
        foreach (['admin', 'reseller', 'customer'] as $role) {
            foreach (self::CALLS as $call) {
                foreach (['own' => 1, 'foreign' => 2] as $whose => $domainId) {
                    $allowed = match (true) {
                        $role === 'admin' => true,
                        in_array($call, ['status', 'apply'], true) => false,
                        in_array($call, $domainCalls, true) => $whose === 'own',
                        default => true,
                    };
                    yield "$call as $role, $whose domain" => [
                        $call,
                        $role,
                        $domainId,
                        $allowed ? 'success' : 'forbidden',
                    ];
                }
            }
        }
    }

    /** @dataProvider matrix */
    public function testWhoMayDoWhat(
        string $call,
        string $role,
        int $domainId,
        string $outcome
    ): void {
        [$name, $verb, $query, $body] = self::call($call, $domainId);

        $response = $this->world->dispatcher->handle(
            new ApiRequest($name, $verb, $query, $body, self::TOKEN),
            self::caller($role)
        );

        if ($outcome === 'success') {
            self::assertSame(200, $response->httpStatus, $response->json());
            self::assertSame('success', $response->body['status']);
            return;
        }
        self::assertSame(403, $response->httpStatus);
        self::assertSame('forbidden', self::code($response));
        self::assertSame(0, $this->world->sync->rebuilds);
        self::assertSame([], $this->world->parts->audit);
    }

    /** @return iterable<string, array{string, ?string, int, string}> */
    public static function tokens(): iterable
    {
        $tokens = ['missing' => null, 'empty' => '', 'wrong' => 'token-of-another-session'];
        foreach (self::CALLS as $call) {
            $isChange = in_array($call, ['routes', 'next-hop', 'apply'], true);
            foreach ($tokens as $kind => $token) {
                yield "$call, $kind token" => [
                    $call,
                    $token,
                    $isChange ? 403 : 200,
                    $isChange ? 'bad-token' : 'success',
                ];
            }
        }
    }

    /** @dataProvider tokens */
    public function testChangesNeedTheSessionsTokenReadsDoNot(
        string $call,
        ?string $token,
        int $status,
        string $outcome
    ): void {
        [$name, $verb, $query, $body] = self::call($call, 1);

        $response = $this->world->dispatcher->handle(
            new ApiRequest($name, $verb, $query, $body, $token),
            TestCaller::admin()
        );

        self::assertSame($status, $response->httpStatus);
        $answered = $outcome === 'success' ? $response->body['status'] : self::code($response);
        self::assertSame($outcome, $answered);
        if ($outcome === 'bad-token') {
            self::assertSame(0, $this->world->sync->rebuilds);
            $nextHop = $this->world->store->nextHop(1);
            self::assertSame('example-com.mail.protection.outlook.com', $nextHop);
            self::assertCount(1, $this->world->store->marks(1));
        }
    }

    public function testAMissingTokenSaysToReloadThePage(): void
    {
        $response = $this->world->dispatcher->handle(
            new ApiRequest('apply', 'POST', [], '{}', null),
            TestCaller::admin()
        );

        self::assertSame('{"status":"error","errors":[{"code":"bad-token","message":"the request '
            . 'carries no forgery protection token (header X-Forgery-Protection-Token): '
            . 'reload the page"}]}', $response->json());
    }

    public function testASessionWithoutTokenRefusesEveryChange(): void
    {
        $this->world->parts->token = null;

        $response = $this->world->dispatcher->handle(
            new ApiRequest('apply', 'POST', [], '{}', ''),
            TestCaller::admin()
        );

        self::assertSame(403, $response->httpStatus);
        self::assertSame('bad-token', self::code($response));
    }

    /** @return iterable<string, array{string, string, string}> */
    public static function wrongVerbs(): iterable
    {
        yield 'domains by POST' => ['domains', 'POST', 'GET'];
        yield 'routes by GET' => ['routes', 'GET', 'POST'];
        yield 'apply by GET' => ['apply', 'GET', 'POST'];
        yield 'next-hop by PUT' => ['next-hop', 'PUT', 'POST'];
    }

    /** @dataProvider wrongVerbs */
    public function testTheWrongVerbIsBadMethod(string $call, string $verb, string $allowed): void
    {
        $response = $this->world->dispatcher->handle(
            new ApiRequest($call, $verb, [], '{}', self::TOKEN),
            TestCaller::admin()
        );

        self::assertSame(405, $response->httpStatus);
        self::assertSame(['Allow' => $allowed], $response->headers);
        self::assertSame([['code' => 'bad-method', 'message' => $call . ' answers ' . $allowed
            . ' only, not ' . $verb]], $response->body['errors']);
    }

    public function testAnUnknownCallIsNotFound(): void
    {
        $response = $this->world->dispatcher->handle(
            new ApiRequest('mailboxes', 'GET', [], '', null),
            TestCaller::admin()
        );

        self::assertSame(404, $response->httpStatus);
        self::assertSame(
            [['code' => 'not-found', 'message' => 'there is no API call "mailboxes"']],
            $response->body['errors']
        );
    }

    /** @return iterable<string, list<mixed>> */
    public static function badInput(): iterable
    {
        yield 'page size over 100' => ['domains', 'GET', ['pageSize' => '101'], '', 'pageSize',
            'pageSize must be an integer from 1 to 100'];
        yield 'page 0' => ['domains', 'GET', ['page' => '0'], '', 'page',
            'page must be an integer from 1 to 1000000'];
        yield 'unknown sort' => ['domains', 'GET', ['sort' => 'total'], '', 'sort',
            'sort must be one of name, -name, routed, -routed, state, -state'];
        yield 'domain id not a number' => ['domain', 'GET', ['id' => '1x'], '', 'id',
            'id must be a positive integer'];
        yield 'body not JSON' => ['routes', 'POST', [], '{', 'body',
            'the request body is not JSON: Syntax error'];
        yield 'unknown field' => ['routes', 'POST', [], '{"domainId":1,'
            . '"addresses":["a@example.com"],"routed":true,"all":true}', 'all',
            'unknown field "all" (expected domainId, addresses, routed)'];
        yield 'routed as a string' => ['routes', 'POST', [], '{"domainId":1,"addresses":'
            . '["a@example.com"],"routed":"yes"}', 'routed', 'routed must be true or false'];
        yield 'no addresses' => ['routes', 'POST', [],
            '{"domainId":1,"addresses":[],"routed":true}', 'addresses',
            'addresses must be a non-empty list'];
        yield 'domain id as a string' => ['next-hop', 'POST', [], '{"domainId":"1","value":"x"}',
            'domainId', 'domainId must be a positive integer'];
        yield 'value missing' => ['next-hop', 'POST', [], '{"domainId":1}', 'value',
            'value is missing'];
    }

    /**
     * @dataProvider badInput
     * @param array<string, string> $query
     */
    public function testBadInputIsRefusedNamingTheFieldAndChangesNothing(
        string $call,
        string $verb,
        array $query,
        string $body,
        string $field,
        string $message
    ): void {
        $response = $this->world->dispatcher->handle(
            new ApiRequest($call, $verb, $query, $body, self::TOKEN),
            TestCaller::admin()
        );

        self::assertSame(400, $response->httpStatus);
        self::assertSame(
            [['code' => 'invalid-input', 'message' => $message, 'field' => $field]],
            $response->body['errors']
        );
        self::assertSame(0, $this->world->sync->rebuilds);
    }

    public function testMoreThanAThousandAddressesAreRefused(): void
    {
        $addresses = array_map(static fn (int $i): string => "user$i@example.com", range(1, 1001));
        $body = json_encode(['domainId' => 1, 'addresses' => $addresses, 'routed' => true]);

        $response = $this->world->dispatcher->handle(
            new ApiRequest('routes', 'POST', [], (string) $body, self::TOKEN),
            TestCaller::admin()
        );

        self::assertSame([['code' => 'invalid-input', 'message' => 'at most 1000 addresses can be '
            . 'changed at once, not 1001', 'field' => 'addresses']], $response->body['errors']);
    }

    public function testANextHopThatIsNotMicrosoftsBlamesTheValueC8(): void
    {
        $response = $this->world->dispatcher->handle(
            new ApiRequest('next-hop', 'POST', [], '{"domainId":1,"value":"smtp:"}', self::TOKEN),
            TestCaller::admin()
        );

        self::assertSame(400, $response->httpStatus);
        self::assertSame('invalid-next-hop', self::code($response));
        self::assertSame('value', $response->body['errors'][0]['field']);
    }

    public function testANextHopThatDoesNotResolveIsRefusedAsJsonBlamingTheValue(): void
    {
        $this->world->parts->dns['example-nel.mail.protection.outlook.com'] = false;

        $response = $this->world->dispatcher->handle(
            new ApiRequest('next-hop', 'POST', [], '{"domainId":1,'
                . '"value":"example-nel.mail.protection.outlook.com"}', self::TOKEN),
            TestCaller::admin()
        );

        self::assertSame(400, $response->httpStatus);
        $json = '{"status":"error","errors":[{"code":"next-hop-not-found","message":"the next '
            . 'hop example-nel.mail.protection.outlook.com of example.com does not resolve in DNS '
            . '(no such host, or it has no address): copy the MX value shown for example.com in '
            . 'the Microsoft 365 admin center again","field":"value"}]}';
        self::assertSame($json, $response->json());
    }

    public function testAnUnknownDomainIsNotFoundForAnAdmin(): void
    {
        $response = $this->world->dispatcher->handle(
            new ApiRequest('domain', 'GET', ['id' => '99'], '', null),
            TestCaller::admin()
        );

        self::assertSame(404, $response->httpStatus);
        self::assertSame('{"status":"error","errors":[{"code":"not-found","message":"there is no '
            . 'mail domain with id 99"}]}', $response->json());
    }

    public function testAStoreFailureIsStoreFailed(): void
    {
        $world = $this->world;
        $service = new ApiService(
            new JsonStore('/nonexistent/m365/store.json'),
            $world->directory,
            $world->sync,
            $world->catalogue,
            $world->parts,
            $world->parts,
            $world->parts
        );
        $dispatcher = new ApiDispatcher($service, $world->parts);

        $response = $dispatcher->handle(
            new ApiRequest('domain', 'GET', ['id' => '1'], '', null),
            TestCaller::admin()
        );

        self::assertSame(500, $response->httpStatus);
        self::assertSame(
            [['code' => 'store-failed', 'message' => 'cannot read the routing store '
            . '/nonexistent/m365/store.json: No such file or directory']],
            $response->body['errors']
        );
    }

    public function testSuccessIsStatusAndData(): void
    {
        $response = $this->world->dispatcher->handle(
            new ApiRequest('server', 'GET', [], '', null),
            TestCaller::customer([])
        );

        self::assertSame('{"status":"success","data":{"hostname":"plesk.example.net",'
            . '"addresses":["203.0.113.10","2001:db8::10"]}}', $response->json());
    }

    private static function code(ApiResponse $response): string
    {
        return $response->body['errors'][0]['code'];
    }
}
