// The API's error body: {id, message, request_id}.

export interface ErrorBody {
  id: string;
  message: string;
  request_id: string;
}

const KNOWN: Record<number, [id: string, message: string]> = {
  400: ['bad_request', 'error parsing request body'],
  401: ['unauthorized', 'Unable to authenticate you.'],
  403: ['forbidden', 'You are not authorized to perform this operation.'],
  404: ['not_found', 'The resource you requested could not be found.'],
  405: ['method_not_allowed', 'Method not allowed.'],
  409: ['conflict', 'The request could not be completed due to a conflict.'],
  422: ['unprocessable_entity', 'request payload validation failed'],
  429: ['too_many_requests', 'API Rate limit exceeded.'],
  500: ['server_error', 'Unexpected server-side error'],
  502: ['bad_gateway', 'Bad gateway.'],
  503: ['service_unavailable', 'The service is temporarily unavailable. Please try again later.'],
  504: ['gateway_timeout', 'The server did not respond in time.'],
};

export function errorBody(status: number, requestId: string): ErrorBody {
  const [id, message] = KNOWN[status] ?? (status >= 500 ? KNOWN[500] : ['error', `Request failed with status ${status}.`]);
  return { id, message, request_id: requestId };
}
