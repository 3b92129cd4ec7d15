/** The rows of the accounts list: each account, then each of its aliases as a row of its own. */
import type { AccountKind, MailAccount, ServerNote } from '../api/types';

export interface AccountRow {
  /** The address: unique within a domain, and what a change of routes names. */
  key: string;
  address: string;
  kind: AccountKind | 'alias';
  /** For an alias, the mailbox Postfix rewrites it to; null for an account. */
  aliasOf: string | null;
  routed: boolean;
  warning: ServerNote | null;
}

/**
 * Aliases get rows so that they can be tried like any address. Postfix rewrites an alias before
 * the transport lookup, so an alias itself is never routed: its switch is off.
 */
export function accountRows(accounts: MailAccount[]): AccountRow[] {
  return accounts.flatMap((account): AccountRow[] => [
    {
      key: account.address,
      address: account.address,
      kind: account.kind,
      aliasOf: null,
      routed: account.routed,
      warning: account.warning ?? null,
    },
    ...account.aliases.map((alias): AccountRow => ({
      key: alias,
      address: alias,
      kind: 'alias',
      aliasOf: account.address,
      routed: false,
      warning: null,
    })),
  ]);
}
