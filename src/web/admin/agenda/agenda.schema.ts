import { choices, fieldsForm, form, params, savedQuery } from '../shared/request.schema.ts'
import { itemFieldNames } from './agenda.form.ts'

// What the agenda editor's and the notice's routes read.

export const meetingParams = params('committee', 'meeting')
export const itemParams = params('committee', 'meeting', 'item')
export const itemActionParams = params('committee', 'meeting', 'item', 'action')
export const pageQuery = savedQuery
export const itemForm = fieldsForm(itemFieldNames, ['title', 'summary', 'proposal'])
/** The standard items ticked: one key, or several. */
export const standardItemsForm = form({ keys: choices })
export const itemActionForm = fieldsForm(['version'])
export const noticeForm = fieldsForm(['version', 'lateReason'], ['lateReason'])
