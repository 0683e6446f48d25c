import { fieldsForm, noFields, noQuery, params, savedQuery } from '../shared/request.schema.ts'

// What the accounts' routes read.

export const entryQuery = noQuery
export const organisationParams = params('organisation')
export const accountParams = params('organisation', 'user')
export const grantParams = params('organisation', 'user', 'grant')
export const pageQuery = savedQuery
export const newAccountForm = fieldsForm(['email', 'name', 'role', 'committeeId', 'personId'])
export const roleForm = fieldsForm(['role', 'committeeId'])
export const personForm = fieldsForm(['personId'])
export const buttonForm = noFields
