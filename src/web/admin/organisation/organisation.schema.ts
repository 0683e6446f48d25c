import { fieldsForm, params, savedQuery } from '../shared/request.schema.ts'
import { settingsFieldNames } from './settings.form.ts'

// What the organisation's and the committees' routes read.

export const organisationParams = params('organisation')
export const committeeParams = params('committee')
export const pageQuery = savedQuery
export const settingsForm = fieldsForm(settingsFieldNames, ['statementKinds'])
export const newCommitteeForm = fieldsForm(['name', 'kind', 'parentId', 'seats'])
