<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Api;

use PleskExt\M365SplitDelivery\Mail\AccountKind;
use PleskExt\M365SplitDelivery\Mail\MailDomain;
use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Sync\AccountWarning;

/**
 * The warning beside each account of one domain's page, in the planner's own words (as the last
 * rebuild recorded them): why a mark gives no route, and for every forwarding-only account that
 * it cannot be routed at all.
 */
final class AccountWarnings
{
    /**
     * @param list<AccountWarning> $planWarnings the domain's warnings of the last rebuild
     * @param list<Mark> $marks the domain's marks
     * @return array<int, array{code: string, message: string}> keyed by account id
     */
    public static function of(MailDomain $domain, array $planWarnings, array $marks): array
    {
        $warnings = [];
        foreach ($domain->accounts as $account) {
            $own = array_map(
                static fn (string $localPart): string => $localPart . '@' . $domain->name,
                array_merge([$account->localPart], $account->aliases)
            );
            $marked = self::isMarked($account->id, $account->localPart, $marks);

            foreach ($planWarnings as $warning) {
                // A warning about the whole domain (no next hop) concerns each marked account.
                $concerns = $warning->address === null
                    ? $marked
                    : in_array($warning->address, $own, true);
                if ($concerns) {
                    $warnings[$account->id] = [
                        'code' => $warning->code,
                        'message' => $warning->message,
                    ];
                    break;
                }
            }

            if ($account->kind === AccountKind::Forwarding && !isset($warnings[$account->id])) {
                $warnings[$account->id] = [
                    'code' => 'forwarding-only',
                    'message' => $own[0] . ' has no mailbox (it only forwards): an address '
                        . 'without a mailbox is rejected before routing, so it cannot be routed',
                ];
            }
        }

        return $warnings;
    }

    /** @param list<Mark> $marks */
    private static function isMarked(int $accountId, string $localPart, array $marks): bool
    {
        foreach ($marks as $mark) {
            if ($mark->accountId === $accountId || $mark->localPart === $localPart) {
                return true;
            }
        }

        return false;
    }
}
