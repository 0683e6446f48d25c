import type { ComponentChildren } from 'preact'

/**
 * A wide table that scrolls sideways in its own box on a narrow screen (375 px) instead of
 * widening the page (WCAG 1.4.10 reflow). The box is focusable and named, so it can be scrolled
 * from the keyboard and a screen reader says what it holds.
 */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section class="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  )
}
