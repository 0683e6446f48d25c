import { deflateRawSync, inflateRawSync } from 'node:zlib'
import type { OparlLinks } from './oparl-links.ts'
import type { OparlObject } from './oparl-objects.ts'

// A public form kept as the change log decided it (migration 0033, docs/decisions/0003-kept-public-
// forms.md), read back for the API instead of being built again from the archive's tables.

/**
 * The version of what a kept form shows. Raise it with any change to what a meeting's OParl form
 * says (buildMeetings and what it calls: a disclosure rule, a masking, a field): forms kept by
 * another version are then not served (the meeting is built from the tables) and are taken again
 * in the background when a server starts. oparl-kept-forms.test.ts holds a digest of the demo's
 * forms that fails until this is raised.
 */
export const keptFormVersion = 2

/** The origin a kept form's addresses are written under; a read puts the server's PUBLIC_URL there. */
export const keptFormOrigin = 'https://paragraf.invalid'

/**
 * The day a form is taken for: where a decision stands depends on the day (the appeal period runs
 * out, KL 13:5), so the form is taken as if every period had run out. It changes with what was
 * recorded, not with the calendar, and is the day's form from its steady day on (steadyFromOf).
 */
export const formDay = '9999-12-31'

/**
 * The first day a form taken on formDay is the form of the day: the day after the last appeal day
 * of each decision it shows as final (before it, that decision is still open to appeal). Null when
 * no decision in it waits for a period to run out.
 */
export function steadyFromOf(form: unknown): string | null {
  let steadyFrom: string | null = null
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item)
      return
    }
    if (!value || typeof value !== 'object') return
    const object = value as Record<string, unknown>
    if (object.finality === 'final' && typeof object.finalSince === 'string')
      if (steadyFrom === null || object.finalSince > steadyFrom) steadyFrom = object.finalSince
    for (const child of Object.values(object)) if (child && typeof child === 'object') visit(child)
  }
  visit(form)
  return steadyFrom
}

/** A form as it is kept: its JSON, deflated. */
export const packForm = (json: string): Buffer => deflateRawSync(json)

/** The JSON of a kept form, as it was taken (addresses under keptFormOrigin). */
export const unpackedJson = (form: Buffer): string => inflateRawSync(form).toString('utf8')

/**
 * A kept form with the addresses of this server. Only a JSON string that begins with the kept
 * origin is an address (the form's links and web pages all do); a text of the record never begins
 * with it unless someone typed that very address, which then points here as it should.
 */
export function unpackForm(form: Buffer, links: OparlLinks): OparlObject {
  const origin = JSON.stringify(links.portal('')).slice(1, -1)
  return JSON.parse(unpackedJson(form).replaceAll(`"${keptFormOrigin}`, `"${origin}`)) as OparlObject
}
