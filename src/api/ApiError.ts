/** Every failure of a JSON API call, with the message the user sees. */

/** Where the call failed: before an answer, at HTTP, in parsing, or as the server's refusal. */
export type ApiFailureKind = 'network' | 'http' | 'invalid-json' | 'server';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly kind: ApiFailureKind,
    /** The server's stable error code (`forbidden`, `invalid-next-hop`, …) or the kind. */
    readonly code: string,
    /** The request field the server blamed, when it named one. */
    readonly field: string | undefined = undefined,
    readonly httpStatus: number | undefined = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
