// What the public sees of a change the audit log names, by the kind of object the row is about.
// The page cache (src/web/page-cache.ts) keeps a public page until the public record changes: the
// public change log moves for every kind it follows, so the cache need watch the audit log only for
// the kinds whose changes the portal shows beyond what the log follows. Everything a secretary does
// in the workspace is audited, so watching every audit row (as before) threw every kept page away at
// each keystroke of a draft; at a city's forty committees, a portal served uncached all day.

/**
 * Kinds the public change log follows and shows whole: their audit row names a public scope
 * (scopesOfAudited in public-record-edge.ts), which is decided again at the transaction's edge, and
 * everything the portal shows of them is in a public form, so the log moves whenever a public page
 * may have changed. A committee is followed too, but its local settings (how §§ are numbered, where
 * the minutes are kept) show on every meeting's page and in no form: it is watched as below. So are
 * the minutes themselves: their cover (the secretary, the signatories, where and when they sign)
 * is on the public minutes and in no form, and may change after an immediate sign-off made some §§
 * public. Their audit rows are few (opened, signatories appointed, closed); the §§ are the many.
 */
export const kindsShownOnlyThroughTheChangeLog = [
  'meeting',
  'agenda_item',
  'section',
  'document',
  // A notice of a meeting or of its minutes; one of a delegated decision names no meeting and is in
  // no public form: the page cache watches the newest notice for it (recordVersionQuery).
  'notice',
  'person',
  'membership',
  'matter',
] as const

/** Kinds seen only in the workspace: accounts and their sign-in, webhooks, feedback to the organisation. */
export const workspaceOnlyKinds = ['user_account', 'webhook', 'accessibility_feedback'] as const

/**
 * The kinds whose audit rows the page cache passes over. Every other kind moves the public pages'
 * version through its audit row: those known (a party's name, a term, the organisation's settings,
 * a delegated decision on the notice board) and any kind added later and not placed in one of the
 * lists above. A kind wrongly left out costs cache hits; one wrongly put in keeps a page past a
 * change it shows. Migration 0038 indexes the other rows by this list: a change to it needs an
 * index of its own (src/web/page-cache.test.ts checks the plan).
 */
export const kindsThePageCachePassesOver: readonly string[] = [
  ...kindsShownOnlyThroughTheChangeLog,
  ...workspaceOnlyKinds,
]
