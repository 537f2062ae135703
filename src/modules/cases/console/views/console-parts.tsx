import type { ComponentChildren } from 'preact';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { type DeadlineStatus, deadlineStatusLabels } from '../../core/case-deadline.ts';
import { type CaseState, stateLabel } from '../../core/workflows.ts';
import { consolePaths } from '../console-paths.ts';

/**
 * The console's own pieces that are not form controls (those are the forms kit's): tags that say their
 * meaning in words as well as colour, tables, sections and typed paragraphs. Summary rows and table heads
 * are the platform's (summary-list.tsx, table.tsx).
 */

const statusColours: Readonly<Record<DeadlineStatus, string>> = {
  on_track: 'govuk-tag--green',
  at_risk: 'govuk-tag--yellow',
  overdue: 'govuk-tag--red',
  paused: 'govuk-tag--grey',
  answered: 'govuk-tag--turquoise',
  finished: 'govuk-tag--blue',
};

/** The deadline status: colour and words, never colour alone. */
export function StatusTag({ lang, status }: { lang: Lang; status: DeadlineStatus }) {
  const label = deadlineStatusLabels[status];
  return (
    <strong class={`govuk-tag ${statusColours[status]}`} data-status={status}>
      {lang === 'en' ? label.en : label.zh}
    </strong>
  );
}

export function stateName(lang: Lang, state: CaseState): string {
  const label = stateLabel(state);
  return lang === 'en' ? label.en : label.zh;
}

/** A link to a case's page, by its number. */
export function CaseLink({ lang, caseNumber }: { lang: Lang; caseNumber: string }) {
  return (
    <a class="govuk-link" href={localePath(lang, consolePaths.casePage(caseNumber))}>
      {caseNumber}
    </a>
  );
}

/** A table of rows under its head, or a sentence saying there are none. */
export function Table(props: {
  id?: string;
  isEmpty: boolean;
  emptyText: string;
  columns: Parameters<typeof TableHead>[0]['columns'];
  children: ComponentChildren;
}) {
  if (props.isEmpty) return <p class="govuk-body">{props.emptyText}</p>;
  return (
    <table class="govuk-table" id={props.id}>
      <TableHead columns={props.columns} />
      <tbody class="govuk-table__body">{props.children}</tbody>
    </table>
  );
}

/** A section of a page with its heading, reachable from the page's contents. */
export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-heading`} id={id} class="govuk-!-margin-bottom-8">
      <h2 class="govuk-heading-m" id={`${id}-heading`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Text as the person typed it: one paragraph per line break. */
export function Paragraphs({ value, className = 'govuk-body' }: { value: string; className?: string }) {
  const lines = value.split(/\r?\n/);
  return (
    <>
      {lines.map((line, index) => (
        <p key={index} class={`${className} govuk-!-margin-bottom-1`}>
          {line}
        </p>
      ))}
    </>
  );
}
