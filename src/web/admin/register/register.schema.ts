import { fieldsForm, params, savedQuery } from '../shared/request.schema.ts'

// What the register's routes read: the organisation, and the form of a term, a party or a person.

export const registerParams = params('organisation')
export const registerQuery = savedQuery
export const termForm = fieldsForm(['name', 'startsOn', 'endsOn'])
export const partyForm = fieldsForm(['abbreviation', 'name'])
export const personForm = fieldsForm(['name', 'title'])
