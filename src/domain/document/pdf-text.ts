import { getDocumentProxy } from 'unpdf'

/**
 * The text of each page of a PDF (via unpdf / PDF.js), at most `mostPages` of them; throws when
 * the PDF cannot be read. Pages are read one at a time and let go of: unpdf's extractText asks for
 * every page at once, and a small file of a few thousand pages then held PDF.js's whole document
 * in memory (600 MB and a minute for 5,000 one-line pages).
 */
export async function extractPdfPages(
  bytes: Uint8Array,
  { mostPages = Number.POSITIVE_INFINITY }: { mostPages?: number } = {},
): Promise<string[]> {
  const release = guardPdfJsRejections()
  try {
    // PDF.js may detach the buffer it is given: pass a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 })
    try {
      const texts: string[] = []
      for (let number = 1; number <= Math.min(pdf.numPages, mostPages); number++) {
        const page = await pdf.getPage(number)
        const content = await page.getTextContent()
        texts.push(
          content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''),
        )
        page.cleanup()
      }
      return texts
    } finally {
      await pdf.destroy()
    }
  } finally {
    release()
  }
}

// PDF.js leaves some of its own promises unhandled when a damaged file fails to load (e.g.
// XRefEntryException), sometimes after the load has already failed. While a PDF is being read, and
// for a second after, such rejections are dropped; any other rejection is rethrown as Node would.
let reading = 0
function dropPdfJsRejection(reason: unknown): void {
  const fromPdfJs =
    reason instanceof Error && (/Exception$/.test(reason.name) || /pdfjs/.test(reason.stack ?? ''))
  if (!fromPdfJs) throw reason
}

function guardPdfJsRejections(): () => void {
  if (reading++ === 0) process.on('unhandledRejection', dropPdfJsRejection)
  return () => {
    setTimeout(() => {
      if (--reading === 0) process.off('unhandledRejection', dropPdfJsRejection)
    }, 1000).unref()
  }
}
