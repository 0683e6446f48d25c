import assert from 'node:assert/strict'
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'

// Checks an /api/v1 answer against the OpenAPI document the server itself serves: the operation
// is found by its path template, the response by its status, and the body is validated with a
// real JSON Schema 2020-12 validator (ajv), the dialect of OpenAPI 3.1.

type Json = Record<string, unknown>

export interface OpenApiCheck {
  /** Asserts that the answer to `url` is what the document says for its operation and status. */
  assertValid(url: string, response: LightMyRequestResponse): void
}

const documentId = 'https://paragraf.invalid/api/v1/openapi.json'

export async function openApiCheck(app: FastifyInstance): Promise<OpenApiCheck> {
  const served = await app.inject('/api/v1/openapi.json')
  assert.equal(served.statusCode, 200)
  const document = served.json() as Json & {
    servers: { url: string }[]
    paths: Record<string, { get: { responses: Record<string, Json> } }>
    components: { responses: Record<string, Json> }
  }
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  ajv.addSchema({ ...document, $id: documentId })
  const base = document.servers[0]?.url ?? '/api/v1'
  const templates = Object.keys(document.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`),
  }))
  const validators = new Map<string, ReturnType<typeof ajv.compile>>()
  return {
    assertValid(url, response) {
      const path = new URL(url, 'http://localhost').pathname
      assert.ok(path.startsWith(base), `${url} is not under ${base}`)
      const rest = path.slice(base.length) || '/'
      // An unknown address answers 404 in the error shape, as every operation's 404 does.
      const template = templates.find((t) => t.pattern.test(rest))?.template ?? '/committees/{committee}'
      const responses = document.paths[template]?.get.responses ?? {}
      let described = responses[String(response.statusCode)]
      assert.ok(described, `${url}: status ${response.statusCode} is not in the document for ${template}`)
      if (typeof described.$ref === 'string')
        described = document.components.responses[described.$ref.split('/').pop() as string] as Json
      const schema = (described.content as Json | undefined)?.['application/json'] as Json | undefined
      assert.ok(schema, `${url}: no JSON schema for status ${response.statusCode}`)
      assert.match(String(response.headers['content-type']), /^application\/json/)
      const key = JSON.stringify(schema.schema)
      let validate = validators.get(key)
      if (!validate) {
        const ref = (schema.schema as { $ref: string }).$ref
        validate = ajv.compile({ $ref: `${documentId}${ref}` })
        validators.set(key, validate)
      }
      const body = response.json()
      assert.ok(
        validate(body),
        `${url} (${response.statusCode}) does not match the OpenAPI document: ${ajv.errorsText(validate.errors)}`,
      )
    },
  }
}
