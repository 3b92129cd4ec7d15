<?php

// Test double of Plesk's pm_Hook_ApiCli: the options Plesk parsed (set by the test), what a
// command writes and the exit code it sets.

declare(strict_types=1);

abstract class pm_Hook_ApiCli
{
    public string $stdoutText = '';
    public string $stderrText = '';
    public int $exitCodeValue = 0;

    /** @var array<string, mixed> option name (no dashes) => value, as getOption() answers */
    public array $options = [];

    /**
     * @param string $name
     * @param mixed $default
     * @return mixed
     */
    public function getOption($name, $default = null)
    {
        return $this->options[$name] ?? $default;
    }

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
