import { form, params, savedQuery, text } from '../shared/request.schema.ts'

// What the accessibility feedback's routes read.

export const feedbackQuery = savedQuery
export const feedbackParams = params('id')
export const handledForm = form({ note: text })
