<?php

// Test double of Plesk's pm_Scheduler: the extension's scheduled tasks in memory.

declare(strict_types=1);

class pm_Scheduler
{
    private static ?self $instance = null;

    /** @var array<string, pm_Scheduler_Task> */
    public array $tasks = [];

    private int $nextId = 1;

    public static function getInstance(): self
    {
        return self::$instance ??= new self();
    }

    public static function reset(): void
    {
        self::$instance = null;
    }

    public function putTask(pm_Scheduler_Task $task): void
    {
        if ($task->getId() === null) {
            $task->assignId((string) $this->nextId++);
        }
        $this->tasks[(string) $task->getId()] = $task;
    }

    /** @param string $id */
    public function getTaskById($id): pm_Scheduler_Task
    {
        return $this->tasks[(string) $id] ?? throw new pm_Exception("Task $id not found");
    }

    public function removeTask(pm_Scheduler_Task $task): void
    {
        unset($this->tasks[(string) $task->getId()]);
    }

    /** @return list<pm_Scheduler_Task> */
    public function listTasks(): array
    {
        return array_values($this->tasks);
    }
}
