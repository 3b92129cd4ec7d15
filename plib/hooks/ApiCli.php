<?php

// `plesk ext m365-split-delivery --COMMAND …`: each public …Command() method is one option. Plesk
// lets only root and administrators run it. The work is done by Cli\AdminCommands.

declare(strict_types=1);

use PleskExt\M365SplitDelivery\Plesk\Extension;

class Modules_M365SplitDelivery_ApiCli extends pm_Hook_ApiCli
{
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
        // TODO(#3): whether Plesk passes `--json` and `--domain NAME` as arguments or only through
        // getOption() is unconfirmed; AdminCommands reads them from the arguments.
        // Plesk autoloads only its Modules_… classes; ours come from the extension's autoloader.
        require_once __DIR__ . '/../library/autoload.php';
        $result = Extension::adminCommands()->run($command, array_values($arguments));
        if ($result->stdout !== '') {
            $this->stdout($result->stdout);
        }
        if ($result->stderr !== '') {
            $this->stderr($result->stderr);
        }
        $this->exitCode($result->exitCode);
    }
}
