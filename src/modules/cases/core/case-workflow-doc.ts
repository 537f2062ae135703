import { actionTable, caseActions } from './case-actions.ts';
import type { Transition } from './workflow-definition.ts';
import type { CaseWorkflow } from './workflows.ts';
import { caseWorkflows, kindsOf } from './workflows.ts';

/**
 * docs/case-workflow.md, generated from the workflows and the actions table (`npm run docs:workflow`). A unit
 * test fails when the committed file differs from what the tables generate, so it cannot go stale.
 */

function workflowSection(workflow: CaseWorkflow): string[] {
  const lines = [
    `## Workflow \`${workflow.name}\``,
    '',
    `${workflow.summary} Kinds: ${kindsOf(workflow)
      .map((kind) => `\`${kind}\``)
      .join(', ')}.`,
    '',
    '```mermaid',
    'stateDiagram-v2',
    `  [*] --> ${workflow.initial}`,
  ];
  for (const state of workflow.states)
    for (const transition of workflow.transitions[state])
      lines.push(`  ${state} --> ${transition.to}: ${transition.event}`);
  for (const state of workflow.states)
    if (workflow.transitions[state].length === 0) lines.push(`  ${state} --> [*]`);
  const flags = (state: string) =>
    [
      workflow.isFinished(state) ? 'finished' : null,
      workflow.isPaused(state) ? 'paused' : null,
      workflow.isAnswered(state) ? 'answered' : null,
    ]
      .filter((flag) => flag !== null)
      .join(', ') || '—';
  lines.push(
    '```',
    '',
    '### States',
    '',
    '| state | 中文 | English | the clock | the applicant reads |',
    '|---|---|---|---|---|',
  );
  for (const state of workflow.states) {
    const label = workflow.labels.states[state];
    lines.push(
      `| \`${state}\` | ${label.zh} | ${label.en} | ${flags(state)} | ${label.explainZh} / ${label.explainEn} |`,
    );
  }
  lines.push(
    '',
    '### Transitions',
    '',
    '| from | event | to | who | guards | requires |',
    '|---|---|---|---|---|---|',
  );
  for (const state of workflow.states) {
    for (const transition of workflow.transitions[state]) {
      const label = workflow.labels.events[transition.event];
      lines.push(
        `| \`${state}\` | \`${transition.event}\` (${label.zh}) | \`${transition.to}\` | ${transition.roles.join(', ')} | ${transition.guards.join(', ') || '—'} | ${requiresOf(transition)} |`,
      );
    }
  }
  lines.push('');
  return lines;
}

/** What taking the event asks for: its inputs, or the one service that takes it (Transition.through). */
function requiresOf(transition: Transition): string {
  if (transition.through === 'deficiency_notice')
    return 'only through the deficiency notice (`POST /api/staff/cases/{caseNumber}/deficiency-notices`, or its page)';
  return transition.requires.join(', ') || '—';
}

function actionsSection(): string[] {
  const lines = [
    '## Other actions',
    '',
    'Besides the events, these actions are data too (`src/modules/cases/core/case-actions.ts`): a role may take',
    'one when some grant names it and every relation of that grant holds between the person and the case —',
    '`any` (every case), `own_unit` (the case is in their unit), `assigned_to_me`, `unassigned_in_own_unit`,',
    '`passed_through` (the case was in their unit before a transfer) — and the case meets the conditions. For the',
    'lists (look-up, queues, supervision) the relation says which cases the list holds. The routes, the staff API',
    'and the use cases all ask this table; refused: 403 `FORBIDDEN` naming why, or, for an assignment, one',
    'problem per case it could not take (400).',
    '',
    '| action | 中文 | who, on which cases | conditions |',
    '|---|---|---|---|',
  ];
  for (const action of caseActions) {
    const rule = actionTable[action];
    const who = rule.grants
      .map(
        (grant) =>
          `${grant.roles.join(', ')}: ${grant.relations.map((relation) => `\`${relation}\``).join(' + ')}`,
      )
      .join('; ');
    const conditions =
      Object.keys(rule.conditions)
        .map((condition) => `\`${condition}\``)
        .join(', ') || '—';
    lines.push(`| \`${action}\` | ${rule.label.zh} | ${who} | ${conditions} |`);
  }
  lines.push(
    '',
    'Conditions: `open` (not in a finished state of the case’s workflow), `not_answered` (not in an answered',
    'state), `no_pending_extension`, `pending_extension`. Each assignment, extension and note writes a timeline',
    'event as a transition does; an extension asked for by a supervisor is approved at once, and the applicant is',
    'told the new date and the reason.',
    '',
  );
  return lines;
}

export function renderWorkflowDocument(): string {
  const lines: string[] = [
    '# Case workflows (generated)',
    '',
    '<!-- Generated from src/modules/cases/core/ (workflows.ts, default-workflow.ts, case-actions.ts) by `npm run docs:workflow`. Do not edit by hand. -->',
    '',
    'Every case follows the workflow of its kind (`src/modules/cases/core/workflows.ts`), whatever its channel.',
    'Staff roles and the applicant (acting with the case number and lookup code) may take an event only where the',
    'table lists them, and only when the guards hold: `own_unit` (supervisors and handlers act on their own unit’s',
    'cases), `assigned_or_unassigned` (a handler acts on cases assigned to them or not yet assigned),',
    '`within_reopen_window` (the applicant reopens within `CASE_REOPEN_DAYS` of closing). Any other (role, state,',
    'event) is refused: 403 `FORBIDDEN` for a staff role no workflow names (at the route), 409 `INVALID_TRANSITION`',
    'when the state does not allow the event, 403 `FORBIDDEN` when the role or a guard does not. The',
    'permission-matrix test (`src/modules/cases/core/case-permissions.db.test.ts`) tries every combination, and',
    'every action of the table below for every role and relation.',
    '',
  ];
  for (const workflow of caseWorkflows) lines.push(...workflowSection(workflow));
  lines.push(...actionsSection());
  return lines.join('\n');
}
