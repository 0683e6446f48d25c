import { params, query } from '../shared/request.schema.ts'

// What the audit log's page reads.

export const auditParams = params('type', 'id')
export const auditQuery = query()
