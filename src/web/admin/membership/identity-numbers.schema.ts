import { formWithKeys, params, savedQuery } from '../shared/request.schema.ts'

// What the personnummer page reads.

export const committeeParams = params('committee')
export const identityNumbersQuery = savedQuery
/** `personnummer-<personId>`: the number typed for each member and substitute. */
export const identityNumbersForm = formWithKeys({}, /^personnummer-\d{1,9}$/)
