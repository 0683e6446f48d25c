import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DomainError, InvalidInputError, InvalidStateError } from '../domain/shared/errors.ts'
import { importWarning } from './import-warnings.ts'

describe('importWarning', () => {
  it('says in Swedish what rule a published protocol breaks', () => {
    assert.equal(
      importWarning(
        new InvalidStateError(
          'motion_by_non_serving',
          'only a member serving at the § may make a motion (M6, KL 6:17)',
        ),
      ),
      'yrkandet kommer från någon som inte tjänstgjorde vid paragrafen',
    )
    assert.equal(
      importWarning(
        new InvalidStateError(
          'dissent_by_non_participant',
          'only a member who took part in the decision may dissent (KL 4:27)',
        ),
      ),
      'reservationen kommer från någon som inte deltog i beslutet',
    )
  })

  it('falls back on a Swedish sentence by the kind of refusal, never the developer’s English', () => {
    assert.equal(
      importWarning(new InvalidStateError('agenda_closed', 'a rule nobody has translated yet')),
      'uppgiften strider mot en regel för protokollet',
    )
    assert.equal(
      importWarning(new InvalidInputError('field_missing', 'something odd', 'x')),
      'uppgiften är ofullständig eller går inte att läsa',
    )
    assert.equal(
      importWarning(new DomainError('not_found', 'not_found', 'person 7 not found')),
      'det som uppgiften hänvisar till finns inte',
    )
  })
})
