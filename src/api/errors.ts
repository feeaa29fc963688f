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
  | 'aborted'
  /** The token lacks a scope one call needs (details.scope names it); other calls still work. */
  | 'missingScope'
  /** The token acts for a person, not a team: there is no team for the billing insights. */
  | 'noTeam'
  /** Billing insights were asked for more days than DigitalOcean gives at once. */
  | 'rangeTooLong';

export interface ApiErrorDetails {
  readonly status?: number;
  readonly requestId?: string;
  readonly retryAt?: number;
  /** The `message` of the API's error body, as sent (truncated). */
  readonly apiMessage?: string;
  /** For 'missingScope': the scope to add, e.g. 'account:read'. */
  readonly scope?: string;
}

/** A failure of a DigitalOcean API call, with a message meant for the user. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly details: ApiErrorDetails = {},
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
