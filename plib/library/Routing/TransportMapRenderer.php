<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Routing;

use PleskExt\M365SplitDelivery\Quote;

/**
 * Renders routes as the text of the Postfix transport map. The same routes give the same bytes
 * in any order (no timestamp, keys sorted bytewise), so an unchanged map is seen before any file
 * is written.
 */
final class TransportMapRenderer
{
    public const HEADER =
        "# Postfix transport map of Microsoft 365 Split Delivery (Plesk extension\n"
        . "# m365-split-delivery): the mailboxes hosted at Microsoft 365, each relayed to its\n"
        . "# domain's Exchange Online host. Generated from the extension's settings and\n"
        . "# overwritten on every change: edit the marks in Plesk, not this file.\n";

    /**
     * @param list<Route> $routes
     * @throws InvalidAddress|InvalidNextHop|DuplicateRoute for a route the map must never hold
     */
    public function render(array $routes): string
    {
        $lines = [];
        foreach ($routes as $route) {
            $this->check($route);
            if (isset($lines[$route->address])) {
                throw new DuplicateRoute(
                    'route ' . $route->address . ' is listed twice: one address has one next hop'
                );
            }
            // smtp:[host]:25 relays to that host without an MX lookup of the recipient's domain.
            $lines[$route->address] = $route->address . "\tsmtp:[" . $route->nextHop . "]:25\n";
        }

        ksort($lines, SORT_STRING);

        return self::HEADER . implode('', $lines);
    }

    private function check(Route $route): void
    {
        $problem = RouteGrammar::keyProblem($route->address);
        if ($problem !== null) {
            throw new InvalidAddress(
                'route ' . Quote::value($route->address) . ' is not an exact address: ' . $problem
            );
        }

        if (!RouteGrammar::isHost($route->nextHop)) {
            // An empty host would render as `smtp:`: the domain's own MX, this server, a loop.
            throw new InvalidNextHop(
                'route ' . $route->address . ': ' . NextHop::notAHost($route->nextHop)
            );
        }
    }
}
