<?php

// The routing engine on the sandbox's JSON data (build/sandbox/README-data.md): plans with the
// PHP core of plib/library and applies the map through the root helper, as the panel will.
//
//   php build/sandbox/engine.php [--data DIR] [--helper PATH] plan|apply|status|remove
//
// DIR holds accounts.json and store.json (default: build/sandbox/demo). PATH is the root helper
// (default: sbin/m365-split-delivery); MAIL_CONFIG is passed on to it. Exit codes: those of the
// helper; 2 for bad usage or bad data, 1 when the helper cannot be run.

declare(strict_types=1);

use PleskExt\M365SplitDelivery\ExtensionException;
use PleskExt\M365SplitDelivery\Mail\JsonMailboxDirectory;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectory;
use PleskExt\M365SplitDelivery\Mail\UnknownDomain;
use PleskExt\M365SplitDelivery\Postfix\HelperResult;
use PleskExt\M365SplitDelivery\Postfix\ProcessRootHelper;
use PleskExt\M365SplitDelivery\Postfix\RootHelperError;
use PleskExt\M365SplitDelivery\Quote;
use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Routing\Plan;
use PleskExt\M365SplitDelivery\Routing\Planner;
use PleskExt\M365SplitDelivery\Routing\TransportMapRenderer;
use PleskExt\M365SplitDelivery\Store\JsonStore;
use PleskExt\M365SplitDelivery\Sync\MarkFollower;

require __DIR__ . '/../../plib/library/autoload.php';

const COMMANDS = ['plan', 'apply', 'status', 'remove'];
const USAGE = 'usage: php build/sandbox/engine.php [--data DIR] [--helper PATH] '
    . 'plan|apply|status|remove';

exit(runEngine(array_slice($argv, 1)));

/** @param list<string> $arguments */
function runEngine(array $arguments): int
{
    $dataDir = __DIR__ . '/demo';
    $helperPath = __DIR__ . '/../../sbin/m365-split-delivery';
    $command = null;

    while ($arguments !== []) {
        $argument = array_shift($arguments);
        if ($argument === '--data' || $argument === '--helper') {
            $value = array_shift($arguments);
            if ($value === null || $value === '') {
                return usageError($argument . ' needs a value');
            }
            if ($argument === '--data') {
                $dataDir = $value;
            } else {
                $helperPath = $value;
            }
        } elseif ($command === null && in_array($argument, COMMANDS, true)) {
            $command = $argument;
        } else {
            return usageError('unexpected argument ' . Quote::value($argument));
        }
    }
    if ($command === null) {
        return usageError('no command given');
    }

    // Like Plesk's callSbin: a clean environment, plus the Postfix instance chosen by the caller.
    $environment = ['PATH' => '/usr/sbin:/usr/bin:/sbin:/bin'];
    $mailConfig = getenv('MAIL_CONFIG');
    if ($mailConfig !== false) {
        $environment['MAIL_CONFIG'] = $mailConfig;
    }
    $helper = new ProcessRootHelper($helperPath, $environment);

    try {
        return match ($command) {
            'plan' => planCommand($dataDir),
            'apply' => applyCommand($dataDir, $helper),
            'status' => statusCommand($helper),
            'remove' => printResult($helper->remove()),
        };
    } catch (RootHelperError $e) {
        fwrite(STDERR, 'error: ' . $e->getMessage() . "\n");
        return $e->exitCode ?? 1;
    } catch (ExtensionException $e) {
        fwrite(STDERR, 'error: ' . $e->getMessage() . "\n");
        return 2;
    }
}

function planCommand(string $dataDir): int
{
    $plan = makePlan($dataDir, false)[0];
    foreach ($plan->goneMarks as $gone) {
        fwrite(STDERR, 'warning: ' . $gone->message() . ": apply drops its mark\n");
    }
    echo (new TransportMapRenderer())->render($plan->routes);

    return 0;
}

function applyCommand(string $dataDir, ProcessRootHelper $helper): int
{
    [$plan, $store] = makePlan($dataDir, true);
    $map = (new TransportMapRenderer())->render($plan->routes);

    foreach ($plan->goneMarks as $gone) {
        $store->removeMark($gone->domainId, $gone->mark);
        fwrite(STDERR, 'dropped the mark of ' . $gone->message() . "\n");
    }

    $result = $helper->apply($map);
    if ($result->ok()) {
        echo $map;
    }

    return printResult($result);
}

function statusCommand(ProcessRootHelper $helper): int
{
    foreach ($helper->status() as $name => $value) {
        echo $name, '=', $value, "\n";
    }

    return 0;
}

/**
 * Follows renames and restores in the store first, as the panel's rebuild does; with $apply the
 * store is updated, else only said what apply would update.
 *
 * @return array{0: Plan, 1: JsonStore}
 */
function makePlan(string $dataDir, bool $apply): array
{
    $store = new JsonStore($dataDir . '/store.json');
    $directory = new JsonMailboxDirectory($dataDir . '/accounts.json');
    foreach (followMarks($store, $directory, $apply) as $change) {
        fwrite(STDERR, $apply ? $change . "\n" : 'note: ' . $change . ": apply updates it\n");
    }

    $plan = (new Planner($directory))->plan($store);
    foreach ($plan->warnings as $warning) {
        fwrite(STDERR, 'warning: ' . $warning->message . "\n");
    }

    return [$plan, $store];
}

/**
 * Brings each mark's id and local part up to date with Sync\MarkFollower, the class the panel's
 * rebuild uses, so that a renamed mailbox is still found by its local part after a restore.
 * Marks are changed one by one, each under the store's lock, so that a mark another process adds
 * meanwhile stays.
 *
 * @return list<string> what moved, e.g. `the mark of bobby@example.com follows its rename to …`
 */
function followMarks(JsonStore $store, MailboxDirectory $directory, bool $write): array
{
    $follower = new MarkFollower();
    $changes = [];
    foreach ($store->domainIdsWithMarks() as $domainId) {
        try {
            $domain = $directory->domain($domainId);
        } catch (UnknownDomain) {
            // The planner warns about it; its marks stay (a restore may change domain ids).
            continue;
        }

        $marks = $store->marks($domainId);
        $followed = $follower->follow($domain, $marks);
        if ($write) {
            foreach (marksMissingFrom($marks, $followed->marks) as $old) {
                $store->removeMark($domainId, $old);
            }
            foreach (marksMissingFrom($followed->marks, $marks) as $new) {
                $store->addMark($domainId, $new);
            }
        }
        array_push($changes, ...$followed->changes);
    }

    return $changes;
}

/**
 * @param list<Mark> $marks
 * @param list<Mark> $others
 * @return list<Mark> the marks of $marks that are not in $others
 */
function marksMissingFrom(array $marks, array $others): array
{
    return array_values(array_filter($marks, static function (Mark $mark) use ($others): bool {
        foreach ($others as $other) {
            if ($mark->equals($other)) {
                return false;
            }
        }
        return true;
    }));
}

function printResult(HelperResult $result): int
{
    echo $result->stdout;
    fwrite(STDERR, $result->stderr);

    return $result->exitCode;
}

function usageError(string $problem): int
{
    fwrite(STDERR, 'engine: ' . $problem . "\n" . USAGE . "\n");

    return 2;
}
