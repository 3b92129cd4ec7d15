/** The one client of the extension's JSON API: every call, every failure turned into ApiError. */
import type { MessageKey } from '../locales/en';
import type { Translate } from '../i18n/translate';
import { ApiError } from './ApiError';
import { forgeryToken } from './forgeryToken';
import type {
  DomainDetail,
  DomainId,
  DomainPage,
  DomainQuery,
  RouteChange,
  RouteChangeRequest,
  SavedNextHop,
  ServerIdentity,
  TransportMapStatus,
} from './types';

export interface PanelApi {
  domains(query: DomainQuery): Promise<DomainPage>;
  domain(id: DomainId): Promise<DomainDetail>;
  changeRoutes(change: RouteChangeRequest): Promise<RouteChange>;
  saveNextHop(domainId: DomainId, value: string): Promise<SavedNextHop>;
  status(): Promise<TransportMapStatus>;
  apply(): Promise<TransportMapStatus>;
  server(): Promise<ServerIdentity>;
}

type Call = 'domains' | 'domain' | 'routes' | 'next-hop' | 'status' | 'apply' | 'server';

/** What each call does, in the words of the message that says it failed. */
const ACTION: Record<Call, MessageKey> = {
  domains: 'api.action.domains',
  domain: 'api.action.domain',
  routes: 'api.action.routes',
  'next-hop': 'api.action.nextHop',
  status: 'api.action.status',
  apply: 'api.action.apply',
  server: 'api.action.server',
};

interface ServerErrorEntry {
  code?: unknown;
  message?: unknown;
  field?: unknown;
}

export function createPanelApi(
  baseUrl: string,
  t: Translate,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): PanelApi {
  const root = `${baseUrl.replace(/\/+$/, '')}/api/`;

  async function request<T>(
    method: 'GET' | 'POST',
    call: Call,
    query?: Record<string, string | number>,
    body?: unknown,
  ): Promise<T> {
    const action = t(ACTION[call]);
    const search = query ? `?${new URLSearchParams(stringValues(query)).toString()}` : '';
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'X-Forgery-Protection-Token': forgeryToken(),
    };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }

    let response: Response;
    try {
      response = await fetchImpl(`${root}${call}${search}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new ApiError(t('api.failure.network', { action, reason }), 'network', 'network');
    }

    const text = await response.text().catch(() => '');
    const answer = parseJson(text);
    const serverError = answer === undefined ? undefined : errorFromAnswer(answer, action, t);
    if (serverError) {
      throw new ApiError(
        serverError.message,
        'server',
        serverError.code,
        serverError.field,
        response.status,
      );
    }
    if (!response.ok) {
      const message = t('api.failure.http', { action, status: response.status });
      throw new ApiError(message, 'http', 'http', undefined, response.status);
    }
    if (answer === undefined) {
      const message = t('api.failure.invalidJson', { action });
      throw new ApiError(message, 'invalid-json', 'invalid-json', undefined, response.status);
    }
    if (!isSuccess(answer)) {
      const message = t('api.failure.unexpected', { action });
      throw new ApiError(message, 'invalid-json', 'invalid-json', undefined, response.status);
    }
    return answer.data as T;
  }

  return {
    domains: (q) =>
      request('GET', 'domains', {
        search: q.search,
        page: q.page,
        pageSize: q.pageSize,
        sort: q.sort,
      }),
    domain: (id) => request('GET', 'domain', { id }),
    changeRoutes: (change) => request('POST', 'routes', undefined, change),
    saveNextHop: (domainId, value) => request('POST', 'next-hop', undefined, { domainId, value }),
    status: () => request('GET', 'status'),
    apply: () => request('POST', 'apply', undefined, {}),
    server: () => request('GET', 'server'),
  };
}

function stringValues(query: Record<string, string | number>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).map(([key, value]) => [key, String(value)]));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON: the caller reports the HTTP status or the invalid answer instead.
    return undefined;
  }
}

function isSuccess(answer: unknown): answer is { status: 'success'; data: unknown } {
  return typeof answer === 'object' && answer !== null
    && (answer as { status?: unknown }).status === 'success'
    && 'data' in answer;
}

/** The server's own error, when the answer is `{"status":"error","errors":[…]}`. */
function errorFromAnswer(
  answer: unknown,
  action: string,
  t: Translate,
): { message: string; code: string; field: string | undefined } | undefined {
  if (typeof answer !== 'object' || answer === null) {
    return undefined;
  }
  const { status, errors } = answer as { status?: unknown; errors?: unknown };
  if (status !== 'error') {
    return undefined;
  }
  const entries: ServerErrorEntry[] = Array.isArray(errors)
    ? errors.filter((e): e is ServerErrorEntry => typeof e === 'object' && e !== null)
    : [];
  const first = entries[0];
  const code = typeof first?.code === 'string' ? first.code : 'error';
  const field = typeof first?.field === 'string' ? first.field : undefined;
  const messages = entries
    .map((e) => (typeof e.message === 'string' ? e.message.trim() : ''))
    .filter((m) => m !== '');
  const message = messages.length > 0
    ? messages.join(' ')
    : t('api.failure.noMessage', { action, code });
  return { message, code, field };
}
