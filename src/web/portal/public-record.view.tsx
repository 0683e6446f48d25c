import { membershipRoleLabels } from '../../domain/membership/membership.ts'
import type {
  AuthoredEntry,
  BallotEntry,
  PublicRecord,
  PublicSectionRef,
} from '../../domain/publication/person-record.ts'
import { ballotChoiceLabels } from '../../domain/vote/vote.ts'
import { paths } from '../paths.ts'
import { formatDate } from '../views/format.ts'
import { TableScroll } from '../views/table-scroll.tsx'

/** "67 %" of present meetings, or a dash when there were none. */
export function formatRate(present: number, meetings: number): string {
  return meetings === 0 ? '–' : `${Math.round((present / meetings) * 100)} %`
}

function SectionLink({ entry }: { entry: PublicSectionRef }) {
  return (
    <a href={paths.section(entry.committeeSlug, entry.meetingSlug, entry.sectionNumber)}>
      {entry.committeeName} {formatDate(entry.meetsOn)}, {entry.sectionLabel} {entry.sectionTitle}
    </a>
  )
}

/**
 * What the public minutes record of a person or a party: attendance, motions, dissents, statements
 * and ballots. `showAuthor` names the person on each line (party pages).
 */
export function PublicRecordView({ record, showAuthor }: { record: PublicRecord; showAuthor: boolean }) {
  const { attendance } = record
  const paged = record.page > 1 || record.hasOlder
  return (
    <>
      <section aria-labelledby="narvaro">
        <h2 id="narvaro">Närvaro</h2>
        {attendance.meetings === 0 ? (
          <p>Det finns inga justerade protokoll från sammanträden under uppdragen än.</p>
        ) : (
          <p>
            Närvarande vid {attendance.present} av {attendance.meetings} sammanträden som ledamot (
            {formatRate(attendance.present, attendance.meetings)}).
          </p>
        )}
        {attendance.servedAsSubstitute > 0 && (
          <p>Tjänstgjorde som ersättare vid {attendance.servedAsSubstitute} sammanträden.</p>
        )}
        <p class="muted">Räknat från justerade protokoll.</p>
      </section>
      <Authored
        id="yrkanden"
        title="Yrkanden"
        empty="Inga yrkanden i justerade protokoll."
        list={record.motions}
        paged={paged}
        showAuthor={showAuthor}
      />
      <Authored
        id="reservationer"
        title="Reservationer"
        empty="Inga reservationer i justerade protokoll."
        list={record.dissents}
        paged={paged}
        showAuthor={showAuthor}
      />
      <Authored
        id="uttalanden"
        title="Särskilda uttalanden och protokollsanteckningar"
        empty="Inga uttalanden i justerade protokoll."
        list={record.statements}
        paged={paged}
        showAuthor={showAuthor}
      />
      <Ballots list={record.ballots} paged={paged} showAuthor={showAuthor} />
    </>
  )
}

function Authored({
  id,
  title,
  empty,
  list,
  paged,
  showAuthor,
}: {
  id: string
  title: string
  empty: string
  list: AuthoredEntry[]
  paged: boolean
  showAuthor: boolean
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} ({countOf(list, paged)})
      </h2>
      {list.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul class="record-list">
          {list.map((entry) => (
            <li key={`${entry.id}-${entry.personSlug}`}>
              <SectionLink entry={entry} />
              <br />
              {entry.kind && <strong>{(entry.kind[0]?.toUpperCase() ?? '') + entry.kind.slice(1)}: </strong>}
              {showAuthor && entry.personName && entry.personSlug && (
                <>
                  <a href={paths.person(entry.personSlug)}>{entry.personName}</a>:{' '}
                </>
              )}
              {entry.text ?? ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function Ballots({ list, paged, showAuthor }: { list: BallotEntry[]; paged: boolean; showAuthor: boolean }) {
  return (
    <section aria-labelledby="roster">
      <h2 id="roster">Röster i omröstningar ({countOf(list, paged)})</h2>
      {list.length === 0 ? (
        <p>Inga öppna omröstningar i justerade protokoll.</p>
      ) : (
        <TableScroll label="Röster">
          <table class="ballots">
            <caption>Varje röst i öppna omröstningar, senaste först</caption>
            <thead>
              <tr>
                <th scope="col">Paragraf</th>
                <th scope="col">Fråga</th>
                {showAuthor && <th scope="col">Ledamot</th>}
                <th scope="col">Röst</th>
                <th scope="col">Utfall</th>
              </tr>
            </thead>
            <tbody>
              {list.map((b) => (
                <tr key={b.id}>
                  <td>
                    <SectionLink entry={b} />
                  </td>
                  <td>{b.question}</td>
                  {showAuthor && (
                    <td>
                      <a href={paths.person(b.personSlug)}>{b.personName}</a>
                    </td>
                  )}
                  <td>{ballotChoiceLabels[b.choice]}</td>
                  <td>
                    {b.yes} ja, {b.no} nej, {b.abstain} avstår
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  )
}

/** Memberships over time: committee, role, party, from–to. */
export function MembershipTable({
  memberships,
  showPerson,
  showParty,
}: {
  memberships: PublicRecord['memberships']
  showPerson: boolean
  showParty: boolean
}) {
  return memberships.length === 0 ? (
    <p>Inga uppdrag registrerade.</p>
  ) : (
    <TableScroll label="Uppdrag">
      <table>
        <caption>Uppdrag i nämnder, senaste först</caption>
        <thead>
          <tr>
            {showPerson && <th scope="col">Namn</th>}
            <th scope="col">Nämnd</th>
            <th scope="col">Roll</th>
            {showParty && <th scope="col">Parti</th>}
            <th scope="col">Från</th>
            <th scope="col">Till</th>
          </tr>
        </thead>
        <tbody>
          {memberships.map((m) => (
            <tr key={m.id}>
              {showPerson && (
                <td>
                  <a href={paths.person(m.personSlug)}>{m.personName}</a>
                </td>
              )}
              <td>
                <a href={paths.committee(m.committeeSlug)}>{m.committeeName}</a>
              </td>
              <td>{membershipRoleLabels[m.role]}</td>
              {showParty && (
                <td>
                  {m.partyAbbreviation ? (
                    <a href={paths.party(m.partyAbbreviation)}>{m.partyAbbreviation}</a>
                  ) : (
                    '–'
                  )}
                </td>
              )}
              <td>{formatDate(m.startsOn)}</td>
              <td>{m.endsOn ? formatDate(m.endsOn) : 'tills vidare'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}

/** A list's count beside its heading; on a paged record it is this page's, and says so. */
function countOf(list: readonly unknown[], paged: boolean): string {
  return paged ? `${list.length} på den här sidan` : String(list.length)
}
