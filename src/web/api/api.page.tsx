import { paths } from '../paths.ts'
import { Layout } from '../views/layout.tsx'
import { TableScroll } from '../views/table-scroll.tsx'
import type { Endpoint } from './api-endpoint.ts'
import { apiBasePath, defaultPageSize, maxPageSize } from './api-links.ts'
import { parametersOf, schemaIdOf } from './openapi.ts'

const where = { path: 'i adressen', query: 'som parameter' }

/**
 * /api: the JSON API described in Swedish for a reader, from the same endpoint list as the OpenAPI
 * document (what it lists is what is served).
 */
export function ApiPage({
  endpoints,
  rateLimit,
}: {
  endpoints: readonly Endpoint[]
  rateLimit: { max: number; windowSeconds: number }
}) {
  const tags = [...new Set(endpoints.map((e) => e.tag))]
  return (
    <Layout
      title="API för appbyggare"
      breadcrumbs={[{ href: paths.start(), label: 'Start' }, { label: 'API för appbyggare' }]}
      alternates={[
        { href: `${apiBasePath}/openapi.json`, title: 'OpenAPI-beskrivning', type: 'application/json' },
      ]}
    >
      <h1>API för appbyggare</h1>
      <p>
        Allt som webbplatsen publicerar finns också som JSON under <code>{apiBasePath}</code>: nämnder,
        sammanträden, dagordningar, protokoll med varje paragraf och dess beslut, omröstningar, röster,
        reservationer, personer, partier, ärenden, anslagstavlan och sökningen. Ingen nyckel behövs, och
        svaren får läsas från vilken webbplats som helst (CORS).
      </p>
      <p>
        Den fullständiga beskrivningen är{' '}
        <a href={`${apiBasePath}/openapi.json`}>OpenAPI 3.1 (openapi.json)</a>. Samma data finns också som{' '}
        <a href="/oparl/v1">OParl 1.1</a>.
      </p>

      <h2>Vad som visas</h2>
      <ul>
        <li>
          Bara det som är offentligt: dagordningen när kallelsen är ute, paragrafer när de är justerade.
        </li>
        <li>
          En punkt eller paragraf med sekretess visar bara sitt nummer och rubriken ”Ärende som omfattas av
          sekretess”.
        </li>
        <li>Personnummer är maskerade i alla texter.</li>
      </ul>

      <h2>Sidor</h2>
      <p>
        Listor kommer en sida i taget, {defaultPageSize} poster om inget annat anges och högst {maxPageSize} (
        <code>limit</code>). Nästa sida finns i <code>links.next</code>; den saknas på den sista sidan.
      </p>

      <h2>Fel</h2>
      <p>
        Ett fel har alltid samma form: <code>{'{"error": "not_found", "message": "…"}'}</code>. En parameter
        som inte kan läsas ger 400 med <code>details</code> om vad som var fel; det som inte finns, eller inte
        är offentligt, ger 404.
      </p>

      <h2>Gräns för antal anrop</h2>
      <p>
        Högst {rateLimit.max} anrop per {rateLimit.windowSeconds} sekunder från samma adress. Därefter svarar
        API:t 429 med rubriken <code>Retry-After</code>: antalet sekunder att vänta.
      </p>

      <h2>Exempel</h2>
      <TableScroll label="Exempel med curl">
        <pre>
          <code>{`curl ${apiBasePath}/committees
curl ${apiBasePath}/committees/socialnamnden/meetings/mote-2022-12-14/minutes
curl '${apiBasePath}/search?q=ledsagning'`}</code>
        </pre>
      </TableScroll>

      <h2>Anrop</h2>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tagg-${slugOf(tag)}`}>
          <h3 id={`tagg-${slugOf(tag)}`}>{tag}</h3>
          {endpoints
            .filter((e) => e.tag === tag)
            .map((e) => (
              <EndpointEntry key={e.operationId} endpoint={e} />
            ))}
        </section>
      ))}
    </Layout>
  )
}

function EndpointEntry({ endpoint }: { endpoint: Endpoint }) {
  const parameters = parametersOf(endpoint)
  return (
    <article id={endpoint.operationId}>
      <h4>
        <code>GET {breakable(`${apiBasePath}${endpoint.path === '/' ? '' : endpoint.path}`)}</code>
      </h4>
      <p>{endpoint.summary}</p>
      {parameters.length > 0 && (
        <TableScroll label={`Parametrar för ${endpoint.path}`}>
          <table>
            <caption>Parametrar</caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Var</th>
                <th scope="col">Krävs</th>
                <th scope="col">Beskrivning</th>
              </tr>
            </thead>
            <tbody>
              {parameters.map((p) => (
                <tr key={p.name}>
                  <td>
                    <code>{p.name}</code>
                  </td>
                  <td>{where[p.in]}</td>
                  <td>{p.required ? 'ja' : 'nej'}</td>
                  <td>{p.description ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p>
        Svar: <code>{schemaIdOf(endpoint.response)}</code> (se openapi.json).
      </p>
    </article>
  )
}

/** A long address that may wrap after each slash on a narrow screen (WCAG 1.4.10), with no stylesheet change. */
const breakable = (path: string) =>
  path.split('/').map((part, i) => (i === 0 ? part : [<wbr key={i} />, `/${part}`]))

const slugOf = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
