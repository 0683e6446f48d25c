import { fieldsForm, params, savedQuery } from '../shared/request.schema.ts'

// What the person merge reads: the two persons.

export const organisationParams = params('organisation')
export const personMergeQuery = savedQuery
export const personMergeForm = fieldsForm(['keptPersonId', 'mergedPersonId'])
