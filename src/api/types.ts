// The shapes of the JSON API's answers (issue 3's table of calls is the contract).

export type DomainId = number;

export type DomainState = 'in-sync' | 'pending' | 'attention';

/** Server-side sort orders of GET domains; a leading '-' sorts descending. */
export type DomainSort = 'name' | '-name' | 'routed' | '-routed' | 'state' | '-state';

export interface DomainQuery {
  search: string;
  /** 1-based. */
  page: number;
  pageSize: number;
  sort: DomainSort;
}

export interface DomainSummary {
  id: DomainId;
  name: string;
  nextHop: string | null;
  routed: number;
  total: number;
  state: DomainState;
}

export interface DomainPage {
  items: DomainSummary[];
  total: number;
}

/** A reason given by the server, in words the user can read. */
export interface ServerNote {
  code: string;
  message: string;
}

export type AccountKind = 'mailbox' | 'forwarding';

export interface MailAccount {
  id: number;
  address: string;
  kind: AccountKind;
  /** Full alias addresses: Postfix rewrites them to this account before routing. */
  aliases: string[];
  routed: boolean;
  warning?: ServerNote;
}

export interface DomainDetail {
  id: DomainId;
  name: string;
  nextHop: string | null;
  nextHopGuess: string | null;
  /** null: the server could not check. */
  nextHopResolves: boolean | null;
  state: DomainState;
  accounts: MailAccount[];
}

export interface RouteChangeRequest {
  domainId: DomainId;
  addresses: string[];
  routed: boolean;
}

export interface RouteResult {
  address: string;
  /** What is really in force after the change. */
  routed: boolean;
  error?: ServerNote;
}

export interface RouteChange {
  results: RouteResult[];
  state: DomainState;
}

export interface SavedNextHop {
  nextHop: string | null;
  resolves: boolean | null;
}

export type MapIndexState = 'fresh' | 'stale' | 'missing';

export interface LastApply {
  /** ISO 8601. */
  at: string;
  ok: boolean;
  message: string;
}

export interface TransportMapStatus {
  first: boolean;
  path: string;
  type: string;
  routes: number;
  sha256: string;
  index: MapIndexState;
  lastApply: LastApply | null;
}

export interface ServerIdentity {
  hostname: string;
  addresses: string[];
}
