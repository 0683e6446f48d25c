import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { errorSchema } from './api-schemas.ts'

// One endpoint of /api/v1 as data: its address, its parameters and its response schema, beside the
// function that answers it. api.routes.ts registers each with Fastify and openapi.ts describes each
// in the OpenAPI document, from the same object, so the two cannot drift apart.

export type ApiErrorCode = z.output<typeof errorSchema>['error']

/** An answer other than 200, in the one error shape ({ error, message, details }). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: string[],
  ) {
    super(message)
  }
}

export const notFound = () => new ApiError(404, 'not_found', 'Det finns inget här.')

// biome-ignore lint/complexity/noBannedTypes: an endpoint without parameters has an empty shape
type NoShape = z.ZodObject<{}>

export interface EndpointSpec<P extends z.ZodObject, Q extends z.ZodObject, R extends z.ZodType> {
  /** A stable name for generated clients: listCommittees. */
  operationId: string
  /** The address under /api/v1, with {name} for path parameters: /committees/{committee}. */
  path: string
  /** The group on the documentation page and in the OpenAPI document. */
  tag: string
  /** One line in Swedish, shown on /api. */
  summary: string
  description?: string
  /** Path parameters; one that does not parse answers 404 (nothing can be there). */
  params?: P
  /** Query parameters; one that does not parse answers 400 naming it. */
  query?: Q
  /** The 200 answer: a schema registered with `named` (api-schemas.ts). */
  response: R
  /** Reads and presents; undefined answers 404. */
  handle(
    request: FastifyRequest,
    input: { params: z.output<P>; query: z.output<Q> },
  ): Promise<z.input<R> | undefined>
}

/** An endpoint with its types erased, as the registry and the OpenAPI builder hold it. */
export interface Endpoint {
  operationId: string
  path: string
  tag: string
  summary: string
  description?: string
  params?: z.ZodObject
  query?: z.ZodObject
  response: z.ZodType
  handle(request: FastifyRequest, input: { params: unknown; query: unknown }): Promise<unknown>
}

/** Declares an endpoint; the types of `handle` follow from its schemas. */
export function endpoint<
  R extends z.ZodType,
  P extends z.ZodObject = NoShape,
  Q extends z.ZodObject = NoShape,
>(spec: EndpointSpec<P, Q, R>): Endpoint {
  return spec as unknown as Endpoint
}

/** Fastify's form of an OpenAPI path: /committees/{committee} -> /committees/:committee. */
export const routePathOf = (path: string) => path.replace(/\{(\w+)\}/g, ':$1')

/** Sends JSON; the caching hook adds the ETag to a 200 as for every public GET. */
export const sendJson = (reply: FastifyReply, status: number, body: unknown) =>
  reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body))

function readInput(schema: z.ZodObject | undefined, value: unknown, where: 'path' | 'query') {
  if (!schema) return {}
  const parsed = schema.safeParse(value ?? {})
  if (parsed.success) return parsed.data
  if (where === 'path') throw notFound()
  throw new ApiError(
    400,
    'invalid_input',
    'En parameter kunde inte läsas.',
    parsed.error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`),
  )
}

/** Registers the endpoint's GET route: parameters parsed, the answer parsed by its schema before it leaves. */
export function registerEndpoint(app: FastifyInstance, spec: Endpoint) {
  app.get(routePathOf(spec.path), async (request, reply) => {
    const params = readInput(spec.params, request.params, 'path')
    const query = readInput(spec.query, request.query, 'query')
    const result = await spec.handle(request, { params, query })
    if (result === undefined) throw notFound()
    // The schema strips any field it does not declare and fails (500) on one it does not expect.
    return sendJson(reply, 200, spec.response.parse(result))
  })
}
