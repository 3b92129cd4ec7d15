<?php

// Asks DnsHostResolver, with its default DNS query, about each host named on the command line
// and prints a JSON object host → true, false or null. Run by DnsHostResolverTest inside a
// network namespace whose resolv.conf names its fake DNS server.

declare(strict_types=1);

use PleskExt\M365SplitDelivery\Plesk\Panel\DnsHostResolver;

require dirname(__DIR__, 4) . '/plib/library/autoload.php';

$resolver = new DnsHostResolver();
$answers = [];
foreach (array_slice($argv, 1) as $host) {
    $answers[$host] = $resolver->resolves($host);
}
echo json_encode($answers, JSON_THROW_ON_ERROR), "\n";
