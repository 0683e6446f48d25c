// Writes a tagged PDF with pdfkit: every heading, paragraph, list and table is a structure element
// (H1–H4, P, L/LI/Lbl/LBody, Table/TR/TH/TD) in reading order, and what is only decoration (rules,
// page numbers) is marked as an artifact, so a screen reader and a PDF/A-2a validator see the text
// as the portal's HTML presents it (P5).

type Doc = PDFKit.PDFDocument
type Element = PDFKit.PDFStructureElement

const headingSizes = { 1: 18, 2: 14, 3: 12, 4: 10.5 } as const
const bodySize = 10.5
const muted = '#4a4a4a'

export class TaggedWriter {
  private readonly parents: Element[]
  private readonly chunks: Buffer[] = []
  private readonly done: Promise<Buffer>

  constructor(private readonly doc: Doc) {
    this.done = new Promise((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => this.chunks.push(chunk))
      doc.on('end', () => resolve(Buffer.concat(this.chunks)))
      doc.on('error', reject)
    })
    const root = doc.struct('Document')
    doc.addStructure(root)
    this.parents = [root]
    doc.font('Text').fontSize(bodySize)
  }

  private get parent(): Element {
    return this.parents[this.parents.length - 1] as Element
  }

  private get left() {
    return this.doc.page.margins.left
  }

  private get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right
  }

  /** Starts a new page unless `height` points still fit on this one. */
  private ensureSpace(height: number) {
    const { doc } = this
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage()
  }

  /** Adds a structure element whose content `draw` writes; the content is marked as it is drawn. */
  private element(type: string, draw: () => void, parent = this.parent) {
    parent.add(this.doc.struct(type, {}, draw))
  }

  heading(level: 1 | 2 | 3 | 4, text: string, options: { keepWithNext?: boolean } = {}) {
    const { doc } = this
    const size = headingSizes[level]
    doc.moveDown(level <= 2 ? 0.8 : 0.5)
    // A heading is never left alone at the foot of a page.
    this.ensureSpace(size * 1.4 + (options.keepWithNext ? bodySize * 4 : bodySize * 2))
    this.element(`H${level}`, () => {
      doc.font('Bold').fontSize(size).fillColor('black')
      doc.text(text, this.left, doc.y, { width: this.width })
    })
    doc.moveDown(0.2)
  }

  paragraph(text: string, options: { muted?: boolean } = {}) {
    const { doc } = this
    this.ensureSpace(bodySize * 1.4)
    this.element('P', () => {
      doc
        .font('Text')
        .fontSize(bodySize)
        .fillColor(options.muted ? muted : 'black')
      doc.text(text, this.left, doc.y, { width: this.width })
    })
    doc.fillColor('black').moveDown(0.35)
  }

  list(items: readonly string[], options: { numbered?: boolean; labels?: readonly string[] } = {}) {
    const { doc } = this
    const indent = 18
    const list = doc.struct('L')
    this.parent.add(list)
    items.forEach((item, i) => {
      this.ensureSpace(bodySize * 1.4)
      const y = doc.y
      const entry = doc.struct('LI')
      list.add(entry)
      this.element(
        'Lbl',
        () => {
          doc.font('Text').fontSize(bodySize).fillColor('black')
          doc.text(options.labels?.[i] ?? (options.numbered ? `${i + 1}.` : '•'), this.left, y, {
            width: indent,
            lineBreak: false,
          })
        },
        entry,
      )
      this.element(
        'LBody',
        () => {
          doc.text(item, this.left + indent, y, { width: this.width - indent })
        },
        entry,
      )
      entry.end()
      doc.moveDown(0.15)
    })
    list.end()
    doc.x = this.left
    doc.moveDown(0.3)
  }

  /** A table with a caption, a header row and a header cell (the name) at the start of each row. */
  table(caption: string, headers: readonly string[], rows: readonly (readonly string[])[]) {
    const { doc } = this
    const fractions = [0.55, 0.2, 0.25]
    const xs = fractions.map(
      (_, i) => this.left + this.width * fractions.slice(0, i).reduce((a, b) => a + b, 0),
    )
    const widths = fractions.map((f) => this.width * f - 6)
    const table = doc.struct('Table')
    this.parent.add(table)
    this.ensureSpace(bodySize * 6)
    this.element(
      'Caption',
      () => {
        doc.font('Text').fontSize(bodySize).fillColor(muted)
        doc.text(caption, this.left, doc.y, { width: this.width })
      },
      table,
    )
    doc.fillColor('black').moveDown(0.2)
    const row = (cells: readonly string[], header: boolean) => {
      this.ensureSpace(bodySize * 1.6)
      const y = doc.y
      let bottom = y
      const tr = doc.struct('TR')
      table.add(tr)
      cells.forEach((text, i) => {
        const isHeader = header || i === 0
        // Scope tells a reader which cells a header cell names: the column, or the member's row.
        const options = isHeader
          ? ({ scope: header ? 'Column' : 'Row' } as PDFKit.Mixins.StructureElementOptions)
          : {}
        tr.add(
          doc.struct(isHeader ? 'TH' : 'TD', options, () => {
            doc.font(header ? 'Bold' : 'Text').fontSize(bodySize)
            doc.text(text, xs[i] as number, y, { width: widths[i] as number })
          }),
        )
        bottom = Math.max(bottom, doc.y)
      })
      tr.end()
      doc.y = bottom + 2
      this.rule(doc.y)
      doc.y += 3
    }
    row(headers, true)
    for (const cells of rows) row(cells, false)
    table.end()
    doc.x = this.left
    doc.moveDown(0.5)
  }

  /** A thin line across the text column: decoration only, so an artifact. */
  private rule(y: number) {
    const { doc } = this
    doc.markContent('Artifact', { type: 'Layout' })
    doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke()
    doc.endMarkedContent()
  }

  /** Groups what `write` adds in a section (Sect), as a § is in the HTML. */
  section(write: () => void) {
    const sect = this.doc.struct('Sect')
    this.parent.add(sect)
    this.parents.push(sect)
    try {
      write()
    } finally {
      this.parents.pop()
      sect.end()
    }
  }

  /** "Sida N av M" at the foot of every page, as pagination artifacts (not part of the text). */
  pageNumbers(text: (page: number, count: number) => string) {
    const { doc } = this
    const { start, count } = doc.bufferedPageRange()
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i)
      // Writing below the bottom margin would otherwise make pdfkit start a new page.
      const bottom = doc.page.margins.bottom
      doc.page.margins.bottom = 0
      doc.markContent('Artifact', { type: 'Pagination' })
      doc.font('Text').fontSize(8).fillColor(muted)
      doc.text(text(i - start + 1, count), this.left, doc.page.height - 40, {
        width: this.width,
        align: 'center',
        lineBreak: false,
      })
      doc.endMarkedContent()
      doc.page.margins.bottom = bottom
    }
  }

  /** Ends the structure and the document; resolves with the whole file. */
  finish(): Promise<Buffer> {
    for (const element of this.parents) element.end()
    this.doc.end()
    return this.done
  }
}
