import type { Person } from '../../domain/person/person.ts'
import type { PublicRecord } from '../../domain/publication/person-record.ts'
import { paths } from '../paths.ts'
import { Layout } from '../views/layout.tsx'
import { MembershipTable, PublicRecordView } from './public-record.view.tsx'
import { RecordPager } from './record-pager.view.tsx'
import { SubscribeForm } from './subscribe-form.view.tsx'

/** A person's Atom feed: what they did in public §§, newest first (paths.ts is not this module's). */
export const personFeedPath = (personSlug: string) => `/personer/${personSlug}/flode.atom`

/** A person: memberships over time and what the public minutes record of them. */
export function PersonPage({ person, record }: { person: Person; record: PublicRecord }) {
  return (
    <Layout
      title={person.name}
      breadcrumbs={[{ href: paths.start(), label: 'Start' }, { label: person.name }]}
      alternates={[{ href: personFeedPath(person.slug), title: person.name, type: 'application/atom+xml' }]}
    >
      <h1>{person.name}</h1>
      {person.title && <p>{person.title}</p>}
      <section aria-labelledby="uppdrag">
        <h2 id="uppdrag">Uppdrag</h2>
        <MembershipTable memberships={record.memberships} showPerson={false} showParty={true} />
      </section>
      <PublicRecordView record={record} showAuthor={false} />
      <p>
        <a href={paths.personVotes(person.slug)}>Alla röster i omröstningar som tabell (CSV)</a>
      </p>
      <RecordPager base={paths.person(person.slug)} page={record.page} hasOlder={record.hasOlder} />
      <SubscribeForm
        what={person.name}
        fields={{ person: person.slug }}
        feedHref={personFeedPath(person.slug)}
      />
    </Layout>
  )
}
