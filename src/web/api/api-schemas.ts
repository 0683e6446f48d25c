import { z } from 'zod'
import type { PublishedDocumentJson } from '../../domain/publication/meeting-document-json.ts'

// The shapes of every /api/v1 answer, as zod schemas: each response is parsed with its schema
// before it is sent (a field not declared here never leaves the server), and openapi.ts turns the
// same schemas into the OpenAPI document's components. One source for both.

/** The schemas the OpenAPI document names (components.schemas), by id. */
export const apiSchemas = z.registry<{ id: string }>()

/** What each named schema is, by id: the OpenAPI document's descriptions. */
export const schemaDescriptions = new Map<string, string>()

/** Registers a schema under a name in components.schemas and returns it. */
export function named<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  apiSchemas.add(schema, { id })
  if (description) schemaDescriptions.set(id, description)
  return schema
}

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('Ett datum, ÅÅÅÅ-MM-DD (svensk tid).')
const time = z.string().describe('Ett klockslag, TT:MM.')
const url = z.string().describe('En absolut adress.')

export const errorSchema = named(
  'Error',
  z.object({
    error: z
      .enum(['not_found', 'invalid_input', 'too_many_requests', 'unavailable', 'internal'])
      .describe('Felets kod, för program.'),
    message: z.string().describe('Vad som gick fel, på svenska.'),
    reason: z
      .string()
      .optional()
      .describe('Vilken regel som avvisade begäran, när en gjorde det (t.ex. nul_character), för program.'),
    details: z.array(z.string()).optional().describe('Vilka parametrar som var fel och varför.'),
  }),
  'Varje fel har samma form (även en adress som avvisas innan den når API:t).',
)

export const pageLinks = named(
  'PageLinks',
  z.object({
    self: url,
    next: url.optional().describe('Nästa sida; saknas på den sista.'),
  }),
)

export const committeeRef = named(
  'CommitteeRef',
  z.object({ slug: z.string(), name: z.string(), url }),
  'En nämnd som den nämns i ett annat objekt.',
)

export const personRef = named(
  'PersonRef',
  z.object({ slug: z.string(), name: z.string(), url }),
  'En person som den nämns i ett annat objekt.',
)

export const meetingRef = named(
  'MeetingRef',
  z.object({ committee: committeeRef, slug: z.string(), date: day, url }),
  'Ett sammanträde som det nämns i ett annat objekt.',
)

export const committeeSchema = named(
  'Committee',
  z.object({
    slug: z.string(),
    name: z.string(),
    kind: z.enum(['fullmaktige', 'styrelse', 'namnd', 'utskott', 'rad']),
    parent: committeeRef.nullable().describe('Nämnden som utskottet hör till.'),
    seats: z.number().int().nullable().describe('Antal ledamöter.'),
    links: z.object({ self: url, meetings: url, html: url, calendar: url, feed: url, votes: url }),
  }),
  'En nämnd, styrelse, fullmäktige, ett utskott eller råd.',
)

export const committeeListSchema = named(
  'CommitteeList',
  z.object({ data: z.array(committeeSchema), links: pageLinks }),
)

export const seatSchema = named(
  'Seat',
  z.object({
    person: personRef,
    party: z.string().nullable().describe('Partiets förkortning.'),
    role: z.enum(['chair', 'vice_chair', 'member', 'substitute']),
    substituteOrder: z.number().int().nullable(),
    startsOn: day,
    endsOn: day.nullable(),
  }),
  'En plats i nämnden i dag.',
)

export const committeeDetailSchema = named(
  'CommitteeDetail',
  committeeSchema.extend({ members: z.array(seatSchema) }),
  'En nämnd med dagens ledamöter och ersättare.',
)

export const meetingSchema = named(
  'Meeting',
  z.object({
    committee: committeeRef,
    slug: z.string(),
    date: day,
    start: time.nullable(),
    end: time.nullable(),
    location: z.string().nullable(),
    status: z.enum([
      'planned',
      'notice_published',
      'held',
      'minutes_draft',
      'signed_off',
      'published',
      'cancelled',
    ]),
    cancellationReason: z.string().nullable(),
    agendaPublished: z.boolean().describe('Kallelsen är ute: dagordningen är offentlig.'),
    links: z.object({ self: url, agenda: url, minutes: url, html: url, calendar: url }),
  }),
  'Ett sammanträde.',
)

export const meetingListSchema = named(
  'MeetingList',
  z.object({ data: z.array(meetingSchema), links: pageLinks }),
  'Sammanträden, senaste först.',
)

// Document JSON (docs/document-json.md) of a published agenda or minutes.

const actor = named(
  'Actor',
  z.object({
    name: z.string().optional(),
    party: z.string().optional(),
    andOthers: z.literal(true).optional(),
  }),
  'En person eller grupp som den står i protokollet: "Anna Berg m.fl. (S)".',
)
const attachment = named('Attachment', z.object({ title: z.string(), href: url.optional() }))
const ballot = named(
  'Ballot',
  z.object({ name: z.string(), party: z.string().optional(), vote: z.enum(['ja', 'nej', 'avstår']) }),
)
const vote = named(
  'Vote',
  z.object({
    question: z.string().optional(),
    yes: z.number().int().optional(),
    no: z.number().int().optional(),
    abstain: z.number().int().optional(),
    ballots: z.array(ballot).optional().describe('Saknas vid sluten omröstning.'),
    result: z.string().optional(),
  }),
  'En omröstning.',
)
const attendee = named(
  'Attendee',
  z.object({
    name: z.string(),
    party: z.string().optional(),
    role: z.enum([
      'ordförande',
      'vice ordförande',
      'ledamot',
      'ersättare',
      'tjänstgörande ersättare',
      'tjänsteperson',
      'övrig',
    ]),
    title: z.string().optional(),
    present: z.boolean(),
    servingFor: z.string().optional(),
    sections: z.array(z.number().int()).optional(),
    sectionsNotServed: z.array(z.number().int()).optional(),
    sectionsPartlyServed: z.array(z.number().int()).optional(),
  }),
)

export const documentItemSchema = named(
  'DocumentItem',
  z.object({
    number: z.string().optional().describe('Punktens nummer på dagordningen.'),
    section: z.number().int().optional().describe('Paragrafens nummer (§).'),
    title: z.string().optional(),
    heading: z.string().optional(),
    registryNumbers: z.array(z.string()).optional().describe('Diarienummer.'),
    summary: z.string().optional(),
    proposal: z.array(z.string()).optional(),
    decision: z.array(z.string()).optional().describe('Beslutet, att-sats för att-sats.'),
    officerReportDate: day.optional(),
    presenter: z.string().optional(),
    attachments: z.array(attachment).optional(),
    immediateSignOff: z.literal(true).optional(),
    confidential: z
      .literal(true)
      .optional()
      .describe('Sekretess (OSL): bara nummer och en neutral rubrik visas, inget annat.'),
    decisionProcedure: z.string().optional(),
    motions: z
      .array(z.object({ by: z.array(actor), text: z.string(), points: z.array(z.string()).optional() }))
      .optional()
      .describe('Yrkanden.'),
    votes: z.array(vote).optional(),
    dissents: z
      .array(z.object({ by: z.array(actor), text: z.string().optional() }))
      .optional()
      .describe('Reservationer.'),
    statements: z
      .array(z.object({ kind: z.string(), by: z.array(actor), text: z.string().optional() }))
      .optional()
      .describe('Särskilda uttalanden, protokollsanteckningar, yttranden.'),
    recusals: z
      .array(z.object({ name: z.string(), party: z.string().optional(), reason: z.string().optional() }))
      .optional()
      .describe('Jäv.'),
    status: z.enum(['utgår', 'kommer senare']).optional(),
    outcome: z.enum(['bordlagt', 'återremitterat']).optional(),
    appealDeadline: day.optional().describe('Sista dag att överklaga (KL 13:5).'),
    appealed: z.literal(true).optional(),
    finalSince: day.optional().describe('Dagen beslutet vann laga kraft.'),
    rectifications: z.array(z.object({ date: day, reason: z.string() })).optional(),
  }),
  'En punkt på dagordningen eller en paragraf i protokollet.',
)

const documentJsonShape = {
  kind: z.enum(['agenda', 'minutes']),
  source: z.object({ url }),
  organisation: z.string().optional(),
  committee: z.string(),
  meeting: z.object({
    date: day.optional(),
    start: time.optional(),
    end: time.optional(),
    location: z.string().optional(),
  }),
  sections: z.object({ first: z.number().int(), last: z.number().int() }).optional(),
  chair: z.string().optional(),
  secretary: z.string().optional(),
  signatories: z.array(z.string()).optional(),
  signOffs: z
    .array(
      z.object({
        sections: z.array(z.number().int()),
        date: day.optional(),
        immediate: z.literal(true).optional(),
        noticePosted: day.optional(),
        noticeRemoved: day.optional(),
        appealDeadline: day.optional(),
      }),
    )
    .optional(),
  noticePosted: day.optional(),
  noticeRemoved: day.optional(),
  appealDeadline: day.optional(),
  attendance: z.array(attendee).optional(),
  items: z.array(documentItemSchema),
  warnings: z.array(z.string()),
}

const documentLinks = z.object({ self: url, meeting: url, html: url, documentJson: url })

export const agendaSchema = named(
  'Agenda',
  z.object({ ...documentJsonShape, links: documentLinks }),
  'Den offentliga dagordningen som dokument-JSON (docs/document-json.md); tom innan kallelsen är ute.',
)

export const minutesSchema = named(
  'Minutes',
  z.object({ ...documentJsonShape, links: documentLinks }),
  'De justerade paragraferna som dokument-JSON (docs/document-json.md): beslut, yrkanden, omröstningar, röster, reservationer.',
)

// The schema and the read model's type must say the same: a field added to one and not the other fails typecheck.
type DocumentJsonOfSchema = Omit<z.output<typeof agendaSchema>, 'links'>
const _schemaCoversModel = (d: PublishedDocumentJson): DocumentJsonOfSchema => d
const _modelCoversSchema = (d: DocumentJsonOfSchema): PublishedDocumentJson => d
void _schemaCoversModel
void _modelCoversSchema

const sectionRef = named(
  'SectionRef',
  z.object({
    meeting: meetingRef,
    number: z.number().int(),
    label: z.string(),
    title: z.string(),
    url: url.describe('Paragrafen i protokollet på webbplatsen.'),
    minutes: url.describe('Protokollet i API:t.'),
  }),
  'En justerad, offentlig paragraf.',
)

const authoredEntry = named(
  'AuthoredEntry',
  z.object({
    section: sectionRef,
    kind: z.string().optional().describe('Uttalandets slag; saknas för yrkanden och reservationer.'),
    text: z.string().nullable(),
    person: personRef.nullable().describe('Saknas för ett gruppyrkande, som "(S)".'),
  }),
)

const ballotEntry = named(
  'BallotEntry',
  z.object({
    section: sectionRef,
    question: z.string(),
    choice: z.enum(['yes', 'no', 'abstain']),
    outcome: z.enum(['yes', 'no']).describe('Hur omröstningen slutade.'),
    yes: z.number().int(),
    no: z.number().int(),
    abstain: z.number().int(),
    person: personRef,
  }),
)

const recordShape = {
  memberships: z.array(
    z.object({
      committee: committeeRef,
      person: personRef,
      role: z.enum(['chair', 'vice_chair', 'member', 'substitute']),
      party: z.string().nullable(),
      startsOn: day,
      endsOn: day.nullable(),
    }),
  ),
  attendance: z.object({
    meetings: z.number().int().describe('Sammanträden med justerat protokoll under uppdraget.'),
    present: z.number().int(),
    servedAsSubstitute: z.number().int(),
  }),
  motions: z.array(authoredEntry),
  dissents: z.array(authoredEntry),
  statements: z.array(authoredEntry),
  ballots: z.array(ballotEntry),
  page: z
    .number()
    .int()
    .describe('Sidan av listorna (yrkanden, reservationer, uttalanden, röster), nyaste först.'),
  links: z.object({ self: url, next: url.optional(), html: url }),
}

export const personSchema = named(
  'Person',
  z.object({
    slug: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    links: z.object({ self: url, html: url }),
  }),
)

export const personListSchema = named(
  'PersonList',
  z.object({ data: z.array(personSchema), links: pageLinks }),
)

export const personRecordSchema = named(
  'PersonRecord',
  z.object({ person: personSchema, ...recordShape }),
  'Vad det offentliga protokollet säger om en person: uppdrag, närvaro, yrkanden, reservationer, röster.',
)

export const partySchema = named(
  'Party',
  z.object({
    abbreviation: z.string(),
    name: z.string().nullable(),
    links: z.object({ self: url, html: url }),
  }),
)

export const partyListSchema = named('PartyList', z.object({ data: z.array(partySchema), links: pageLinks }))

export const partyRecordSchema = named(
  'PartyRecord',
  z.object({ party: partySchema, ...recordShape }),
  'Vad det offentliga protokollet säger om ett parti, för alla som suttit för det.',
)

export const matterSchema = named(
  'Matter',
  z.object({
    registryNumber: z.string(),
    title: z.string().nullable(),
    kind: z.string().nullable(),
    steps: z.array(
      z.object({
        meeting: meetingRef,
        number: z.string().nullable().describe('Punktens nummer på dagordningen.'),
        title: z.string().nullable(),
        summary: z.string().nullable(),
        proposal: z.array(z.string()),
        status: z.string(),
        attachments: z.array(attachment),
        decisions: z.array(
          z.object({
            number: z.number().int(),
            label: z.string(),
            title: z.string(),
            decision: z.array(z.string()),
            outcome: z.enum(['decided', 'noted', 'tabled', 'referred_back']),
            signedOffOn: day.nullable(),
          }),
        ),
      }),
    ),
    links: z.object({ self: url, html: url, feed: url }),
  }),
  'Ett ärende och varje sammanträde det passerat, äldst först.',
)

export const noticeSchema = named(
  'Notice',
  z.object({
    kind: z.enum(['meeting', 'minutes', 'delegated_decision']),
    title: z.string(),
    postedOn: day,
    removedOn: day.describe('Dagen anslaget tas ned.'),
    lastAppealDay: day.nullable(),
    meeting: meetingRef.nullable(),
  }),
  'Ett anslag på anslagstavlan (KL 8:10–12).',
)

export const noticeBoardSchema = named(
  'NoticeBoard',
  z.object({
    date: day,
    data: z.array(noticeSchema),
    links: z.object({ self: url, archive: url, html: url }),
  }),
  'Anslagen som sitter uppe i dag.',
)

export const noticeArchiveSchema = named(
  'NoticeArchive',
  z.object({ data: z.array(noticeSchema), links: pageLinks }),
  'Anslag som tagits ned, senaste först.',
)

export const searchResultSchema = named(
  'SearchResult',
  z.object({
    total: z.number().int().describe('Antal träffar, räknat upp till 1000.'),
    moreThanTotal: z.boolean(),
    data: z.array(
      z.object({
        kind: z.enum(['agenda_item', 'section', 'document']),
        title: z.string(),
        label: z.string().nullable(),
        excerpt: z
          .array(z.object({ text: z.string(), hit: z.boolean() }))
          .describe('Omkring trettio ord kring träffen; hit markerar sökorden. Ren text.'),
        match: z.enum(['title', 'word', 'part']),
        meeting: meetingRef,
        section: z.number().int().nullable(),
        url: url.describe('Träffen på webbplatsen.'),
      }),
    ),
    links: pageLinks,
  }),
)

export const indexSchema = named(
  'Index',
  z.object({
    name: z.string(),
    version: z.string(),
    links: z.record(z.string(), url),
  }),
  'Ingången till API:t.',
)
