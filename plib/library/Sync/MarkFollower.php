<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sync;

use PleskExt\M365SplitDelivery\Mail\MailDomain;
use PleskExt\M365SplitDelivery\Routing\Mark;

/**
 * Keeps each mark's account id and local part true to the account it stands for: the local part
 * follows a rename (same id), the id follows a restore (same local part, old id gone). So a rename
 * followed by a restore still finds the account.
 */
final class MarkFollower
{
    /** @param list<Mark> $marks */
    public function follow(MailDomain $domain, array $marks): FollowedMarks
    {
        $byId = [];
        $byLocalPart = [];
        foreach ($domain->accounts as $account) {
            $byId[$account->id] = $account;
            $byLocalPart[$account->localPart] = $account;
        }

        $followed = [];
        $changes = [];
        foreach ($marks as $mark) {
            $account = $byId[$mark->accountId] ?? null;
            if ($account !== null && $account->localPart !== $mark->localPart) {
                $changes[] = 'the mark of ' . $mark->localPart . '@' . $domain->name
                    . ' follows its rename to ' . $account->localPart . '@' . $domain->name;
                $mark = new Mark($account->id, $account->localPart);
            } elseif ($account === null && isset($byLocalPart[$mark->localPart])) {
                $account = $byLocalPart[$mark->localPart];
                $changes[] = 'the mark of ' . $mark->localPart . '@' . $domain->name
                    . ' follows its new account id ' . $account->id . ' (was ' . $mark->accountId
                    . ', e.g. after a restore)';
                $mark = new Mark($account->id, $mark->localPart);
            }
            // Two marks may now stand for the same account: keep one.
            $followed[$mark->accountId . ' ' . $mark->localPart] = $mark;
        }

        return new FollowedMarks(array_values($followed), $changes);
    }
}
