import { type CycleStep, cycleStepLabels, type NextStep } from './next-step.ts'

/**
 * The "Nästa steg" box of every page of a meeting's cycle: what to do next, with its link, and the
 * whole cycle with the current step marked, so a new secretary sees where the meeting stands.
 * On the page the step leads to (`here`), the box says where the meeting stands without a link to itself.
 */
export function NextStepBox({ next, here }: { next: NextStep | undefined; here?: string }) {
  if (!next) return null
  const steps = Object.keys(cycleStepLabels) as CycleStep[]
  const link = next.link && next.link.href !== here ? next.link : undefined
  return (
    <section class="next-step" aria-labelledby="nasta-steg">
      <h2 id="nasta-steg">Nästa steg: {cycleStepLabels[next.step]}</h2>
      <p>
        {next.text}
        {link && (
          <>
            {' '}
            <a href={link.href}>{link.label}</a>
          </>
        )}
      </p>
      <ol class="cycle">
        {steps.map((step) => (
          <li key={step} aria-current={step === next.step ? 'step' : undefined}>
            {cycleStepLabels[step]}
          </li>
        ))}
      </ol>
    </section>
  )
}
