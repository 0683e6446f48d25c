import { noQuery } from '../shared/request.schema.ts'

// What the start page reads: nothing but the session.

export const startQuery = noQuery
