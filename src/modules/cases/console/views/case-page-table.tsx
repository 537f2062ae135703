import type { ComponentChildren } from 'preact';
import type { Lang } from '../../../../platform/web/i18n.ts';
import { type CasePageTextKey, casePageText as text, casePageTexts as texts } from '../case-page-messages.ts';
import { Table } from './console-parts.tsx';

/**
 * A table of the case page (attachments, deadline extensions, timeline, notices sent): its column heads and
 * its "nothing yet" sentence are case-page message keys, so each section names its columns as a list of keys
 * and writes only its rows.
 */
export function CasePageTable(props: {
  lang: Lang;
  id?: string;
  isEmpty: boolean;
  emptyKey: CasePageTextKey;
  columnKeys: readonly CasePageTextKey[];
  children: ComponentChildren;
}) {
  return (
    <Table
      id={props.id}
      isEmpty={props.isEmpty}
      emptyText={text(props.lang, props.emptyKey)}
      columns={texts(props.lang, props.columnKeys)}
    >
      {props.children}
    </Table>
  );
}
