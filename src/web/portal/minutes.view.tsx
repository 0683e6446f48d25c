import type { ComponentChildren } from 'preact'
import {
  attendanceRoleLabels,
  attendanceRoleText,
  decides,
  presidingTitle,
} from '../../domain/minutes/attendance.ts'
import type { Author, SectionOutcome } from '../../domain/minutes/minutes.ts'
import type { MinutesRecord, SectionRecord } from '../../domain/minutes/minutes-record.ts'
import { sectionRange } from '../../domain/notice-board/notice-board.service.ts'
import { motionText, textNamesAuthors } from '../../domain/publication/text-structure.ts'
import { signedHowText } from '../../domain/sign-off/signing-method.ts'
import { candidateElectionLines } from '../../domain/vote/candidate-election.ts'
import { ballotChoiceLabels, type Vote } from '../../domain/vote/vote.ts'
import { paths } from '../paths.ts'
import { formatDate } from '../views/format.ts'
import { PointText, StructuredText } from '../views/structured-text.tsx'
import { SectionFinality, SectionRectifications } from './section-finality.view.tsx'

/** Names of the people and parties a protocol refers to, by id, and where their pages are. */
export interface Names {
  person: (id: number | null) => string
  party: (id: number | null) => string | undefined
  personSlug?: (id: number | null) => string | undefined
  /** The registry number (Dnr) of the matter a § dealt with, when public. */
  registryNumber?: (sectionId: number) => string | undefined
}

const outcomeLabels: Record<SectionOutcome, string | undefined> = {
  decided: undefined,
  noted: undefined,
  tabled: 'Ärendet bordlades.',
  referred_back: 'Ärendet återremitterades.',
}

const capitalise = (text: string) => (text[0]?.toUpperCase() ?? '') + text.slice(1)

/** A person's name, linked to their page when they have one. */
function PersonName({ id, names }: { id: number | null; names: Names }) {
  const slug = names.personSlug?.(id)
  return slug ? <a href={paths.person(slug)}>{names.person(id)}</a> : names.person(id)
}

function WithParty({
  personId,
  partyId,
  names,
}: {
  personId: number | null
  partyId: number | null
  names: Names
}) {
  const party = names.party(partyId)
  return (
    <>
      <PersonName id={personId} names={names} />
      {party ? ` (${party})` : ''}
    </>
  )
}

function Authors({ list, names }: { list: Author[]; names: Names }) {
  return (
    <>
      {list.map((a, i) => (
        <>
          {i > 0 && ', '}
          {a.personId ? (
            <>
              <WithParty personId={a.personId} partyId={a.partyId} names={names} />
              {a.andOthers ? ' m.fl.' : ''}
            </>
          ) : (
            `(${names.party(a.partyId) ?? '?'})`
          )}
        </>
      ))}
    </>
  )
}

/** "Anna Berg (S), (M): " before a text that does not name its authors itself. */
function AuthorsLead({ list, names }: { list: Author[]; names: Names }) {
  return (
    <>
      <Authors list={list} names={names} />:{' '}
    </>
  )
}

/** Whether the printed text already names the authors, so they are not shown twice. */
function namedInText(text: string, authors: Author[], names: Names): boolean {
  return textNamesAuthors(
    text,
    authors.filter((a) => a.personId).map((a) => names.person(a.personId)),
  )
}

/** The cover of the public minutes: when and where, who served, who signed off when, and the notices. */
export function MinutesCover({ record, names }: { record: MinutesRecord; names: Names }) {
  const present = record.attendance.filter((a) => a.present)
  const deciding = present.filter(decides)
  const substitutes = present.filter((a) => a.role === 'substitute' && a.servingForPersonId === null)
  const others = present.filter((a) => a.role === 'official' || a.role === 'other')
  const absent = record.attendance.filter((a) => !a.present && decides(a))
  const numbers = new Map(record.sections.map((s) => [s.section.id, s.section.number]))
  const signedOff = record.signOffs.filter((s) => s.status === 'signed_off' && s.signedOffOn)
  return (
    <>
      <section aria-labelledby="narvaro">
        <h2 id="narvaro">Närvarande</h2>
        <h3>Beslutande</h3>
        {deciding.length === 0 ? (
          <p>Inga uppgifter.</p>
        ) : (
          <ul>
            {deciding.map((a) => (
              <li key={a.personId}>
                <WithParty personId={a.personId} partyId={a.partyId} names={names} />,{' '}
                {a.servingForPersonId ? (
                  <>
                    tjänstgörande ersättare för <PersonName id={a.servingForPersonId} names={names} />
                  </>
                ) : (
                  attendanceRoleText(a, record.minutes.chairPersonId)
                )}
                {a.remote ? ', deltog på distans' : ''}
              </li>
            ))}
          </ul>
        )}
        {substitutes.length > 0 && (
          <>
            <h3>Ersättare som inte tjänstgjorde</h3>
            <ul>
              {substitutes.map((a) => (
                <li key={a.personId}>
                  <WithParty personId={a.personId} partyId={a.partyId} names={names} />
                </li>
              ))}
            </ul>
          </>
        )}
        {others.length > 0 && (
          <>
            <h3>Övriga närvarande</h3>
            <ul>
              {others.map((a) => (
                <li key={a.personId}>
                  {names.person(a.personId)}, {a.title ?? attendanceRoleLabels[a.role]}
                </li>
              ))}
            </ul>
          </>
        )}
        {absent.length > 0 && (
          <>
            <h3>Frånvarande ledamöter</h3>
            <ul>
              {absent.map((a) => (
                <li key={a.personId}>
                  <WithParty personId={a.personId} partyId={a.partyId} names={names} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="justering">
        <h2 id="justering">Justering och anslag</h2>
        <dl class="facts">
          {record.minutes.chairPersonId !== null && (
            <>
              <dt>{presidingTitle(record.attendance, record.minutes.chairPersonId)}</dt>
              <dd>
                <PersonName id={record.minutes.chairPersonId} names={names} />
              </dd>
            </>
          )}
          {record.minutes.secretaryPersonId !== null && (
            <>
              <dt>Sekreterare</dt>
              <dd>{names.person(record.minutes.secretaryPersonId)}</dd>
            </>
          )}
          <dt>Justerare</dt>
          <dd>
            {record.signatoryIds.length === 0
              ? 'Inte utsedda'
              : record.signatoryIds.map((id, i) => (
                  <>
                    {i > 0 && ', '}
                    <PersonName id={id} names={names} />
                  </>
                ))}
          </dd>
          {record.minutes.signOffPlace && (
            <>
              <dt>Justeringens plats</dt>
              <dd>{record.minutes.signOffPlace}</dd>
            </>
          )}
          {signedOff.map((s) => (
            <>
              <dt>Justerat</dt>
              <dd>
                {sectionRange(s.sectionIds.map((id) => numbers.get(id) ?? 0).filter(Boolean))}{' '}
                {formatDate(s.signedOffOn as string)}
                {s.immediate ? ' (omedelbar justering)' : ''}
                {signedHowText(s.signatures) && (
                  <>
                    <br />
                    {signedHowText(s.signatures)}
                  </>
                )}
                {s.sealHash && (
                  <>
                    <br />
                    Kontrollsumma för det justerade (SHA-256): <code class="seal">{s.sealHash}</code>
                  </>
                )}
              </dd>
            </>
          ))}
          {record.notices.map((n) => (
            <>
              <dt>Anslag</dt>
              <dd>
                Uppsatt på <a href={paths.noticeBoard()}>anslagstavlan</a> {formatDate(n.postedOn)}
                {n.lastAppealDay && `, sista dag för överklagande ${formatDate(n.lastAppealDay)}`}
                {n.keptAt && `. Protokollet förvaras hos ${n.keptAt}`}
              </dd>
            </>
          ))}
        </dl>
      </section>
    </>
  )
}

/** Every public § in order, each with its own anchor (`#paragraf-N`). */
export function MinutesSections({
  record,
  names,
  today,
  extractHref,
}: {
  record: MinutesRecord
  names: Names
  /** Today in Sweden, for whether each decision is still open to appeal; omitted, none is shown. */
  today?: string
  /** Where the printable extract of a public § is; omitted, no link is shown. */
  extractHref?: (sectionNumber: number) => string
}) {
  return (
    <section aria-labelledby="paragrafer">
      <h2 id="paragrafer">Paragrafer</h2>
      <nav aria-labelledby="innehall-rubrik" class="toc">
        <h3 id="innehall-rubrik">Innehåll</h3>
        <ol>
          {record.sections.map(({ section }) => (
            <li key={section.id}>
              <a href={`#paragraf-${section.number}`}>
                {section.label} {section.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {record.sections.map((entry) => (
        <SectionView
          key={entry.section.id}
          entry={entry}
          names={names}
          after={
            <>
              <SectionRectifications entry={entry} />
              {today && <SectionFinality entry={entry} notices={record.notices} today={today} />}
              {extractHref && !entry.section.confidential && (
                <p>
                  <a href={extractHref(entry.section.number)}>Protokollsutdrag av {entry.section.label}</a>
                </p>
              )}
            </>
          }
        />
      ))}
    </section>
  )
}

export function SectionView({
  entry,
  names,
  after,
  confidentialShown = false,
}: {
  entry: SectionRecord
  names: Names
  after?: ComponentChildren
  /** The workspace's extract for the decision's recipients shows a confidential § in full. */
  confidentialShown?: boolean
}) {
  const { section, motions, votes, dissents, statements, recusals, signOff } = entry
  const registryNumber = section.confidential ? undefined : names.registryNumber?.(section.id)
  return (
    <section id={`paragraf-${section.number}`} aria-labelledby={`rubrik-${section.number}`} class="section">
      <h3 id={`rubrik-${section.number}`}>
        {section.label} {section.title}
      </h3>
      <p class="muted">
        <a href={`#paragraf-${section.number}`}>Länk till {section.label}</a>
        {registryNumber && (
          <>
            {' · '}
            <a href={paths.matter(registryNumber)}>Dnr {registryNumber}</a>
          </>
        )}
        {signOff?.signedOffOn &&
          ` · Justerad ${formatDate(signOff.signedOffOn)}${signOff.immediate ? ' (omedelbar justering)' : ''}`}
      </p>
      {section.confidential && !confidentialShown && <p>Paragrafen omfattas av sekretess och visas inte.</p>}
      {section.summary && section.summary !== `Dnr ${registryNumber}` && (
        <StructuredText text={section.summary} />
      )}
      {outcomeLabels[section.outcome] && <p>{outcomeLabels[section.outcome]}</p>}
      {section.decision.length > 0 && (
        <>
          <h4>Beslut</h4>
          <ol>
            {section.decision.map((point) => (
              <li key={point}>
                <PointText point={point} />
              </li>
            ))}
          </ol>
        </>
      )}
      {motions.length > 0 && (
        <>
          <h4>Yrkanden</h4>
          {motions.map((m) => (
            <div key={m.id} class="entry">
              <StructuredText
                text={motionText(m.text, m.points)}
                lead={
                  namedInText(m.text, m.authors, names) ? undefined : (
                    <AuthorsLead list={m.authors} names={names} />
                  )
                }
              />
            </div>
          ))}
        </>
      )}
      {section.decisionProcedure && (
        <>
          <h4>Beslutsordning</h4>
          <StructuredText text={section.decisionProcedure} />
        </>
      )}
      {votes.map((v, i) => (
        <VoteView key={v.id} vote={v} index={votes.length > 1 ? i + 1 : undefined} names={names} />
      ))}
      {dissents.length > 0 && (
        <>
          <h4>Reservationer</h4>
          {dissents.map((d) =>
            d.text && namedInText(d.text, d.authors, names) ? (
              <div key={d.id} class="entry">
                <StructuredText text={d.text} />
              </div>
            ) : d.text ? (
              <div key={d.id} class="entry">
                <StructuredText
                  text={d.text}
                  lead={
                    <>
                      <Authors list={d.authors} names={names} /> reserverar sig mot beslutet:{' '}
                    </>
                  }
                />
              </div>
            ) : (
              <p key={d.id}>
                <Authors list={d.authors} names={names} /> reserverar sig mot beslutet.
              </p>
            ),
          )}
        </>
      )}
      {statements.map((s) => (
        <div key={s.id} class="entry">
          <h4>{capitalise(s.kind)}</h4>
          {s.text ? (
            <StructuredText
              text={s.text}
              lead={
                namedInText(s.text, s.authors, names) ? undefined : (
                  <AuthorsLead list={s.authors} names={names} />
                )
              }
            />
          ) : (
            <p>
              <Authors list={s.authors} names={names} />
            </p>
          )}
        </div>
      ))}
      {recusals.length > 0 && (
        <>
          <h4>Jäv</h4>
          {recusals.map((r) => (
            <p key={r.personId}>
              <PersonName id={r.personId} names={names} /> anmälde jäv och deltog inte i handläggningen
              {r.reason ? ` (${r.reason})` : ''}.
            </p>
          ))}
        </>
      )}
      {after}
    </section>
  )
}

function VoteView({ vote, index, names }: { vote: Vote; index: number | undefined; names: Names }) {
  const decidedBy =
    vote.decidedBy === 'casting_vote'
      ? ' Ordförandens utslagsröst avgjorde.'
      : vote.decidedBy === 'lot'
        ? ' Lotten avgjorde.'
        : ''
  // An election between more than two candidates: each one's votes, then who was elected.
  const election = candidateElectionLines(vote)
  return (
    <div class="vote">
      <h4>Omröstning{index ? ` ${index}` : ''}</h4>
      <p>{vote.question}</p>
      {election ? (
        <>
          <p>{election.means}</p>
          <p>{election.result}</p>
        </>
      ) : (
        <>
          {(vote.yesMeans || vote.noMeans) && (
            <p>
              {vote.yesMeans && `Ja-röst för ${vote.yesMeans}. `}
              {vote.noMeans && `Nej-röst för ${vote.noMeans}.`}
            </p>
          )}
          <p>
            Resultat: {vote.yes} ja, {vote.no} nej, {vote.abstain} avstår.{decidedBy}
            {vote.result ? ` ${vote.result}` : ''}
          </p>
        </>
      )}
      {vote.ballots.length > 0 ? (
        <table class="ballots">
          <caption>
            Så röstade ledamöterna{index ? ` i omröstning ${index}` : ''}: {vote.question}
          </caption>
          <thead>
            <tr>
              <th scope="col">Ledamot</th>
              <th scope="col">Parti</th>
              <th scope="col">Röst</th>
            </tr>
          </thead>
          <tbody>
            {vote.ballots.map((b) => (
              <tr key={b.personId}>
                <th scope="row">
                  <PersonName id={b.personId} names={names} />
                </th>
                <td>{names.party(b.partyId) ?? '–'}</td>
                <td>{ballotChoiceLabels[b.choice]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Omröstningen var sluten; bara antalet röster redovisas.</p>
      )}
    </div>
  )
}
