export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> & { code?: string } }>;
  };
}

/** POSTs one GraphQL operation over real HTTP, as a client would. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  operation: { query: string; variables?: Record<string, unknown>; operationName?: string },
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify(operation),
  });
  const text = await response.text();
  let body: GraphQLResponse<T>['body'];
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`Not a GraphQL response (HTTP ${response.status}): ${text.slice(0, 500)}`);
  }
  return { status: response.status, headers: response.headers, body };
}

/** The error codes of a response, in order. */
export function errorCodes(response: GraphQLResponse): string[] {
  return (response.body.errors ?? []).map((e) => String(e.extensions?.code));
}
