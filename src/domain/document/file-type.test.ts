import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { declaredFileType, documentFileName, documentUrlName, type FileType } from './file-type.ts'
import type { UploadRefusal, UploadRefusedError } from './upload-refusal.ts'

const pdf = 'application/pdf'
const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

describe('declaredFileType', () => {
  const accepted: Array<[string, string, FileType]> = [
    ['bilaga.pdf', pdf, 'pdf'],
    ['Bilaga.PDF', 'application/pdf; charset=binary', 'pdf'],
    ['bilaga', pdf, 'pdf'],
    ['protokoll 2023.12.14', pdf, 'pdf'],
    ['beslut.docx', 'application/octet-stream', 'docx'],
    ['beslut.docx', '', 'docx'],
    ['foto.jpg', 'image/pjpeg', 'jpeg'],
  ]
  for (const [fileName, mimeType, type] of accepted) {
    it(`takes ${fileName} sent as "${mimeType}" for ${type}`, () => {
      assert.equal(declaredFileType({ fileName, mimeType }), type)
    })
  }

  const refused: Array<[string, string, UploadRefusal]> = [
    ['sida.html', 'text/html', 'type_not_allowed'],
    ['gammal.doc', 'application/msword', 'type_not_allowed'],
    ['program.exe', pdf, 'type_not_allowed'],
    ['bilaga', 'application/octet-stream', 'type_not_allowed'],
    ['bilaga.pdf', docx, 'type_mismatch'],
  ]
  for (const [fileName, mimeType, refusal] of refused) {
    it(`refuses ${fileName} sent as "${mimeType}" (${refusal})`, () => {
      assert.throws(
        () => declaredFileType({ fileName, mimeType }),
        (error: UploadRefusedError) => error.refusal === refusal && error.field === 'file',
      )
    })
  }
})

describe('document file names', () => {
  it('keeps the title, Swedish letters and all, for the download', () => {
    assert.equal(documentFileName('Tjänsteutlåtande om taxor', pdf), 'Tjänsteutlåtande om taxor.pdf')
    assert.equal(documentFileName('Bilaga 1: karta/ritning "A"', docx), 'Bilaga 1 karta ritning A.docx')
    assert.equal(documentFileName(' \n ', pdf), 'handling.pdf')
  })

  it('makes a plain address part', () => {
    assert.equal(documentUrlName('Tjänsteutlåtande om taxor', pdf), 'tjansteutlatande-om-taxor.pdf')
    assert.equal(documentUrlName('§§§', 'image/png'), 'handling.png')
  })
})
