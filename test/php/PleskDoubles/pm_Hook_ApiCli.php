<?php

// Test double of Plesk's pm_Hook_ApiCli: what a command writes and the exit code it sets.

declare(strict_types=1);

abstract class pm_Hook_ApiCli
{
    public string $stdoutText = '';
    public string $stderrText = '';
    public int $exitCodeValue = 0;

    /** @param string $data */
    public function stdout($data): void
    {
        $this->stdoutText .= $data;
    }

    /** @param string $data */
    public function stderr($data): void
    {
        $this->stderrText .= $data;
    }

    /** @param int $code */
    public function exitCode($code): void
    {
        $this->exitCodeValue = $code;
    }
}
