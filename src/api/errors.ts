import { l10n } from '../util/l10n';

export type ApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'rateLimited'
  | 'server'
  | 'badRequest'
  | 'network'
  | 'timeout'
  | 'invalidResponse'
  | 'configuration'
  | 'aborted';

/** A failure of a DigitalOcean API call, with a message meant for the user. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly details: { readonly status?: number; readonly requestId?: string; readonly retryAt?: number } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get status(): number | undefined {
    return this.details.status;
  }

  get requestId(): string | undefined {
    return this.details.requestId;
  }

  /** The message with the API's request id, for support tickets. */
  get fullMessage(): string {
    return this.requestId ? l10n.t('{0} (request id {1})', this.message, this.requestId) : this.message;
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof ApiError && error.kind === 'aborted';
}
