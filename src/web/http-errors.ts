import type { DomainErrorCode } from '../domain/shared/errors.ts'

// The one table from a domain error to what the reader gets: a status and a Swedish heading.

/** `unavailable` and `storage_full` are the database's or the disk's faults (db/database-faults.ts). */
export type HttpErrorCode = DomainErrorCode | 'internal' | 'unavailable' | 'storage_full' | 'gone'

export const httpErrors: Record<
  HttpErrorCode,
  { status: number; title: string; text: string; retryAfterSeconds?: number }
> = {
  not_found: {
    status: 404,
    title: 'Sidan finns inte',
    text: 'Vi hittar inte det du söker. Det kan ha flyttats, eller så är adressen felstavad.',
  },
  // A file that was public and was withdrawn or made confidential (OParl 2-07): it says no more than that.
  gone: {
    status: 410,
    title: 'Handlingen är borttagen',
    text: 'Handlingen har publicerats här tidigare men är inte längre offentlig på webbplatsen. Den kan ha ersatts, dragits tillbaka eller sekretessbelagts.',
  },
  forbidden: {
    status: 403,
    title: 'Ingen behörighet',
    text: 'Du har inte behörighet att se eller ändra det här.',
  },
  invalid_input: { status: 400, title: 'Felaktiga uppgifter', text: 'Något i förfrågan kunde inte läsas.' },
  invalid_state: {
    status: 409,
    title: 'Det går inte just nu',
    text: 'Åtgärden är inte möjlig i det här läget.',
  },
  conflict: {
    status: 409,
    title: 'Någon annan har ändrat',
    text: 'Någon annan sparade en ändring innan dig. Ladda om sidan och försök igen.',
  },
  // The database restarts or is away: the server answers at once, and says when to try again.
  unavailable: {
    status: 503,
    title: 'Tjänsten är tillfälligt otillgänglig',
    text: 'Databasen svarar inte just nu. Försök igen om en liten stund.',
    retryAfterSeconds: 10,
  },
  // 507 (RFC 4918 11.5): nothing can be saved until an operator frees space; reading still works.
  storage_full: {
    status: 507,
    title: 'Servern har inte plats att spara',
    text: 'Servern har inte plats att spara ändringar just nu, så det du skickade har inte sparats. Att läsa fungerar som vanligt. Försök igen senare.',
  },
  internal: {
    status: 500,
    title: 'Något gick fel',
    text: 'Ett oväntat fel inträffade. Felet är loggat; försök igen om en stund.',
  },
}
