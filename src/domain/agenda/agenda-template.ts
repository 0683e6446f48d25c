// The standard items most committee agendas open and close with. A default for now; a committee's
// local settings may later hold its own list, which is why the editor asks `agendaTemplateFor`.

export interface StandardItem {
  key: string
  title: string
}

export const defaultAgendaTemplate: readonly StandardItem[] = [
  { key: 'dagordning', title: 'Godkännande av dagordning' },
  { key: 'justerare', title: 'Val av justerare' },
  { key: 'information', title: 'Information' },
  { key: 'fragor', title: 'Frågor' },
  { key: 'anmalningsarenden', title: 'Anmälningsärenden' },
  { key: 'delegationsbeslut', title: 'Delegationsbeslut' },
]

/** The standard items offered for a committee's agendas. */
export function agendaTemplateFor(_committeeId: number): readonly StandardItem[] {
  return defaultAgendaTemplate
}
