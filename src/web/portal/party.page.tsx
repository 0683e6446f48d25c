import type { Party } from '../../domain/person/person.ts'
import type { PublicRecord } from '../../domain/publication/person-record.ts'
import { paths } from '../paths.ts'
import { Layout } from '../views/layout.tsx'
import { MembershipTable, PublicRecordView } from './public-record.view.tsx'
import { RecordPager } from './record-pager.view.tsx'

/** A party: everyone who sat for it, and the public record of them together. */
export function PartyPage({ party, record }: { party: Party; record: PublicRecord }) {
  const name = party.name ? `${party.name} (${party.abbreviation})` : `Partiet ${party.abbreviation}`
  return (
    <Layout title={name} breadcrumbs={[{ href: paths.start(), label: 'Start' }, { label: name }]}>
      <h1>{name}</h1>
      <section aria-labelledby="uppdrag">
        <h2 id="uppdrag">Ledamöter och ersättare</h2>
        <MembershipTable memberships={record.memberships} showPerson={true} showParty={false} />
      </section>
      <PublicRecordView record={record} showAuthor={true} />
      <p>
        <a href={paths.partyVotes(party.abbreviation)}>Alla röster i omröstningar som tabell (CSV)</a>
      </p>
      <RecordPager base={paths.party(party.abbreviation)} page={record.page} hasOlder={record.hasOlder} />
    </Layout>
  )
}
