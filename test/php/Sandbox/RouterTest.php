<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Sandbox;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Tests\Support\TempDir;
use RuntimeException;

/** The sandbox's router, served by PHP's built-in server on a loopback port of its own. */
final class RouterTest extends TestCase
{
    private const ROUTER = __DIR__ . '/../../../build/sandbox/server/router.php';

    private TempDir $state;

    /** @var resource|null */
    private $server = null;

    private int $port = 0;

    protected function setUp(): void
    {
        $this->state = new TempDir();
        $this->port = self::freeLoopbackPort();
        $server = proc_open(
            [PHP_BINARY, '-S', '127.0.0.1:' . $this->port, self::ROUTER],
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'],
                2 => ['file', '/dev/null', 'w']],
            $pipes,
            null,
            ['M365_SANDBOX_STATE' => $this->state->path, 'PATH' => (string) getenv('PATH')]
        );
        if ($server === false) {
            throw new RuntimeException('cannot start php -S for ' . self::ROUTER);
        }
        $this->server = $server;
        $this->waitUntilListening();
    }

    protected function tearDown(): void
    {
        if ($this->server !== null) {
            proc_terminate($this->server);
            proc_close($this->server);
        }
        $this->state->remove();
    }

    public function testTheFaviconIsNoContentRatherThanNotFound(): void
    {
        [$status, $body] = $this->get('/favicon.ico');

        self::assertSame('HTTP/1.1 204 No Content', $status);
        self::assertSame('', $body);
    }

    public function testAnUnknownPathIsStillNotFound(): void
    {
        [$status, $body] = $this->get('/favicon.png');

        self::assertSame('HTTP/1.1 404 Not Found', $status);
        self::assertSame("not found: /favicon.png\n", $body);
    }

    /** @return array{string, string} the status line and the body */
    private function get(string $path): array
    {
        $context = stream_context_create(['http' => ['ignore_errors' => true, 'timeout' => 5]]);
        $body = file_get_contents('http://127.0.0.1:' . $this->port . $path, false, $context);
        $headers = $http_response_header ?? [];

        return [(string) ($headers[0] ?? ''), (string) $body];
    }

    private static function freeLoopbackPort(): int
    {
        $socket = stream_socket_server('tcp://127.0.0.1:0', $errno, $error);
        if ($socket === false) {
            throw new RuntimeException('no free loopback port: ' . $error);
        }
        $name = (string) stream_socket_get_name($socket, false);
        fclose($socket);

        return (int) substr($name, strrpos($name, ':') + 1);
    }

    private function waitUntilListening(): void
    {
        for ($try = 0; $try < 100; $try++) {
            $address = 'tcp://127.0.0.1:' . $this->port;
            $connection = @stream_socket_client($address, $errno, $error, 1);
            if ($connection !== false) {
                fclose($connection);
                return;
            }
            usleep(50_000);
        }
        throw new RuntimeException('php -S did not listen on 127.0.0.1:' . $this->port);
    }
}
