import { endpoint } from './api-endpoint.ts'
import { apiDocsPath, apiLinksOf } from './api-links.ts'
import { indexSchema } from './api-schemas.ts'

export const apiVersion = '1.0.0'

export const indexEndpoint = endpoint({
  operationId: 'getIndex',
  path: '/',
  tag: 'API',
  summary: 'Ingången: länkar till listorna och till OpenAPI-beskrivningen.',
  response: indexSchema,
  async handle(request) {
    const links = apiLinksOf(request)
    return {
      name: 'Paragraf API',
      version: apiVersion,
      links: {
        openapi: links.api('/openapi.json'),
        documentation: links.site(apiDocsPath),
        committees: links.api('/committees'),
        meetings: links.api('/meetings'),
        people: links.api('/people'),
        parties: links.api('/parties'),
        noticeBoard: links.api('/notice-board'),
        search: links.api('/search?q={q}'),
        oparl: links.site('/oparl/v1'),
      },
    }
  },
})
