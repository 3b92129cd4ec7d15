<?php

// Test double of Plesk's pm_Scheduler_Task: a script of plib/scripts/ and its cron schedule.

declare(strict_types=1);

class pm_Scheduler_Task
{
    private ?string $id = null;
    private string $cmd = '';

    /** @var array<string, string> */
    private array $schedule = [];

    /** @param string $cmd */
    public function setCmd($cmd): void
    {
        $this->cmd = $cmd;
    }

    public function getCmd(): string
    {
        return $this->cmd;
    }

    /** @param array<string, string> $schedule minute, hour, dom, month, dow */
    public function setSchedule($schedule): void
    {
        $this->schedule = $schedule;
    }

    /** @return array<string, string> */
    public function getSchedule(): array
    {
        return $this->schedule;
    }

    public function getId(): ?string
    {
        return $this->id;
    }

    /** Used by the scheduler double when the task is put. */
    public function assignId(string $id): void
    {
        $this->id = $id;
    }
}
