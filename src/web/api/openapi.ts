import { z } from 'zod'
import type { Endpoint } from './api-endpoint.ts'
import { apiBasePath, apiDocsPath, maxPageSize } from './api-links.ts'
import { apiSchemas, schemaDescriptions } from './api-schemas.ts'
import { apiVersion } from './index.endpoint.ts'

// The OpenAPI 3.1 document of /api/v1, built from the endpoints' own zod schemas (z.toJSONSchema,
// JSON Schema 2020-12 as OpenAPI 3.1 uses it): the schemas that parse every answer before it is
// sent are the ones described, so the description cannot drift from what is served.

type JsonSchema = Record<string, unknown>

export interface ParameterDescription {
  name: string
  in: 'path' | 'query'
  required: boolean
  description?: string
  schema: JsonSchema
}

const schemaRef = (id: string) => ({ $ref: `#/components/schemas/${id}` })

/** The id under which a response schema is named in components.schemas. */
export function schemaIdOf(schema: z.ZodType): string {
  const id = apiSchemas.get(schema)?.id
  if (!id) throw new Error('an /api/v1 response schema must be registered with named() in api-schemas.ts')
  return id
}

/** The parameters of an endpoint as OpenAPI describes them (also shown on the /api page). */
export function parametersOf(endpoint: Endpoint): ParameterDescription[] {
  const of = (shape: z.ZodObject | undefined, where: 'path' | 'query') =>
    Object.entries(shape?.shape ?? {}).map(([name, field]): ParameterDescription => {
      const {
        $schema: _,
        description,
        ...schema
      } = z.toJSONSchema(field as z.ZodType, {
        io: 'input',
        unrepresentable: 'any',
      }) as JsonSchema
      const required = where === 'path' || !(field as z.ZodType).safeParse(undefined).success
      return {
        name,
        in: where,
        required,
        ...(typeof description === 'string' ? { description } : {}),
        schema,
      }
    })
  return [...of(endpoint.params, 'path'), ...of(endpoint.query, 'query')]
}

function componentSchemas(): Record<string, JsonSchema> {
  const generated = z.toJSONSchema(apiSchemas, {
    io: 'output',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> }
  const schemas: Record<string, JsonSchema> = {}
  for (const [id, { $schema: _s, $id: _i, ...schema }] of Object.entries(generated.schemas)) {
    // z.toJSONSchema keeps the descriptions of the global registry only: named()'s are added here.
    const description = schemaDescriptions.get(id)
    schemas[id] = description && !schema.description ? { description, ...schema } : schema
  }
  return schemas
}

const errorContent = { 'application/json': { schema: schemaRef('Error') } }
const retryAfter = {
  'Retry-After': { description: 'Sekunder att vänta innan nästa anrop.', schema: { type: 'integer' } },
}

/** Builds the whole document; the server address is relative, so one document serves every host. */
export function buildOpenApiDocument(
  endpoints: readonly Endpoint[],
  rateLimit: { max: number; windowSeconds: number },
) {
  const paths: Record<string, { get: JsonSchema }> = {}
  for (const endpoint of endpoints) {
    const parameters = parametersOf(endpoint)
    paths[endpoint.path] = {
      get: {
        operationId: endpoint.operationId,
        tags: [endpoint.tag],
        summary: endpoint.summary,
        ...(endpoint.description ? { description: endpoint.description } : {}),
        ...(parameters.length > 0 ? { parameters } : {}),
        responses: {
          '200': {
            description: 'OK',
            content: { 'application/json': { schema: schemaRef(schemaIdOf(endpoint.response)) } },
          },
          ...(endpoint.query || endpoint.params
            ? { '400': { $ref: '#/components/responses/BadRequest' } }
            : {}),
          '404': { $ref: '#/components/responses/NotFound' },
          '429': { $ref: '#/components/responses/TooManyRequests' },
          '503': { $ref: '#/components/responses/Unavailable' },
        },
      },
    }
  }
  const tags = [...new Set(endpoints.map((e) => e.tag))].map((name) => ({ name }))
  return {
    openapi: '3.1.0',
    info: {
      title: 'Paragraf API',
      version: apiVersion,
      summary:
        'Nämndernas sammanträden, dagordningar, protokoll, omröstningar, personer, ärenden och anslagstavla som JSON.',
      description: [
        `Bara det som webbplatsen publicerar: en punkt eller paragraf med sekretess visar bara nummer och en neutral rubrik, en paragraf som inte är justerad finns inte, och personnummer är maskerade.`,
        `Listor läses en sida i taget (högst ${maxPageSize} poster); följ links.next. Högst ${rateLimit.max} anrop per ${rateLimit.windowSeconds} sekunder från en adress, sedan 429 med Retry-After.`,
        `Beskrivning på svenska: ${apiDocsPath}. Samma data som OParl 1.1: /oparl/v1.`,
      ].join('\n\n'),
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: apiBasePath }],
    tags,
    paths,
    components: {
      schemas: componentSchemas(),
      responses: {
        BadRequest: {
          description: 'En parameter kunde inte läsas; details säger vilken.',
          content: errorContent,
        },
        NotFound: { description: 'Finns inte, eller är inte offentligt.', content: errorContent },
        TooManyRequests: {
          description: 'För många anrop från samma adress.',
          headers: retryAfter,
          content: errorContent,
        },
        Unavailable: {
          description: 'Databasen svarar inte just nu.',
          headers: retryAfter,
          content: errorContent,
        },
      },
    },
  }
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>
