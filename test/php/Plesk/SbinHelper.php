<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Plesk;

use PleskExt\M365SplitDelivery\Tests\Sync\RecordingRootHelper;

/**
 * Plesk's callSbin wrapper in front of the in-memory root helper: answers the double of
 * pm_ApiCli::callSbin('m365-split-delivery', [COMMAND], …, $stdin) as the real helper would.
 */
final class SbinHelper
{
    public function __construct(public readonly RecordingRootHelper $helper)
    {
    }

    /**
     * @param array<int, string> $args
     * @param array<string, string> $env
     * @return array{code: int, stdout: string, stderr: string}
     */
    public function __invoke(string $name, array $args, array $env, ?string $stdin): array
    {
        $result = match ($args) {
            ['apply'] => $this->helper->apply((string) $stdin),
            ['remove'] => $this->helper->remove(),
            default => null,
        };
        if ($args === ['status']) {
            $stdout = '';
            foreach ($this->helper->status() as $field => $value) {
                $stdout .= $field . '=' . $value . "\n";
            }
            return ['code' => 0, 'stdout' => $stdout, 'stderr' => ''];
        }
        if ($result === null) {
            return ['code' => 2, 'stdout' => '', 'stderr' => "usage: …\n"];
        }

        return [
            'code' => $result->exitCode,
            'stdout' => $result->stdout,
            'stderr' => $result->stderr,
        ];
    }
}
