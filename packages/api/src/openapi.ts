import { z } from 'zod';
import { errorStatus } from './api-error';
import { routeScope, type RouteSpec } from './route-spec';

const jsonSchemaOf = (schema: z.ZodType): Record<string, unknown> => {
  try {
    return z.toJSONSchema(schema, {
      io: 'input',
      unrepresentable: 'any',
      cycles: 'ref',
      reused: 'inline',
    }) as Record<string, unknown>;
  } catch {
    return { type: 'object' };
  }
};

const errorResponse = { $ref: '#/components/responses/Error' };

const tokenText = (spec: RouteSpec) => {
  const scope = routeScope(spec);
  return scope === 'session'
    ? ' Not with an API token: sign in.'
    : ` With an API token: it needs the ${scope} scope.`;
};

const accessText = (spec: RouteSpec) =>
  spec.access === 'public'
    ? 'No authentication.'
    : (spec.access === 'user'
        ? 'Any signed-in user.'
        : `Members of the workspace with the ${spec.access} role or higher; others get 404.`) +
      tokenText(spec);

/** The OpenAPI 3.1 document, built from the same route table the router uses, so it cannot drift. */
export function buildOpenApi(routes: readonly RouteSpec[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const parameters: unknown[] = [...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (spec.query) {
      for (const [name, field] of Object.entries(spec.query.shape)) {
        parameters.push({ name, in: 'query', required: false, schema: jsonSchemaOf(field as z.ZodType) });
      }
    }
    const status = String(spec.success?.status ?? 200);
    const codes = new Set<number>([400, 500]);
    if (spec.access !== 'public') [401, 403].forEach((s) => codes.add(s));
    if (spec.access !== 'public' && spec.access !== 'user') codes.add(404);
    // Any body may be too large or hold a refused character; any write may meet a full disk (decision 0009).
    if (spec.body !== undefined || spec.errors?.includes('payload_too_large'))
      [413, 422].forEach((s) => codes.add(s));
    if (spec.method !== 'get') codes.add(507);
    for (const code of spec.errors ?? []) codes.add(errorStatus[code as keyof typeof errorStatus] ?? 422);
    paths[spec.path] ??= {};
    paths[spec.path]![spec.method] = {
      summary: spec.summary,
      description: `${accessText(spec)}${spec.errors?.length ? ` Error codes: ${spec.errors.join(', ')}.` : ''}`,
      tags: [spec.tag],
      operationId: `${spec.method}${spec.path.replace(/[{}]/g, '').replace(/[^a-zA-Z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
      parameters,
      ...(spec.access === 'public' ? { security: [] } : {}),
      ...(spec.body === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              content:
                spec.body === 'text'
                  ? {
                      'application/json': { schema: { type: 'string' } },
                      'application/yaml': { schema: { type: 'string' } },
                    }
                  : { 'application/json': { schema: jsonSchemaOf(spec.body) } },
            },
          }),
      responses: {
        [status]: {
          description: spec.success?.description ?? 'OK',
          content: { [spec.success?.mediaType ?? 'application/json']: {} },
        },
        ...Object.fromEntries([...codes].sort().map((c) => [String(c), errorResponse])),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Waymark API',
      version,
      description:
        'Customer journey maps for public services. JSON over HTTP. Browsers use the waymark_session cookie and must send x-csrf-token (from /api/auth/me) on every request that changes something; scripts send Authorization: Bearer wm_… (an API token of one workspace).',
    },
    servers: [{ url: '/' }],
    security: [{ session: [] }, { token: [] }],
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'waymark_session' },
        token: { type: 'http', scheme: 'bearer', description: 'A workspace API token, wm_…' },
      },
      responses: {
        Error: {
          description: 'An error: a stable lower_snake code, a message for people, and the field it is about',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['error'],
                properties: {
                  error: {
                    type: 'object',
                    required: ['code', 'message', 'path'],
                    properties: {
                      code: { type: 'string', enum: Object.keys(errorStatus) },
                      message: { type: 'string' },
                      path: { type: ['string', 'null'] },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
