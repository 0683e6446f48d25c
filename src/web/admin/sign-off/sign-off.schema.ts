import { fieldsForm, form, line, noQuery, params, query, savedQuery, text } from '../shared/request.schema.ts'

// What the sign-off's routes read: signing (password, paper, e-legitimation), after the sign-off,
// and the extract.

export const signOffParams = params('signOffId')
export const sectionParams = params('committee', 'meeting', 'number')
/** `kommenterat`: a comment was sent; `sparat`: saved. */
export const signOffQuery = query('sparat', 'kommenterat')
export const pageQuery = savedQuery
export const noPageQuery = noQuery
export const commentForm = form({ sectionId: line, text: text })
export const passwordForm = form({ password: line })
/** The paper sign-off's fields, read from the stream before the scanned cover. */
export const paperSignOffFields = fieldsForm(['signedOn'])
/** The broker's answer: `state` names the signing flow; the code is read from the URL as it came. */
export const oidcAnswerQuery = query('state')
export const rectificationForm = fieldsForm(
  ['reason', 'title', 'decision', 'version'],
  ['reason', 'title', 'decision'],
)
export const appealForm = fieldsForm(['receivedOn', 'court', 'caseNumber'])
