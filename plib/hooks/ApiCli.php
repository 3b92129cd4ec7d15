<?php

// `plesk ext m365-split-delivery --COMMAND …`: each public …Command() method is one option.
// Plesk lets only root and administrators run it. The work is done by Cli\AdminCommands.

declare(strict_types=1);

use PleskExt\M365SplitDelivery\Plesk\Extension;

class Modules_M365SplitDelivery_ApiCli extends pm_Hook_ApiCli
{
    /** The options each command takes beside its arguments: name => whether it takes a value. */
    private const OPTIONS = [
        'list' => ['json' => false, 'domain' => true],
        'status' => ['json' => false],
    ];

    public function routeCommand(string ...$addresses): void
    {
        $this->run('route', $addresses);
    }

    public function unrouteCommand(string ...$addresses): void
    {
        $this->run('unroute', $addresses);
    }

    public function listCommand(string ...$arguments): void
    {
        $this->run('list', $arguments);
    }

    public function setNextHopCommand(string ...$arguments): void
    {
        $this->run('set-next-hop', $arguments);
    }

    public function statusCommand(string ...$arguments): void
    {
        $this->run('status', $arguments);
    }

    public function syncCommand(string ...$arguments): void
    {
        $this->run('sync', $arguments);
    }

    /** @param array<string> $arguments */
    private function run(string $command, array $arguments): void
    {
        // Plesk autoloads only its Modules_… classes; ours come from the extension's autoloader.
        require_once __DIR__ . '/../library/autoload.php';
        $arguments = $this->withOptions($command, array_values($arguments));
        $result = Extension::adminCommands()->run($command, $arguments);
        if ($result->stdout !== '') {
            $this->stdout($result->stdout);
        }
        if ($result->stderr !== '') {
            $this->stderr($result->stderr);
        }
        $this->exitCode($result->exitCode);
    }

    /**
     * Plesk documents getOption() on pm_Hook_ApiCli but not whether `--json` and `--domain NAME`
     * then still reach the command as arguments, so both are read: an option that getOption()
     * answers (asked by its name without dashes) is added to the arguments unless they already
     * hold it, and AdminCommands parses the arguments alone. Either way Plesk passes them, the
     * command sees them once.
     *
     * @param list<string> $arguments
     * @return list<string>
     */
    private function withOptions(string $command, array $arguments): array
    {
        foreach (self::OPTIONS[$command] ?? [] as $name => $takesValue) {
            if (in_array('--' . $name, $arguments, true)) {
                continue;
            }
            $value = $this->getOption($name);
            if ($takesValue && is_string($value) && $value !== '') {
                array_push($arguments, '--' . $name, $value);
            } elseif (!$takesValue && $value !== null && $value !== false) {
                $arguments[] = '--' . $name;
            }
        }

        return $arguments;
    }
}
