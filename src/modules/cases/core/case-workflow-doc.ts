import { caseStates, eventLabels, stateLabels, workflow } from './case-workflow.ts';

/**
 * docs/case-workflow.md, generated from the transition table (`npm run docs:workflow`). A unit test fails
 * when the committed file differs from what the table generates, so the diagram cannot go stale.
 */
export function renderWorkflowDocument(): string {
  const lines: string[] = [
    '# Case workflow (generated)',
    '',
    '<!-- Generated from src/modules/cases/case-workflow.ts by `npm run docs:workflow`. Do not edit by hand. -->',
    '',
    'Every case follows this table, whatever its kind or channel. Staff roles and the applicant (acting with',
    'the case number and lookup code) may take an event only where the table lists them, and only when the',
    'guards hold: `own_unit` (supervisors and handlers act on their own unit’s cases), `assigned_or_unassigned`',
    '(a handler acts on cases assigned to them or not yet assigned), `within_reopen_window` (the applicant',
    'reopens within `CASE_REOPEN_DAYS` of closing). Any other (role, state, event) is refused: 409',
    '`INVALID_TRANSITION` when the state does not allow the event, 403 `FORBIDDEN` when the role or a guard does',
    'not. The permission-matrix test (`src/modules/cases/case-permissions.db.test.ts`) tries every combination.',
    '',
    '```mermaid',
    'stateDiagram-v2',
    '  [*] --> received',
  ];
  for (const state of caseStates) {
    for (const transition of workflow[state]) {
      lines.push(`  ${state} --> ${transition.to}: ${transition.event}`);
    }
  }
  for (const state of caseStates) {
    if (workflow[state].length === 0) lines.push(`  ${state} --> [*]`);
  }
  lines.push(
    '```',
    '',
    '## States',
    '',
    '| state | 中文 | English | the applicant reads |',
    '|---|---|---|---|',
  );
  for (const state of caseStates) {
    const label = stateLabels[state];
    lines.push(`| \`${state}\` | ${label.zh} | ${label.en} | ${label.explainZh} / ${label.explainEn} |`);
  }
  lines.push(
    '',
    '## Transitions',
    '',
    '| from | event | to | who | guards | requires |',
    '|---|---|---|---|---|---|',
  );
  for (const state of caseStates) {
    for (const transition of workflow[state]) {
      const label = eventLabels[transition.event];
      lines.push(
        `| \`${state}\` | \`${transition.event}\` (${label.zh}) | \`${transition.to}\` | ${transition.roles.join(', ')} | ${transition.guards.join(', ') || '—'} | ${transition.requires.join(', ') || '—'} |`,
      );
    }
  }
  lines.push(
    '',
    'Besides the table: assignment (supervisors, within their unit; a handler takes an unassigned case by',
    'accepting it), extensions (asked for by the handler with a reason, approved by a supervisor; the applicant is',
    'told the new date and the reason), and notes. Each writes a timeline event like a transition does.',
    '',
  );
  return lines.join('\n');
}
