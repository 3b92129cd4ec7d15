<?php

// Test double of Plesk's pm_ApiCli: callSbin runs a handler set by the test and records calls.

declare(strict_types=1);

class pm_ApiCli
{
    public const RESULT_STDOUT = 0;
    public const RESULT_CODE = 1;
    public const RESULT_FULL = 2;
    public const RESULT_EXCEPTION = 3;

    /**
     * Answers a call: (name, args, env, stdin) → ['code' => …, 'stdout' => …, 'stderr' => …].
     *
     * @var callable|null
     */
    public static $sbin = null;

    /** @var list<array{name: string, args: array, mode: int, env: array, stdin: ?string}> */
    public static array $calls = [];

    public static function reset(): void
    {
        self::$sbin = null;
        self::$calls = [];
    }

    /**
     * @param string $name
     * @param array<int, string> $args
     * @param int $resultMode
     * @param array<string, string> $env
     * @param string|null $stdin
     * @return mixed
     */
    public static function callSbin(
        $name,
        $args = [],
        $resultMode = self::RESULT_STDOUT,
        $env = [],
        $stdin = null
    ) {
        self::$calls[] = [
            'name' => $name, 'args' => $args, 'mode' => $resultMode, 'env' => $env,
            'stdin' => $stdin,
        ];
        if (self::$sbin === null) {
            throw new pm_Exception('Unable to execute ' . $name . ': no such utility');
        }

        $result = (self::$sbin)($name, $args, $env, $stdin);

        return match ($resultMode) {
            self::RESULT_FULL => $result,
            self::RESULT_CODE => $result['code'],
            self::RESULT_EXCEPTION => $result['code'] === 0
                ? $result
                : throw new pm_Exception_ResultException($result['stderr']),
            default => $result['stdout'],
        };
    }
}
