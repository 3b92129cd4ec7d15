<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Plesk;

use pm_ApiCli;
use PleskExt\M365SplitDelivery\Postfix\HelperResult;
use PleskExt\M365SplitDelivery\Postfix\HelperStatus;
use PleskExt\M365SplitDelivery\Postfix\RootHelper;
use PleskExt\M365SplitDelivery\Postfix\RootHelperError;
use Throwable;

/**
 * The root helper sbin/m365-split-delivery run as root through Plesk's setuid wrapper
 * (pm_ApiCli::callSbin): the command as an argument array, the map on stdin (Plesk 18.0.55+).
 */
final class SbinRootHelper implements RootHelper
{
    public const NAME = 'm365-split-delivery';

    public function apply(string $mapText): HelperResult
    {
        return $this->call('apply', $mapText);
    }

    public function status(): array
    {
        $result = $this->call('status', '');
        if (!$result->ok()) {
            throw new RootHelperError(
                'root-helper-failed',
                'the root helper ' . self::NAME . ' failed on status (exit ' . $result->exitCode
                    . '): ' . $result->message(),
                $result->exitCode
            );
        }

        return HelperStatus::parse($result->stdout);
    }

    public function remove(): HelperResult
    {
        return $this->call('remove', '');
    }

    private function call(string $command, string $stdin): HelperResult
    {
        try {
            $mode = pm_ApiCli::RESULT_FULL;
            $result = pm_ApiCli::callSbin(self::NAME, [$command], $mode, [], $stdin);
        } catch (Throwable $e) {
            throw new RootHelperError('root-helper-not-run', 'cannot run the root helper '
                . self::NAME . ' ' . $command . ': ' . $e->getMessage());
        }

        if (!is_array($result) || !is_numeric($result['code'] ?? null)) {
            throw new RootHelperError('root-helper-answer', 'Plesk ran the root helper '
                . self::NAME . ' ' . $command . ' but gave no exit code');
        }

        return new HelperResult(
            (int) $result['code'],
            (string) ($result['stdout'] ?? ''),
            (string) ($result['stderr'] ?? '')
        );
    }
}
