import type { Committee } from '../../../domain/committee/committee.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import type { SectionRecord } from '../../../domain/minutes/minutes-record.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { TableScroll } from '../../views/table-scroll.tsx'
import { CsrfField, ErrorSummary, type FormState, SelectField, TextField } from '../shared/form.view.tsx'
import type { MinutesData } from './minutes.data.ts'
import { meetingBreadcrumbs, minutesPaths } from './minutes.paths.ts'
import { candidateRows, choiceWords, type VoteWay } from './vote-entry.form.ts'

// A vote in a large assembly (fullmäktige: 61 members) recorded in a few clicks, without one radio
// group per member: "alla ja utom …", by party group with those who broke ranks, or a secret
// election by its counts (KL 5:54). Each form posts on its own and works without JavaScript.

export interface VoteEntryProps {
  view: AdminView
  committee: Committee
  meeting: Meeting
  data: MinutesData
  entry: SectionRecord
  /** What was posted and refused, with the refusal beside its field. */
  form: FormState
}

interface Voter {
  personId: number
  partyId: number | null
}

/** Who votes at the §: those serving there without jäv (KL 6:28), party by party. */
function votersOf(entry: SectionRecord, data: MinutesData): Voter[] {
  const recused = new Set(entry.recusals.map((r) => r.personId))
  const partyOrder = (id: number | null) => {
    const i = data.parties.findIndex((p) => p.id === id)
    return i < 0 ? data.parties.length : i
  }
  return entry.services
    .filter((s) => !recused.has(s.personId))
    .map((s, i) => ({ ...s, i }))
    .sort((a, b) => partyOrder(a.partyId) - partyOrder(b.partyId) || a.i - b.i)
}

export function VoteEntryPage(props: VoteEntryProps) {
  const { view, committee, meeting, entry } = props
  const { section } = entry
  const title = `Omröstning, ${section.label} ${section.title}`
  return (
    <AdminLayout
      title={title}
      view={view}
      breadcrumbs={[
        ...meetingBreadcrumbs(committee, meeting),
        { href: minutesPaths.overview(committee.slug, meeting.slug), label: 'Protokoll' },
        { href: minutesPaths.section(committee.slug, meeting.slug, section.number), label: section.label },
        { label: 'Omröstning' },
      ]}
    >
      <h1>{title}</h1>
      {entry.signOff?.status === 'signed_off' ? (
        <p>
          {section.label} är justerad: inga omröstningar kan antecknas längre, och det justerade ändras bara
          genom en rättelse (KL 5:69).{' '}
          <a href={minutesPaths.section(committee.slug, meeting.slug, section.number)}>
            Till {section.label}
          </a>
        </p>
      ) : (
        <VoteForms {...props} />
      )}
    </AdminLayout>
  )
}

/** The three ways, each its own form, for a § that is not yet signed off. */
function VoteForms(props: VoteEntryProps) {
  const { view, committee, meeting, data, entry, form } = props
  const { section } = entry
  const voters = votersOf(entry, data)
  const chairId = data.record?.minutes.chairPersonId ?? null
  const recused = entry.recusals.map((r) => data.personName(r.personId))
  const action = (part: string) =>
    minutesPaths.sectionPart(committee.slug, meeting.slug, section.number, `omrostning/${part}`)
  const shared = { token: view.csrfToken, form, voters, data, chairId }
  return (
    <>
      <ErrorSummary errors={form.errors} labels={{}} />
      <p>
        {voters.length} ledamöter och tjänstgörande ersättare röstar vid {section.label}
        {recused.length > 0 ? `; ${recused.join(', ')} har anmält jäv och röstar inte (KL 6:28)` : ''}.
        {chairId
          ? ` Ordföranden (${data.personName(chairId)}) har utslagsröst vid lika röstetal (KL 5:56).`
          : ''}{' '}
        Protokollet visar hur var och en röstade, precis som när rösterna förs in en och en (KL 5:67).
      </p>
      <ul>
        <li>
          <a href="#alla">Alla röstar lika, utom …</a>
        </li>
        <li>
          <a href="#grupper">Partigrupp för partigrupp, med undantag</a>
        </li>
        <li>
          <a href="#sluten">Sluten omröstning vid val eller anställning: bara antalen</a>
        </li>
        <li>
          <a href="#val">Sluten omröstning vid val mellan flera kandidater</a>
        </li>
        <li>
          <a href={minutesPaths.section(committee.slug, meeting.slug, section.number)}>
            En röst per ledamot: formuläret under {section.label}
          </a>
        </li>
      </ul>
      <form method="post" action={action('alla')} aria-labelledby="alla">
        <CsrfField token={view.csrfToken} />
        <h2 id="alla">Alla röstar lika, utom …</h2>
        <FormError form={form} name="alla" />
        <QuestionFields way="alla" form={form} />
        <RadioGroup
          name="alla-alla"
          legend="Alla som röstar röstade"
          form={form}
          checked={form.values['alla-alla'] ?? 'yes'}
        />
        <Exceptions way="alla" otherwise="som alla" {...shared} />
        <TextField name="alla-resultat" label="Resultat i ord (frivilligt)" form={form} />
        <button type="submit">Anteckna omröstningen</button>
      </form>
      <form method="post" action={action('grupper')} aria-labelledby="grupper">
        <CsrfField token={view.csrfToken} />
        <h2 id="grupper">Partigrupp för partigrupp, med undantag</h2>
        <FormError form={form} name="grupper" />
        <QuestionFields way="grupper" form={form} />
        <fieldset>
          <legend>Så röstade partigrupperna</legend>
          <p class="hint">
            Varje grupps ledamöter röstade som gruppen, utom de som anges som undantag nedan.
          </p>
          {partiesOf(voters).map((partyId) => (
            <RadioGroup
              key={partyId}
              name={`grupper-grupp-${partyId}`}
              legend={`${data.partyName(partyId) ?? 'Parti'} (${voters.filter((v) => v.partyId === partyId).length} röstande)`}
              form={form}
              checked={form.values[`grupper-grupp-${partyId}`]}
            />
          ))}
        </fieldset>
        <Exceptions way="grupper" otherwise="som gruppen" {...shared} />
        <TextField name="grupper-resultat" label="Resultat i ord (frivilligt)" form={form} />
        <button type="submit">Anteckna omröstningen</button>
      </form>
      <SecretForm action={action('sluten')} token={view.csrfToken} form={form} voters={voters.length} />
      <CandidateElectionForm
        action={action('val')}
        token={view.csrfToken}
        form={form}
        voters={voters.length}
      />
    </>
  )
}

const partiesOf = (voters: readonly Voter[]) => [
  ...new Set(voters.flatMap((v) => (v.partyId === null ? [] : [v.partyId]))),
]

/** A refusal that belongs to a form as a whole (no quorum, a signed-off §). */
function FormError({ form, name }: { form: FormState; name: string }) {
  const error = form.errors[name]
  if (!error) return null
  return (
    <p id={`falt-${name}`} class="error-message" tabIndex={-1}>
      <span class="visually-hidden">Fel: </span>
      {error}
    </p>
  )
}

function QuestionFields({ way, form }: { way: VoteWay; form: FormState }) {
  return (
    <>
      <TextField name={`${way}-fraga`} label="Fråga" form={form} />
      <TextField name={`${way}-ja-for`} label="Ja-röst för" form={form} />
      <TextField name={`${way}-nej-for`} label="Nej-röst för" form={form} />
    </>
  )
}

/**
 * Ja, nej or avstår as one radio group in a fieldset with its legend. The first radio carries the
 * field's id, so the error summary's link leads to the group; the refusal stands under the legend.
 */
function RadioGroup({
  name,
  legend,
  form,
  checked,
}: {
  name: string
  legend: string
  form: FormState
  checked: string | undefined
}) {
  const error = form.errors[name]
  return (
    <fieldset class={error ? 'field-error' : undefined}>
      <legend>{legend}</legend>
      {error && (
        <p id={`falt-${name}-fel`} class="error-message">
          <span class="visually-hidden">Fel: </span>
          {error}
        </p>
      )}
      {choiceWords.map(([choice, word], i) => (
        <label key={choice} class="inline">
          <input
            type="radio"
            id={i === 0 ? `falt-${name}` : `falt-${name}-${choice}`}
            name={name}
            value={choice}
            checked={checked === choice}
            aria-describedby={error ? `falt-${name}-fel` : undefined}
          />{' '}
          {word}
        </label>
      ))}
    </fieldset>
  )
}

/** One choice per voter, "as everyone" or "as the group" unless changed: only the exceptions are touched. */
function Exceptions({
  way,
  otherwise,
  form,
  voters,
  data,
  chairId,
}: {
  way: VoteWay
  otherwise: string
  token: string
  form: FormState
  voters: readonly Voter[]
  data: MinutesData
  chairId: number | null
}) {
  const error = (name: string) => form.errors[name]
  const withParty = (v: Voter) => {
    const party = data.partyName(v.partyId)
    return `${data.personName(v.personId)}${party ? ` (${party})` : ''}`
  }
  return (
    <fieldset>
      <legend>Undantag: de som röstade på annat sätt</legend>
      <TableScroll label={`Undantag, ${way === 'alla' ? 'alla lika' : 'per partigrupp'}`}>
        <table>
          <caption>Ändra bara för dem som röstade annorlunda än {otherwise.replace('som ', '')}</caption>
          <thead>
            <tr>
              <th scope="col">Ledamot</th>
              <th scope="col">Röst</th>
            </tr>
          </thead>
          <tbody>
            {voters.map((v) => {
              const name = `${way}-undantag-${v.personId}`
              return (
                <tr key={v.personId}>
                  <th scope="row">
                    {withParty(v)}
                    {v.personId === chairId ? ', ordförande' : ''}
                  </th>
                  <td>
                    <label class="visually-hidden" for={`falt-${name}`}>
                      Röst för {data.personName(v.personId)}
                    </label>
                    {error(name) && (
                      <p id={`falt-${name}-fel`} class="error-message">
                        <span class="visually-hidden">Fel: </span>
                        {error(name)}
                      </p>
                    )}
                    <select
                      id={`falt-${name}`}
                      name={name}
                      aria-invalid={error(name) ? 'true' : undefined}
                      aria-describedby={error(name) ? `falt-${name}-fel` : undefined}
                    >
                      {[['', otherwise] as const, ...choiceWords].map(([value, word]) => (
                        <option key={value} value={value} selected={(form.values[name] ?? '') === value}>
                          {word}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </TableScroll>
    </fieldset>
  )
}

/** A secret election or appointment (KL 5:54): the counts per candidate or proposal, no names. */
function SecretForm({
  action,
  token,
  form,
  voters,
}: {
  action: string
  token: string
  form: FormState
  voters: number
}) {
  return (
    <form method="post" action={action} aria-labelledby="sluten">
      <CsrfField token={token} />
      <h2 id="sluten">Sluten omröstning vid val eller anställning: bara antalen</h2>
      <FormError form={form} name="sluten" />
      <p class="hint">
        Vid sluten omröstning (KL 5:54) antecknas bara hur många röster varje kandidat eller förslag fick,
        inga namn på de röstande. Högst {voters} röster kan räknas.
      </p>
      <SelectField
        name="sluten-slag"
        label="Slag"
        form={form}
        options={[
          ['election', 'Val'],
          ['appointment', 'Anställning'],
        ]}
      />
      <TextField name="sluten-fraga" label="Vad valet gäller" form={form} />
      <fieldset>
        <legend>Rösterna</legend>
        <TextField name="sluten-ja-for" label="Kandidat eller förslag 1" form={form} />
        <TextField
          name="sluten-antal-ja"
          label="Antal röster på kandidat eller förslag 1"
          form={form}
          short
        />
        <TextField name="sluten-nej-for" label="Kandidat eller förslag 2" form={form} />
        <TextField
          name="sluten-antal-nej"
          label="Antal röster på kandidat eller förslag 2"
          form={form}
          short
        />
        <TextField name="sluten-antal-blanka" label="Antal blanka röster" form={form} short />
      </fieldset>
      <SelectField
        name="sluten-lott"
        label="Lottens utfall vid lika röstetal (KL 5:56)"
        form={form}
        options={[
          ['', 'Ingen lottning'],
          ['yes', 'Lotten föll på kandidat eller förslag 1'],
          ['no', 'Lotten föll på kandidat eller förslag 2'],
        ]}
      />
      <TextField name="sluten-resultat" label="Resultat i ord (frivilligt)" form={form} />
      <button type="submit">Anteckna valet</button>
    </form>
  )
}

/**
 * A secret election between more than two candidates (KL 5:54): each candidate's name and votes,
 * the blank ballots, and where the lot fell on a tie for the most votes (KL 5:56).
 */
function CandidateElectionForm({
  action,
  token,
  form,
  voters,
}: {
  action: string
  token: string
  form: FormState
  voters: number
}) {
  const rows = Array.from({ length: candidateRows }, (_, i) => i + 1)
  return (
    <form method="post" action={action} aria-labelledby="val">
      <CsrfField token={token} />
      <h2 id="val">Sluten omröstning vid val mellan flera kandidater</h2>
      <FormError form={form} name="val" />
      <p class="hint">
        Skriv varje kandidat och antalet röster hen fick; lämna överblivna rader tomma. Den som får flest
        röster är vald (KL 5:55); vid lika röstetal om första platsen avgör lotten (KL 5:56). Blanka röster
        räknas inte för någon. Högst {voters} röster kan räknas.
      </p>
      <SelectField
        name="val-slag"
        label="Slag"
        form={form}
        options={[
          ['election', 'Val'],
          ['appointment', 'Anställning'],
        ]}
      />
      <TextField name="val-fraga" label="Vad valet gäller" form={form} />
      <fieldset>
        <legend>Kandidaterna och deras röster</legend>
        {rows.map((row) => (
          <div key={row} class="inline-form">
            <TextField name={`val-kandidat-${row}`} label={`Kandidat ${row}`} form={form} />
            <TextField name={`val-antal-${row}`} label={`Röster på kandidat ${row}`} form={form} short />
          </div>
        ))}
        <TextField name="val-antal-blanka" label="Antal blanka röster" form={form} short />
      </fieldset>
      <SelectField
        name="val-lott"
        label="Lottens utfall vid lika röstetal om första platsen (KL 5:56)"
        form={form}
        options={[
          ['', 'Ingen lottning'],
          ...rows.map((row) => [String(row), `Lotten föll på kandidat ${row}`] as const),
        ]}
      />
      <TextField name="val-resultat" label="Resultat i ord (frivilligt)" form={form} />
      <button type="submit">Anteckna valet</button>
    </form>
  )
}
