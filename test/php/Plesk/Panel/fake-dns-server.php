<?php

// A fake DNS server for DnsHostResolverTest, run inside a network namespace of the test's own:
// answers UDP queries on 127.0.0.1:53 with a fixed outcome per name, and prints "ready" once
// it listens. Names not listed get no answer at all (the resolver times out).

declare(strict_types=1);

const NOERROR = 0;
const SERVFAIL = 2;
const NXDOMAIN = 3;
const REFUSED = 5;
const TYPE_A = 1;
const TYPE_AAAA = 28;

/** name → [rcode, [query type → address record data]]; null for a query type: no answer */
const ZONE = [
    'example-com.mail.protection.outlook.com' => [NOERROR, [TYPE_A => "\xc0\x00\x02\x19"]],
    'v6only-com.mail.protection.outlook.com' => [
        NOERROR,
        [TYPE_AAAA => "\x20\x01\x0d\xb8" . "\0\0\0\0\0\0\0\0\0\0\0\x19"],
    ],
    'v4silent-com.mail.protection.outlook.com' => [
        NOERROR,
        [TYPE_A => null, TYPE_AAAA => "\x20\x01\x0d\xb8" . "\0\0\0\0\0\0\0\0\0\0\0\x19"],
    ],
    'nosuchtenant-com.mail.protection.outlook.com' => [NXDOMAIN, []],
    'noaddress-com.mail.protection.outlook.com' => [NOERROR, []],
    'servfail-com.mail.protection.outlook.com' => [SERVFAIL, []],
    'refused-com.mail.protection.outlook.com' => [REFUSED, []],
];

$socket = stream_socket_server('udp://127.0.0.1:53', $errno, $error, STREAM_SERVER_BIND);
if ($socket === false) {
    fwrite(STDERR, "fake-dns-server: cannot listen on 127.0.0.1:53: $error\n");
    exit(1);
}
echo "ready\n";

while (true) {
    $query = stream_socket_recvfrom($socket, 512, 0, $peer);
    if ($query === false || strlen($query) < 17) {
        continue;
    }

    $labels = [];
    $at = 12;
    while ($at < strlen($query) && ($length = ord($query[$at])) !== 0) {
        $labels[] = substr($query, $at + 1, $length);
        $at += $length + 1;
    }
    $type = (int) (unpack('n', substr($query, $at + 1, 2))[1] ?? 0);
    $question = substr($query, 12, $at + 5 - 12);
    $name = strtolower(implode('.', $labels));

    if (!isset(ZONE[$name])) {
        continue;
    }
    [$rcode, $records] = ZONE[$name];
    if (array_key_exists($type, $records) && $records[$type] === null) {
        continue;
    }

    $answer = '';
    if (isset($records[$type])) {
        // The name as a pointer to the question (offset 12), class IN, a TTL of 60 seconds.
        $answer = "\xc0\x0c" . pack('nnNn', $type, 1, 60, strlen($records[$type]))
            . $records[$type];
    }
    // A response (QR), recursion desired and available, one question, at most one answer.
    $counts = pack('nnnnn', 0x8180 | $rcode, 1, $answer === '' ? 0 : 1, 0, 0);
    $header = substr($query, 0, 2) . $counts;
    stream_socket_sendto($socket, $header . $question . $answer, 0, $peer);
}
