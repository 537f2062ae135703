import type { StaffRole } from '../../../../platform/auth/principal.ts';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { consoleText as text } from '../console-messages.ts';
import { consolePaths } from '../console-paths.ts';
import type { SupervisionLine, SupervisionUnit } from '../supervision-model.ts';
import { ConsoleNav } from './console-nav.tsx';

export interface SupervisionPageProps {
  lang: Lang;
  role: StaffRole;
  lead: string;
  units: readonly SupervisionUnit[];
  /** The secretariat sees every unit: its links name the unit. */
  linksNameUnit: boolean;
}

/** Open, at-risk and overdue cases per unit and case officer; every number opens those cases. */
export function SupervisionPage(props: SupervisionPageProps) {
  const { lang } = props;
  const link = (unit: SupervisionUnit, line: SupervisionLine, due: '' | 'soon' | 'overdue') => {
    const query = new URLSearchParams();
    if (props.linksNameUnit) query.set('unit', unit.unitCode);
    if (line.kind === 'handler' && line.handlerId !== null) query.set('handler', line.handlerId);
    if (line.kind === 'unassigned') query.set('unassigned', 'yes');
    if (due !== '') query.set('due', due);
    const search = query.toString();
    return `${localePath(lang, consolePaths.unitQueue)}${search === '' ? '' : `?${search}`}`;
  };
  const cell = (
    unit: SupervisionUnit,
    line: SupervisionLine,
    count: number,
    due: '' | 'soon' | 'overdue',
    what: string,
  ) => (
    <td class="govuk-table__cell govuk-table__cell--numeric" data-count={due === '' ? 'open' : due}>
      {count === 0 ? (
        '0'
      ) : (
        <a class="govuk-link" href={link(unit, line, due)}>
          {count}
          <span class="govuk-visually-hidden">
            {` ${text(lang, 'supervisionLinkLabel', { who: line.name, what, count })}`}
          </span>
        </a>
      )}
    </td>
  );
  return (
    <>
      <ConsoleNav lang={lang} role={props.role} current={consolePaths.supervision} />
      <h1 class="govuk-heading-l">{text(lang, 'supervisionTitle')}</h1>
      <p class="govuk-body">{props.lead}</p>
      {props.units.length === 0 ? <p class="govuk-body">{text(lang, 'supervisionEmpty')}</p> : null}
      {props.units.map((unit) => (
        <table key={unit.unitCode} class="govuk-table" data-unit={unit.unitCode}>
          <caption class="govuk-table__caption govuk-table__caption--m">
            {text(lang, 'supervisionCaption', { unit: unit.unitName })}
          </caption>
          <TableHead
            columns={[
              text(lang, 'supervisionColumnHandler'),
              { label: text(lang, 'supervisionColumnOpen'), isNumeric: true },
              { label: text(lang, 'supervisionColumnAtRisk'), isNumeric: true },
              { label: text(lang, 'supervisionColumnOverdue'), isNumeric: true },
            ]}
          />
          <tbody class="govuk-table__body">
            {unit.lines.map((line) => (
              <tr
                key={`${line.kind}-${line.handlerId ?? ''}`}
                class="govuk-table__row"
                data-line={line.kind === 'handler' ? line.handlerId : line.kind}
              >
                <th scope="row" class="govuk-table__header">
                  {line.name}
                </th>
                {cell(unit, line, line.open, '', text(lang, 'supervisionColumnOpen'))}
                {cell(unit, line, line.atRisk, 'soon', text(lang, 'supervisionColumnAtRisk'))}
                {cell(unit, line, line.overdue, 'overdue', text(lang, 'supervisionColumnOverdue'))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
