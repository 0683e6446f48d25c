import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { loadDemoData } from '../../demo/load-demo.ts'
import { extractPdfPages } from '../../domain/document/pdf-text.ts'
import {
  lineText,
  type MinutesOutline,
  minutesOutline,
  outlineNamesOf,
} from '../../domain/publication/minutes-outline.ts'
import { readPublicMeeting } from '../../domain/publication/public-meeting.ts'
import { createApp } from '../app.ts'

// The minutes page and the PDF walk one outline (domain/publication/minutes-outline.ts): every
// phrase of the outline of seed 002 must be in both, word for word.

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()

/** The page's text as a reader sees it: inline tags vanish, block tags separate, entities decoded. */
function pageText(html: string): string {
  const body = html.slice(html.indexOf('<main'))
  return collapse(
    body
      .replace(/<\/?(a|code|strong|em|span|abbr)\b[^>]*>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'"),
  )
}

/** Every phrase the outline has the renderers say: headings, lines, facts, votes and ballots. */
function phrases(outline: MinutesOutline): string[] {
  const { cover, sections } = outline
  const said = [cover.attendanceHeading, cover.signOffHeading, outline.sectionsHeading]
  for (const group of cover.attendance) {
    said.push(group.heading, ...group.lines.map(lineText))
    if (group.lines.length === 0 && group.empty) said.push(group.empty)
  }
  for (const fact of cover.facts) said.push(fact.term, lineText(fact.value))
  for (const s of sections) {
    said.push(s.heading)
    if (s.signedOff) said.push(s.signedOff)
    if (s.confidential) said.push(s.confidential)
    if (s.outcome) said.push(s.outcome)
    if (s.decision.length > 0) said.push(s.decisionHeading)
    if (s.motions.length > 0) said.push(s.motionsHeading)
    for (const m of s.motions) if (m.lead) said.push(lineText(m.lead).trim())
    if (s.decisionProcedure) said.push(s.procedureHeading)
    for (const v of s.votes) {
      said.push(v.heading, v.question, v.result)
      if (v.means) said.push(v.means)
      if (v.secret) said.push(v.secret)
      if (v.ballots) said.push(v.ballots.caption, ...v.ballots.rows.map((r) => r.person.name))
    }
    if (s.dissents.length > 0) said.push(s.dissentsHeading)
    for (const d of s.dissents) said.push('line' in d ? lineText(d.line) : lineText(d.lead ?? []).trim())
    for (const st of s.statements) {
      said.push(st.heading)
      said.push('line' in st ? lineText(st.line) : lineText(st.lead ?? []).trim())
    }
    if (s.recusals.length > 0) said.push(s.recusalsHeading, ...s.recusals.map(lineText))
  }
  return [...new Set(said.map(collapse).filter(Boolean))]
}

describeOnEachDatabase('the minutes page and the PDF, one outline', (getDb) => {
  let app: FastifyInstance
  let page = ''
  let pdf = ''
  let outline: MinutesOutline
  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    app = await createApp({ db: getDb(), logLevel: 'silent', now: () => new Date('2023-04-01T10:00:00Z') })
    const url = '/committees/socialnamnden/mote-2022-12-14/protokoll'
    page = pageText((await app.inject(url)).body)
    pdf = collapse((await extractPdfPages((await app.inject(`${url}.pdf`)).rawPayload)).join(' '))
    const view = await readPublicMeeting(getDb(), 'socialnamnden', 'mote-2022-12-14')
    assert.ok(view?.minutes, 'seed 002 has public minutes')
    outline = minutesOutline(view.minutes, outlineNamesOf(view))
  })
  after(() => app.close())

  it('says every phrase of the outline of seed 002 on the page and in the PDF', () => {
    const said = phrases(outline)
    assert.ok(said.length > 60, `${said.length} phrases`)
    assert.ok(outline.sections.length >= 19, `${outline.sections.length} §§`)
    const missing = {
      page: said.filter((phrase) => !page.includes(phrase)),
      pdf: said.filter((phrase) => !pdf.includes(phrase)),
    }
    assert.deepEqual(missing, { page: [], pdf: [] })
  })

  it('has the cover and the §§ of seed 002 in the outline, in the protocol’s words', () => {
    const said = phrases(outline)
    for (const phrase of [
      'Emil Adén (S), tjänstgörande ersättare för Alexander Ojanne',
      'Tjänstgörande ordförande',
      'Jan Jönsson, Anders Göransson',
      '§§ 18–19 14 december 2022 (omedelbar justering)',
      'Särskilt uttalande',
      '§ 10 Redovisning av budgetuppdraget',
    ])
      assert.ok(
        said.some((s) => s.includes(phrase)),
        phrase,
      )
  })
})
