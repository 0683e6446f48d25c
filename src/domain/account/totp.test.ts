import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Secret } from 'otpauth'
import { acceptedStep, groupedSecret, newTotpSecret, otpauthUri, totpCodeAt, totpStepAt } from './totp.ts'

// RFC 6238, Appendix B: the SHA-1 seed "12345678901234567890"; its 8-digit codes end in these six.
const rfcSecret = Secret.fromLatin1('12345678901234567890').base32

describe('TOTP (RFC 6238)', () => {
  for (const [seconds, code] of [
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
    [20000000000, '353130'],
  ] as const)
    it(`gives the RFC's code at ${seconds} s`, () => {
      assert.equal(totpCodeAt(rfcSecret, new Date(seconds * 1000)), code)
    })

  const now = new Date('2026-12-06T02:00:10Z')
  const step = totpStepAt(now)
  const at = (steps: number) => new Date(now.getTime() + steps * 30_000)

  it('accepts the present step and one on either side, and no further', () => {
    assert.equal(acceptedStep(rfcSecret, totpCodeAt(rfcSecret, now), now, null), step)
    assert.equal(acceptedStep(rfcSecret, totpCodeAt(rfcSecret, at(-1)), now, null), step - 1)
    assert.equal(acceptedStep(rfcSecret, totpCodeAt(rfcSecret, at(1)), now, null), step + 1)
    assert.equal(acceptedStep(rfcSecret, totpCodeAt(rfcSecret, at(-2)), now, null), undefined)
    assert.equal(acceptedStep(rfcSecret, totpCodeAt(rfcSecret, at(2)), now, null), undefined)
  })

  it('refuses a code of a step already used, or of one before it', () => {
    const code = totpCodeAt(rfcSecret, now)
    assert.equal(acceptedStep(rfcSecret, code, now, step), undefined)
    assert.equal(acceptedStep(rfcSecret, totpCodeAt(rfcSecret, at(-1)), now, step), undefined)
    assert.equal(acceptedStep(rfcSecret, totpCodeAt(rfcSecret, at(1)), now, step), step + 1)
  })

  it('ignores spaces and refuses what is not six digits', () => {
    const code = totpCodeAt(rfcSecret, now)
    assert.equal(acceptedStep(rfcSecret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null), step)
    for (const bad of ['', '12345', '1234567', 'abcdef', `${code}0`])
      assert.equal(acceptedStep(rfcSecret, bad, now, null), undefined)
  })

  it('makes 160-bit secrets and an otpauth address naming the issuer and the account', () => {
    const secret = newTotpSecret()
    assert.match(secret, /^[A-Z2-7]{32}$/)
    assert.notEqual(secret, newTotpSecret())
    assert.equal(groupedSecret('ABCDEFGHIJ'), 'ABCD EFGH IJ')
    const uri = new URL(otpauthUri(secret, 'anna@example.se', 'Paragraf Exempelstad'))
    assert.equal(uri.protocol, 'otpauth:')
    assert.equal(uri.host, 'totp')
    assert.equal(uri.searchParams.get('secret'), secret)
    assert.equal(uri.searchParams.get('issuer'), 'Paragraf Exempelstad')
    assert.equal(uri.searchParams.get('digits'), '6')
    assert.equal(uri.searchParams.get('period'), '30')
    assert.match(decodeURIComponent(uri.pathname), /Paragraf Exempelstad:anna@example\.se/)
  })
})
