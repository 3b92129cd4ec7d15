<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Postfix;

use PleskExt\M365SplitDelivery\LastPhpError;

/**
 * Runs the root helper as a child process: an argument array (never a shell command line), the
 * map on stdin, only the environment given.
 */
final class ProcessRootHelper implements RootHelper
{
    private const CHUNK = 65536;

    /**
     * @param array<string, string> $environment the helper's whole environment (e.g. MAIL_CONFIG)
     */
    public function __construct(
        private readonly string $helperPath,
        private readonly array $environment
    ) {
    }

    public function apply(string $mapText): HelperResult
    {
        return $this->run('apply', $mapText);
    }

    public function status(): array
    {
        $result = $this->run('status', '');
        if (!$result->ok()) {
            throw new RootHelperError(
                'root-helper-failed',
                'the root helper ' . $this->helperPath . ' failed on status (exit '
                    . $result->exitCode . '): ' . $result->message(),
                $result->exitCode
            );
        }

        return HelperStatus::parse($result->stdout);
    }

    public function remove(): HelperResult
    {
        return $this->run('remove', '');
    }

    private function run(string $command, string $stdin): HelperResult
    {
        if (!is_file($this->helperPath) || !is_executable($this->helperPath)) {
            throw new RootHelperError('root-helper-not-run', 'cannot run the root helper '
                . $this->helperPath . ': it is not an executable file');
        }

        $process = @proc_open(
            [$this->helperPath, $command],
            [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']],
            $pipes,
            null,
            $this->environment
        );
        if ($process === false) {
            throw new RootHelperError('root-helper-not-run', 'cannot run the root helper '
                . $this->helperPath . ' ' . $command . ': ' . LastPhpError::cause());
        }

        [$stdout, $stderr] = $this->exchange($pipes, $stdin);

        return new HelperResult(proc_close($process), $stdout, $stderr);
    }

    /**
     * Writes $stdin while reading stdout and stderr, so that neither side waits on a full pipe.
     *
     * @param array<int, resource> $pipes
     * @return array{0: string, 1: string} stdout and stderr
     */
    private function exchange(array $pipes, string $stdin): array
    {
        $output = [1 => '', 2 => ''];
        $reading = [1 => $pipes[1], 2 => $pipes[2]];
        $writing = $pipes[0];
        $written = 0;
        foreach ($pipes as $pipe) {
            stream_set_blocking($pipe, false);
        }
        if ($stdin === '') {
            fclose($writing);
            $writing = null;
        }

        while ($reading !== [] || $writing !== null) {
            $read = array_values($reading);
            $write = $writing === null ? [] : [$writing];
            $except = null;
            // false means a signal interrupted the wait: just wait again.
            @stream_select($read, $write, $except, null);

            if ($write !== [] && $writing !== null) {
                // false: the helper closed its stdin (it refused the call); its exit code says why.
                $count = @fwrite($writing, substr($stdin, $written, self::CHUNK));
                $written += (int) $count;
                if ($count === false || $written === strlen($stdin)) {
                    fclose($writing);
                    $writing = null;
                }
            }

            foreach ($reading as $fd => $pipe) {
                if (in_array($pipe, $read, true)) {
                    $output[$fd] .= (string) fread($pipe, self::CHUNK);
                    if (feof($pipe)) {
                        fclose($pipe);
                        unset($reading[$fd]);
                    }
                }
            }
        }

        return [$output[1], $output[2]];
    }
}
