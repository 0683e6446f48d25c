import type { ComponentChildren } from 'preact'
import { marker, type TextBlock, textBlocks } from '../../domain/publication/text-structure.ts'

/**
 * A text field of the minutes as its paragraphs (<p>) and lists (<ol>, <ul>), in the order printed.
 * `lead` opens the first paragraph (the authors of a motion: "Anna Berg (S): …").
 */
export function StructuredText({ text, lead }: { text: string; lead?: ComponentChildren }) {
  const blocks = textBlocks(text)
  const first = blocks[0]
  return (
    <>
      {lead !== undefined && first?.kind !== 'paragraph' && <p>{lead}</p>}
      {blocks.map((block, i) =>
        block.kind === 'paragraph' ? (
          <p key={i}>
            {i === 0 && lead !== undefined ? lead : null}
            {block.text}
          </p>
        ) : (
          <TextList key={i} list={block} />
        ),
      )}
    </>
  )
}

/** A list of the text; an ordered one counts as printed (1, 2, 3 or A, B, C, from where it starts). */
export function TextList({ list }: { list: Extract<TextBlock, { kind: 'list' }> }) {
  const items = list.items.map((item, i) => <li key={`${i}-${marker(list, i)}`}>{item}</li>)
  if (!list.ordered) return <ul>{items}</ul>
  return (
    <ol
      {...(list.counter && list.counter !== '1' ? { type: list.counter } : {})}
      {...(list.start ? { start: list.start } : {})}
    >
      {items}
    </ol>
  )
}

/** A decision point (att-sats): its text, and the bullets it carries ("för nämndens räkning:" …). */
export function PointText({ point }: { point: string }) {
  const blocks = textBlocks(point)
  if (blocks.length === 1 && blocks[0]?.kind === 'paragraph') return <>{blocks[0].text}</>
  return <StructuredText text={point} />
}
