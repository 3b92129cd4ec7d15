<?php

// Times the PHP planner and renderer for one domain whose N mailboxes are all marked, and
// prints the time and the peak memory of this process. Run by `npm run bench`.

declare(strict_types=1);

require __DIR__ . '/../../plib/library/autoload.php';

use PleskExt\M365SplitDelivery\Mail\AccountKind;
use PleskExt\M365SplitDelivery\Mail\MailAccount;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectory;
use PleskExt\M365SplitDelivery\Mail\MailDomain;
use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Routing\Planner;
use PleskExt\M365SplitDelivery\Routing\TransportMapRenderer;
use PleskExt\M365SplitDelivery\Store\RoutingStore;

$count = (int) ($argv[1] ?? 0);
if ($count < 1) {
    fwrite(STDERR, "usage: php planner.php ROUTES\n");
    exit(2);
}

$accounts = [];
$marks = [];
for ($i = 0; $i < $count; $i++) {
    $localPart = sprintf('user%06d', $i);
    $accounts[] = new MailAccount($i + 1, $localPart, AccountKind::Mailbox, []);
    $marks[] = new Mark($i + 1, $localPart);
}

$directory = new class (new MailDomain(1, 'example.com', $accounts)) implements MailboxDirectory {
    public function __construct(private readonly MailDomain $domain)
    {
    }

    public function domain(int $domainId): MailDomain
    {
        return $this->domain;
    }
};

$store = new class ($marks) implements RoutingStore {
    /** @param list<Mark> $marks */
    public function __construct(private array $marks)
    {
    }

    public function nextHop(int $domainId): ?string
    {
        return 'example-com.mail.protection.outlook.com';
    }

    public function setNextHop(int $domainId, ?string $host): void
    {
    }

    public function marks(int $domainId): array
    {
        return $this->marks;
    }

    public function addMark(int $domainId, Mark $mark): void
    {
    }

    public function removeMark(int $domainId, Mark $mark): void
    {
    }

    public function domainIdsWithMarks(): array
    {
        return [1];
    }
};

// The accounts and marks stand for what Plesk and the store hand over; the planner's own
// memory is what it takes above them.
$inputBytes = memory_get_usage();
memory_reset_peak_usage();
$started = hrtime(true);
$plan = (new Planner($directory))->plan($store);
$text = (new TransportMapRenderer())->render($plan->routes);
$elapsed = (hrtime(true) - $started) / 1e6;

printf(
    "%7d routes  plan + render %8.1f ms  planner peak %6.1f MiB above its input of %5.1f MiB"
        . "  (map %.1f MiB)\n",
    count($plan->routes),
    $elapsed,
    (memory_get_peak_usage() - $inputBytes) / 1048576,
    $inputBytes / 1048576,
    strlen($text) / 1048576
);
