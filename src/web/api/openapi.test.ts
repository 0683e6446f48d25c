import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import SwaggerParser from '@apidevtools/swagger-parser'
import { z } from 'zod'
import { apiRateLimit } from './api.routes.tsx'
import { endpoint } from './api-endpoint.ts'
import { apiEndpoints } from './api-endpoints.ts'
import { named } from './api-schemas.ts'
import { buildOpenApiDocument } from './openapi.ts'

describe('the OpenAPI document of /api/v1', () => {
  const document = buildOpenApiDocument(apiEndpoints, apiRateLimit)

  it('is a valid OpenAPI 3.1 document (a real validator, every $ref resolved)', async () => {
    // The validator dereferences in place: give it a copy.
    const validated = await SwaggerParser.validate(structuredClone(document) as never)
    assert.equal((validated as { openapi: string }).openapi, '3.1.0')
  })

  it('describes every endpoint that is served, once, each with a named response schema', () => {
    const ids = apiEndpoints.map((e) => e.operationId)
    assert.equal(new Set(ids).size, ids.length)
    assert.deepEqual(Object.keys(document.paths).sort(), apiEndpoints.map((e) => e.path).sort())
    for (const e of apiEndpoints) {
      const ok = document.paths[e.path]?.get.responses as Record<string, { content?: unknown }>
      assert.ok(ok?.['200']?.content, e.path)
      assert.ok(ok['429'] && ok['404'], e.path)
    }
    assert.ok(document.components.schemas.Error)
    assert.ok(document.components.schemas.Minutes)
  })

  it('bounds every page size at 100 and names the cursor and page parameters', () => {
    for (const e of apiEndpoints) {
      const parameters = (document.paths[e.path]?.get.parameters ?? []) as { name: string; schema: Json }[]
      const limit = parameters.find((p) => p.name === 'limit')
      if (limit) assert.equal(limit.schema.maximum, 100, e.path)
    }
    const meetings = document.paths['/meetings']?.get.parameters as { name: string }[]
    assert.deepEqual(
      meetings.map((p) => p.name),
      ['from', 'to', 'cursor', 'limit'],
    )
  })

  it('takes a new endpoint with its schema in one line (as the change feed will be added)', async () => {
    const changes = endpoint({
      operationId: 'listExampleChanges',
      path: '/example-changes',
      tag: 'Ändringar',
      summary: 'Test.',
      query: z.object({ after: z.string().optional() }),
      response: named('ExampleChangeList', z.object({ data: z.array(z.object({ type: z.string() })) })),
      handle: async () => ({ data: [] }),
    })
    const extended = buildOpenApiDocument([...apiEndpoints, changes], apiRateLimit)
    assert.deepEqual((extended.paths['/example-changes']?.get.responses as Json | undefined)?.['200'], {
      description: 'OK',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ExampleChangeList' } } },
    })
    await SwaggerParser.validate(structuredClone(extended) as never)
  })
})

type Json = Record<string, unknown>
