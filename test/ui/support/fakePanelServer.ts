/** A fake of the extension's JSON API behind a replaced global fetch, recording every request. */

export interface RecordedRequest {
  method: string;
  call: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

export type FakeAnswer =
  | { status?: number; json: unknown }
  | { status?: number; text: string }
  | { networkError: string };

type Handler = (request: RecordedRequest) => FakeAnswer | Promise<FakeAnswer>;

export const API_ROOT = '/modules/m365-split-delivery/api/';

export function success(data: unknown): FakeAnswer {
  return { json: { status: 'success', data } };
}

export function failure(code: string, message: string, status = 200, field?: string): FakeAnswer {
  const error = field === undefined ? { code, message } : { code, message, field };
  return { status, json: { status: 'error', errors: [error] } };
}

/** A promise the test resolves later, to look at the screen while a call is under way. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export class FakePanelServer {
  readonly requests: RecordedRequest[] = [];
  private readonly handlers = new Map<string, Handler>();

  /** Answers `METHOD call` with a fixed answer or a function of the request. */
  on(method: 'GET' | 'POST', call: string, answer: FakeAnswer | Handler): this {
    this.handlers.set(`${method} ${call}`, typeof answer === 'function' ? answer : () => answer);
    return this;
  }

  requestsTo(method: string, call: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.call === call);
  }

  install(): void {
    globalThis.fetch = ((input: string, init: RequestInit = {}) => this.answer(input, init)) as typeof fetch;
  }

  private async answer(input: string, init: RequestInit): Promise<Response> {
    const url = new URL(input, 'https://panel.example.net');
    if (!url.pathname.startsWith(API_ROOT)) {
      throw new Error(`fake server: request outside the API: ${input}`);
    }
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      call: url.pathname.slice(API_ROOT.length),
      query: url.searchParams,
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    this.requests.push(request);

    const handler = this.handlers.get(`${request.method} ${request.call}`);
    const answer = handler
      ? await handler(request)
      : { status: 404, text: `fake server: no handler for ${request.method} ${request.call}` };
    if ('networkError' in answer) {
      throw new TypeError(answer.networkError);
    }
    const status = answer.status ?? 200;
    const body = 'json' in answer ? JSON.stringify(answer.json) : answer.text;
    // Only what the API module reads of a Response.
    return { ok: status >= 200 && status < 300, status, text: async () => body } as Response;
  }
}
