/** API answers for the UI tests, shaped as issue 3's table of calls says. */
import type {
  DomainDetail,
  DomainSummary,
  ServerIdentity,
  TransportMapStatus,
} from '../../../src/api/types';

export const exampleCom: DomainSummary = {
  id: 1,
  name: 'example.com',
  nextHop: 'example-com.mail.protection.outlook.com',
  routed: 2,
  total: 4,
  state: 'in-sync',
};

export const exampleOrg: DomainSummary = {
  id: 2,
  name: 'example.org',
  nextHop: null,
  routed: 0,
  total: 1,
  state: 'attention',
};

export const exampleNet: DomainSummary = {
  id: 3,
  name: 'example.net',
  nextHop: 'example-net.mail.protection.outlook.com',
  routed: 1,
  total: 3,
  state: 'pending',
};

export function exampleComDetail(): DomainDetail {
  return {
    id: 1,
    name: 'example.com',
    nextHop: 'example-com.mail.protection.outlook.com',
    nextHopGuess: 'example-com.mail.protection.outlook.com',
    nextHopResolves: true,
    state: 'in-sync',
    accounts: [
      { id: 11, address: 'alice@example.com', kind: 'mailbox', aliases: [], routed: false },
      {
        id: 12,
        address: 'bob@example.com',
        kind: 'mailbox',
        aliases: ['sales@example.com'],
        routed: true,
      },
      { id: 13, address: 'carol@example.com', kind: 'mailbox', aliases: [], routed: true },
      {
        id: 14,
        address: 'info@example.com',
        kind: 'forwarding',
        aliases: [],
        routed: false,
        warning: {
          code: 'forwarding-only',
          message: 'info@example.com has no mailbox (it only forwards): it cannot be routed.',
        },
      },
    ],
  };
}

export function exampleOrgDetail(): DomainDetail {
  return {
    id: 2,
    name: 'example.org',
    nextHop: null,
    nextHopGuess: 'example-org.mail.protection.outlook.com',
    nextHopResolves: null,
    state: 'attention',
    accounts: [{ id: 21, address: 'dave@example.org', kind: 'mailbox', aliases: [], routed: false }],
  };
}

export const server: ServerIdentity = {
  hostname: 'plesk.example.net',
  addresses: ['203.0.113.10', '10.0.0.5', '2001:db8::10', 'fe80::1'],
};

export const mapStatus: TransportMapStatus = {
  first: true,
  path: '/etc/postfix/m365-split-delivery/transport',
  type: 'hash',
  routes: 2,
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  index: 'fresh',
  lastApply: { at: '2025-12-04T15:49:00Z', ok: true, message: 'map applied: 2 routes' },
};
