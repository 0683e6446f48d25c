import { form, params, savedQuery, text } from '../shared/request.schema.ts'

// What the member import reads: the list pasted in.

export const committeeParams = params('committee')
export const memberImportQuery = savedQuery
export const memberListForm = form({ members: text })
