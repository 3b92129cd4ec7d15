<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Support;

use PleskExt\M365SplitDelivery\Mail\AccountKind;
use PleskExt\M365SplitDelivery\Mail\MailAccount;
use PleskExt\M365SplitDelivery\Mail\MailDomain;

/**
 * The mail accounts of test/fixtures/plesk/ (and of the sandbox's demo data): alice, bob (alias
 * sales) and carol have mailboxes at example.com, info@ only forwards; dave is at example.org.
 */
final class PleskFixtureAccounts
{
    /** example.com, domain id 1, without the accounts whose ids are given. */
    public static function exampleCom(int ...$without): MailDomain
    {
        $accounts = [
            11 => new MailAccount(11, 'alice', AccountKind::Mailbox, []),
            12 => new MailAccount(12, 'bob', AccountKind::Mailbox, ['sales']),
            13 => new MailAccount(13, 'carol', AccountKind::Mailbox, []),
            14 => new MailAccount(14, 'info', AccountKind::Forwarding, []),
        ];

        return new MailDomain(1, 'example.com', array_values(array_diff_key(
            $accounts,
            array_flip($without)
        )));
    }

    /** example.org, domain id 2. */
    public static function exampleOrg(): MailDomain
    {
        return new MailDomain(2, 'example.org', [
            new MailAccount(21, 'dave', AccountKind::Mailbox, []),
        ]);
    }
}
