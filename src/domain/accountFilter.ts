import type { MailAccount } from '../api/types';

/** Which accounts the list shows: all, those hosted at Microsoft 365, or those delivered here. */
export type AccountFilter = 'all' | 'routed' | 'local';

export function filterAccounts(accounts: MailAccount[], filter: AccountFilter): MailAccount[] {
  if (filter === 'all') {
    return accounts;
  }
  return accounts.filter((a) => a.routed === (filter === 'routed'));
}
