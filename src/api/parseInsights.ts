import { isDay } from './days';
import { ApiError } from './errors';
import { invalid, isObject, text } from './parse';
import { AccountInfo, InsightsDataPoint, InsightsPage, Team } from './types';
import { l10n } from '../util/l10n';

// Like parse.ts on structure (an object where one is documented, a list where a list is) and
// on values (a malformed amount is kept as text). A data point that cannot be placed on a day
// is left out, counted and named, instead of failing the page: the rest of the page is good.

/** Team uuids come as 40 hex digits (GET /v2/account's example) and as dashed UUIDs (the insights' example). */
const TEAM_UUID = /^(?:[0-9a-f]{40}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export function isTeamUuid(value: string): boolean {
  return TEAM_UUID.test(value);
}

export function teamUrn(uuid: string): string {
  return `do:team:${uuid}`;
}

function parseTeam(value: unknown, status: number): Team | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!isObject(value)) {
    throw invalid(l10n.t('the account\'s team is not an object'), status);
  }
  const uuid = text(value.uuid).trim();
  if (uuid === '') {
    return undefined; // as in a personal context
  }
  if (!isTeamUuid(uuid)) {
    // It goes into a request path: only a uuid of a known shape is used.
    throw invalid(l10n.t('the team\'s uuid "{0}" is neither 40 hex digits nor a UUID', uuid.slice(0, 60)), status);
  }
  return { uuid, name: text(value.name), urn: teamUrn(uuid) };
}

export function parseAccount(body: unknown, status = 200): AccountInfo {
  if (!isObject(body) || !isObject(body.account)) {
    throw invalid(l10n.t('the account is missing'), status);
  }
  const account = body.account;
  return { uuid: text(account.uuid), email: text(account.email), status: text(account.status), team: parseTeam(account.team, status) };
}

/** A count of the paging envelope: an integer >= 0, sent as a number or as a string of digits. */
function count(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{1,9}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(number) && number >= 0 ? number : undefined;
}

/** A date as 'YYYY-MM-DD', or the day of a date-time that starts with one. */
function dayOfValue(value: unknown): string | undefined {
  const raw = typeof value === 'string' ? value.trim() : '';
  const day = raw.slice(0, 10);
  return isDay(day) && (raw.length === 10 || /^[T ]/.test(raw.slice(10))) ? day : undefined;
}

export function parseInsightsPage(body: unknown, status = 200): InsightsPage {
  if (!isObject(body) || !Array.isArray(body.data_points)) {
    throw invalid(l10n.t('the list of data points is missing'), status);
  }
  const dataPoints: InsightsDataPoint[] = [];
  let notObjects = 0;
  let withoutDay = 0;
  for (const record of body.data_points as unknown[]) {
    if (!isObject(record)) {
      notObjects++;
      continue;
    }
    const day = dayOfValue(record.start_date);
    if (!day) {
      withoutDay++;
      continue;
    }
    dataPoints.push({
      day,
      amount: text(record.total_amount),
      region: text(record.region),
      sku: text(record.sku),
      description: text(record.description),
      groupDescription: text(record.group_description),
      usageTeamUrn: text(record.usage_team_urn),
    });
  }
  const problems: string[] = [];
  if (notObjects > 0) {
    problems.push(l10n.t('{0} data points were not objects and are not counted.', notObjects));
  }
  if (withoutDay > 0) {
    problems.push(l10n.t('{0} data points have no readable day (start_date) and are not counted.', withoutDay));
  }
  return {
    dataPoints,
    totalItems: count(body.total_items),
    totalPages: count(body.total_pages),
    currentPage: count(body.current_page),
    problems,
    leftOut: notObjects + withoutDay,
  };
}

/** The error for a token without `account:read`: says which scope to add, and where. */
export function missingAccountScope(cause: ApiError): ApiError {
  return new ApiError(
    'missingScope',
    l10n.t('The API token lacks the account:read scope, which daily spend needs to find your team (403 Forbidden). Add account:read to the token\'s scopes in the DigitalOcean control panel (API → Tokens), or create a token with billing:read and account:read.'),
    { ...cause.details, scope: 'account:read' },
  );
}

/** The error for a personal context: the insights are asked for by team. */
export function noTeam(): ApiError {
  return new ApiError(
    'noTeam',
    l10n.t('DigitalOcean names no team for this API token (a personal context), and daily spend is asked for by team. Use a token created in a team.'),
  );
}

export function rangeTooLong(start: string, end: string, days: number, maxDays: number, cause?: ApiError): ApiError {
  const apiSaid = cause?.details.apiMessage ? ` ${l10n.t('The API said: "{0}"', cause.details.apiMessage)}` : '';
  return new ApiError(
    'rangeTooLong',
    l10n.t('DigitalOcean gives daily spend for at most {0} days at a time; {1} to {2} is {3} days.', maxDays, start, end, days) + apiSaid,
    cause?.details ?? {},
  );
}
