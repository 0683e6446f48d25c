import { extractText, getDocumentProxy } from 'unpdf'

/** The text of each page of a PDF (via unpdf / PDF.js); throws when the PDF cannot be read. */
export async function extractPdfPages(bytes: Uint8Array): Promise<string[]> {
  const release = guardPdfJsRejections()
  try {
    // PDF.js may detach the buffer it is given: pass a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 })
    try {
      const { text } = await extractText(pdf, { mergePages: false })
      return text
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
