/** What a change of routes left behind, per address: the state in force and any refusal. */
import type { MailAccount, RouteResult } from '../api/types';

export type RouteOutcome =
  | { kind: 'applying' }
  | { kind: 'done'; routed: boolean }
  | { kind: 'refused'; message: string };

/** The accounts with `routed` taken from the server's results: what is really in force. */
export function accountsAfter(accounts: MailAccount[], results: RouteResult[]): MailAccount[] {
  const inForce = new Map(results.map((r) => [r.address, r.routed]));
  return accounts.map((a) => {
    const routed = inForce.get(a.address);
    return routed === undefined ? a : { ...a, routed };
  });
}

export function outcomesOf(results: RouteResult[]): Record<string, RouteOutcome> {
  return Object.fromEntries(
    results.map((r): [string, RouteOutcome] => [
      r.address,
      r.error ? { kind: 'refused', message: r.error.message } : { kind: 'done', routed: r.routed },
    ]),
  );
}
