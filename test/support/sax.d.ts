// The few parts of sax (installed with the feed package) that test/support/xml-tree.ts uses.
declare module 'sax' {
  interface Tag {
    name: string
    attributes: Record<string, string>
  }
  interface SaxParser {
    onopentag: (tag: Tag) => void
    onclosetag: (name: string) => void
    ontext: (text: string) => void
    oncdata: (text: string) => void
    onerror: (error: Error) => void
    write(xml: string): SaxParser
    close(): SaxParser
  }
  const sax: { parser(strict: boolean, options?: { xmlns?: boolean; position?: boolean }): SaxParser }
  export default sax
}
