/**
 * One logical line of a document after format-specific markup is gone: the common input of the
 * portal, agenda and protocol parsers, whatever the source format.
 */
export interface Block {
  /** Plain text: markup removed, whitespace collapsed, trimmed. */
  text: string
  /** 1-based line in the decoded source, for warnings. */
  line: number
  /** heading: Markdown # or HTML h1–h6; strong: a bold label standing alone; item: a list item. */
  style: 'heading' | 'strong' | 'item' | 'text'
  /** Struck through (~~x~~, <del>, <s>): in attendance lists it marks an absent member. */
  struck?: true
  /** The list marker as printed: '-', '•', '1.', 'A.'. */
  marker?: string
  /** Nesting depth of a list item (0 = top level). */
  depth?: number
  /** Table cells, for a table row. */
  cells?: string[]
  /** The line with its original spacing (text sources only), for column positions in vote tables. */
  layout?: string
  /** Link target of a block that is a single link (HTML sources). */
  href?: string
  /** Text sources: the line may be a wrapped continuation of the previous one. */
  wrapped?: true
}

/** Collapses runs of whitespace to one space and trims. Linear time. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

/** True for headings and bold labels, the blocks that can open a part of a § or a cover field. */
export function isLabel(b: Block): boolean {
  return b.style === 'heading' || b.style === 'strong'
}
