import { fieldsForm, form, line, noFields, params, savedQuery } from '../shared/request.schema.ts'

// What the register of delegated decisions' routes read.

export const registerParams = params('committee')
export const decisionParams = params('committee', 'id')
export const registerQuery = savedQuery
export const decisionForm = fieldsForm(
  ['title', 'decisionMaker', 'delegationPoint', 'decidedOn', 'registryNumber', 'urgent'],
  ['title'],
)
export const reportForm = form({ meetingId: line })
export const noticeForm = noFields
