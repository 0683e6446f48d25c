// The address of every OParl object, in one place: an object's `id` is its URL (OParl 2-03), so
// the routes in src/web/oparl and the mapping functions here must agree on every shape.

export const oparlBasePath = '/oparl/v1'

export type ListName =
  | 'organization'
  | 'person'
  | 'meeting'
  | 'paper'
  | 'legislative-term'
  // The external lists OParl 1.1 added to Body (4-01): each object also appears inline elsewhere.
  | 'agenda-item'
  | 'consultation'
  | 'file'
  | 'location'
  | 'membership'

/** Absolute URLs of the OParl objects under one public base (PUBLIC_URL). */
export function oparlLinks(publicUrl: string) {
  const api = `${publicUrl.replace(/\/+$/, '')}${oparlBasePath}`
  return {
    portal: (path: string) => `${publicUrl.replace(/\/+$/, '')}${path}`,
    system: () => api,
    body: (id: number) => `${api}/body/${id}`,
    list: (bodyId: number, name: ListName) => `${api}/body/${bodyId}/${name}`,
    organization: (committeeId: number) => `${api}/organization/${committeeId}`,
    /** Parties are Organizations too (organizationType "party"), in an address space of their own. */
    party: (partyId: number) => `${api}/party/${partyId}`,
    person: (id: number) => `${api}/person/${id}`,
    membership: (id: number) => `${api}/membership/${id}`,
    legislativeTerm: (id: number) => `${api}/legislative-term/${id}`,
    meeting: (id: number) => `${api}/meeting/${id}`,
    /** A meeting's place: OParl wants a Location object, Paragraf keeps a line of text per meeting. */
    location: (meetingId: number) => `${api}/location/${meetingId}`,
    agendaItem: (id: number) => `${api}/agenda-item/${id}`,
    paper: (matterId: number) => `${api}/paper/${matterId}`,
    /** One consultation per public agenda item that carries a matter, so it shares the item's id. */
    consultation: (agendaItemId: number) => `${api}/consultation/${agendaItemId}`,
    file: (documentId: number) => `${api}/file/${documentId}`,
    /** A file Paragraf generates for a meeting (agenda JSON, minutes JSON, minutes PDF/A), by its name. */
    meetingFile: (meetingId: number, name: string) => `${api}/meeting/${meetingId}/file/${name}`,
  }
}

export type OparlLinks = ReturnType<typeof oparlLinks>

export const oparlType = (name: string) => `https://schema.oparl.org/1.1/${name}`
