import sax from 'sax'

/** An element of a parsed XML document: its name, attributes, text and child elements. */
export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlElement[]
  /** The element's own text, entities decoded, CDATA included (and counted in `cdata`). */
  text: string
  cdata: number
}

/**
 * Parses XML strictly (a document that is not well-formed throws), as a feed reader would, so a
 * test sees what the reader sees: which elements there are and what text they hold.
 */
export function parseXml(xml: string): XmlElement {
  const parser = sax.parser(true)
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '', cdata: 0 }
  const open: XmlElement[] = [root]
  const current = () => open[open.length - 1] as XmlElement
  parser.onopentag = (tag) => {
    const element = { name: tag.name, attributes: tag.attributes, children: [], text: '', cdata: 0 }
    current().children.push(element)
    open.push(element)
  }
  parser.onclosetag = () => void open.pop()
  parser.ontext = (text) => {
    current().text += text
  }
  parser.oncdata = (text) => {
    current().text += text
    current().cdata++
  }
  parser.onerror = (error) => {
    throw error
  }
  parser.write(xml).close()
  const [document] = root.children
  if (!document) throw new Error('no root element')
  return document
}

/** Every element below (and including) `element`, depth first. */
export function allElements(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(allElements)]
}

/** The child elements of `element` named `name`. */
export const childrenNamed = (element: XmlElement, name: string) =>
  element.children.filter((c) => c.name === name)
