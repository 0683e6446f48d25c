import { fieldsForm, params } from '../shared/request.schema.ts'

// What the documents' upload routes read: the address, and the fields before the file.

export const itemParams = params('committee', 'meeting', 'item')
export const documentParams = params('committee', 'meeting', 'item', 'document')
export const uploadFields = fieldsForm([
  'documentTitle',
  'documentKind',
  'documentConfidential',
  'documentGround',
])
export const newVersionFields = fieldsForm([])
