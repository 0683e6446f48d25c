import type { Committee } from '../../domain/committee/committee.ts'
import { type SearchHit, type SearchResult, searchKindLabels } from '../../domain/search/search.ts'
import type { Segment } from '../../domain/search/search-text.ts'
import { paths, type SearchParams } from '../paths.ts'
import { formatDate } from '../views/format.ts'
import { Layout } from '../views/layout.tsx'
import { SubscribeForm } from './subscribe-form.view.tsx'

/** The search form as read from the address. */
export interface SearchForm {
  q: string
  committeeSlug?: string | undefined
  year?: number | undefined
  /** 'dagordning' | 'protokoll' | 'handling' */
  kindParam?: string | undefined
  party?: string | undefined
  page: number
}

export interface SearchPageProps {
  form: SearchForm
  /** The Swedish names of parameters that could not be read and were left out. */
  ignored: string[]
  committees: Committee[]
  choices: { years: number[]; parties: string[] }
  result: SearchResult
  /** The search as something to follow: its name in Swedish and its query string (bevakning). */
  follow?: { what: string; searchQuery: string } | undefined
}

const kindOptions: Array<[string, string]> = [
  ['dagordning', 'Punkter på dagordningar'],
  ['protokoll', 'Paragrafer i protokoll'],
  ['handling', 'Handlingar och bilagor'],
]

/** Search: a form that works without JavaScript, then the hits with the matching words marked. */
export function SearchPage({ form, ignored, committees, choices, result, follow }: SearchPageProps) {
  const searched = result.terms.length > 0
  const title = form.q ? `Sökresultat för ”${form.q}”` : 'Sök'
  const params: SearchParams = {
    q: form.q,
    namnd: form.committeeSlug,
    ar: form.year,
    typ: form.kindParam,
    parti: form.party,
  }
  const years = withSelected(choices.years, form.year)
  const parties = withSelected(choices.parties, form.party)
  return (
    <Layout
      title={title}
      breadcrumbs={[{ href: paths.start(), label: 'Start' }, { label: 'Sök' }]}
      alternates={
        searched
          ? [
              {
                href: paths.searchFeed(params),
                title: `Nya träffar för ”${form.q}”`,
                type: 'application/atom+xml',
              },
            ]
          : []
      }
    >
      <h1>Sök</h1>
      <search>
        <form method="get" action={paths.search()} class="search-form">
          <p>
            <label for="sok-q">Sökord</label>{' '}
            <input
              type="search"
              id="sok-q"
              name="q"
              value={form.q}
              maxLength={500}
              aria-describedby="sok-tips"
            />{' '}
            <button type="submit">Sök</button>
          </p>
          <p id="sok-tips" class="muted">
            Sök i dagordningar, protokoll och handlingar. Alla ord måste finnas med; böjda former och
            sammansatta ord hittas också.
          </p>
          <fieldset>
            <legend>Avgränsa sökningen</legend>
            <p>
              <label for="sok-namnd">Nämnd</label>{' '}
              <select id="sok-namnd" name="namnd">
                <option value="">Alla nämnder</option>
                {committees.map((c) => (
                  <option key={c.id} value={c.slug} selected={c.slug === form.committeeSlug}>
                    {c.name}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label for="sok-ar">År</label>{' '}
              <select id="sok-ar" name="ar">
                <option value="">Alla år</option>
                {years.map((year) => (
                  <option key={year} value={String(year)} selected={year === form.year}>
                    {year}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label for="sok-typ">Typ</label>{' '}
              <select id="sok-typ" name="typ">
                <option value="">Allt</option>
                {kindOptions.map(([value, label]) => (
                  <option key={value} value={value} selected={value === form.kindParam}>
                    {label}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label for="sok-parti">Parti</label>{' '}
              <select id="sok-parti" name="parti" aria-describedby="sok-parti-tips">
                <option value="">Alla partier</option>
                {parties.map((party) => (
                  <option key={party} value={party} selected={party === form.party}>
                    {party}
                  </option>
                ))}
              </select>{' '}
              <span id="sok-parti-tips" class="muted">
                Paragrafer där partiet lagt yrkanden, reservationer eller särskilda uttalanden.
              </span>
            </p>
          </fieldset>
        </form>
      </search>
      {ignored.length > 0 && (
        <p class="notice" role="status">
          Vi kunde inte läsa {list(ignored)} i adressen och har sökt utan {ignored.length > 1 ? 'dem' : 'det'}
          .
        </p>
      )}
      {form.q && !searched && (
        <p>Skriv ett eller flera ord att söka efter; vanliga småord som ”och” räcker inte.</p>
      )}
      {searched && <Results result={result} params={params} />}
      {searched && follow && (
        <SubscribeForm
          what={follow.what}
          fields={{ sokning: follow.searchQuery }}
          feedHref={paths.searchFeed(params)}
        />
      )}
    </Layout>
  )
}

function Results({ result, params }: { result: SearchResult; params: SearchParams }) {
  if (result.total === 0) {
    return (
      <section aria-labelledby="traffar">
        <h2 id="traffar">Inga träffar</h2>
        <p>Försök med färre eller andra ord, eller ta bort en avgränsning.</p>
      </section>
    )
  }
  const first = (result.page - 1) * result.pageSize + 1
  return (
    <section aria-labelledby="traffar">
      <h2 id="traffar">
        {result.moreThanTotal
          ? `Fler än ${result.total} träffar`
          : result.total === 1
            ? '1 träff'
            : `${result.total} träffar`}
      </h2>
      {result.hits.length === 0 ? (
        <p>
          Sidan {result.page} finns inte i sökresultatet. <a href={paths.search(params)}>Till första sidan</a>
        </p>
      ) : (
        <ol class="search-results" start={first}>
          {result.hits.map((hit) => (
            <Hit key={`${hit.kind}-${hit.objectId}-${hit.meeting.id}`} hit={hit} />
          ))}
        </ol>
      )}
      {result.pages > 1 && (
        <nav aria-label="Sidor i sökresultatet" class="pagination">
          <ul>
            {result.page > 1 && result.page <= result.pages && (
              <li>
                <a rel="prev" href={paths.search({ ...params, sida: result.page - 1 })}>
                  Föregående sida
                </a>
              </li>
            )}
            <li>
              Sida {Math.min(result.page, result.pages)} av {result.pages}
            </li>
            {result.page < result.pages && (
              <li>
                <a rel="next" href={paths.search({ ...params, sida: result.page + 1 })}>
                  Nästa sida
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </section>
  )
}

/** Where a hit is shown: a § of the minutes, or the meeting page at the item. */
export function hitPath(hit: SearchHit): string {
  const { committeeSlug, meetingSlug, sectionNumber, anchor } = hit.location
  return hit.kind === 'section' && sectionNumber !== null
    ? paths.section(committeeSlug, meetingSlug, sectionNumber)
    : `${paths.meeting(committeeSlug, meetingSlug)}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`
}

function Hit({ hit }: { hit: SearchHit }) {
  const href = hitPath(hit)
  return (
    <li>
      <h3>
        <a href={href}>
          {hit.label && `${hit.label} `}
          <Marked segments={hit.titleSegments} />
        </a>
      </h3>
      <p class="muted">
        {searchKindLabels[hit.kind]} · {hit.committee.name}, sammanträde {formatDate(hit.meeting.meetsOn)}
        {hit.match === 'part' && ' · ordet ingår i ett längre ord'}
      </p>
      {hit.excerpt.length > 0 && (
        <p>
          <Marked segments={hit.excerpt} />
        </p>
      )}
    </li>
  )
}

/** Text with the matching words in <mark>; Preact escapes every piece, so no text is ever markup. */
function Marked({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : s.text))}</>
}

function withSelected<T>(values: T[], selected: T | undefined): T[] {
  return selected === undefined || values.includes(selected) ? values : [selected, ...values]
}

function list(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} och ${names.at(-1)}`
}
