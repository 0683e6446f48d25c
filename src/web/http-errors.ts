import type { DomainErrorCode } from '../domain/shared/errors.ts'

// The one table from a domain error to what the reader gets: a status and a Swedish heading.

export const httpErrors: Record<
  DomainErrorCode | 'internal',
  { status: number; title: string; text: string }
> = {
  not_found: {
    status: 404,
    title: 'Sidan finns inte',
    text: 'Vi hittar inte det du söker. Det kan ha flyttats, eller så är adressen felstavad.',
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
  internal: {
    status: 500,
    title: 'Något gick fel',
    text: 'Ett oväntat fel inträffade. Felet är loggat; försök igen om en stund.',
  },
}
