import type { StaffRole } from '../../../../platform/auth/principal.ts';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import type { PendingExtension } from '../../core/extensions.ts';
import { consoleText as text } from '../console-messages.ts';
import { consolePaths } from '../console-paths.ts';
import type { SupervisionLine, SupervisionUnit } from '../supervision-model.ts';
import { formatDate, formatDateTime } from './console-format.ts';
import { ConsoleNav } from './console-nav.tsx';
import { CaseLink } from './console-parts.tsx';

export interface SupervisionPageProps {
  lang: Lang;
  role: StaffRole;
  lead: string;
  units: readonly SupervisionUnit[];
  /** The secretariat sees every unit: its links name the unit. */
  linksNameUnit: boolean;
  /** The extension requests waiting for a decision (the oldest first) and how many there are. */
  extensions: { items: readonly PendingExtension[]; total: number };
  unitName: (code: string) => string;
}

/** 展延核定: the requests waiting for a supervisor, each linking to its case page, where it is decided. */
function PendingExtensions(props: SupervisionPageProps) {
  const { lang, extensions } = props;
  const queueHref = (unitCode: string | null) => {
    const query = new URLSearchParams();
    if (unitCode !== null) query.set('unit', unitCode);
    query.set('extension', 'pending');
    return `${localePath(lang, consolePaths.unitQueue)}?${query.toString()}`;
  };
  return (
    <section aria-labelledby="extensions-heading" id="extensions" class="govuk-!-margin-bottom-8">
      <h2 class="govuk-heading-m" id="extensions-heading">
        {text(lang, 'extensionsHeading')}
      </h2>
      {extensions.total === 0 ? (
        <p class="govuk-body" data-pending-extensions="0">
          {text(lang, 'extensionsEmpty')}
        </p>
      ) : (
        <>
          <p class="govuk-body" data-pending-extensions={extensions.total}>
            {text(lang, 'extensionsCount', { count: extensions.total })}
          </p>
          <div class="ow-table-scroll">
            <table class="govuk-table" id="pending-extensions">
              <TableHead
                columns={[
                  text(lang, 'extensionsColumnCase'),
                  ...(props.linksNameUnit ? [text(lang, 'extensionsColumnUnit')] : []),
                  text(lang, 'extensionsColumnRequestedBy'),
                  text(lang, 'extensionsColumnRequestedAt'),
                  { label: text(lang, 'extensionsColumnAmount'), isNumeric: true },
                  text(lang, 'extensionsColumnExpected'),
                ]}
              />
              <tbody class="govuk-table__body">
                {extensions.items.map((item) => (
                  <tr key={item.extensionId} class="govuk-table__row" data-extension={item.caseNumber}>
                    <td class="govuk-table__cell">
                      <CaseLink lang={lang} caseNumber={item.caseNumber} />
                    </td>
                    {props.linksNameUnit ? (
                      <td class="govuk-table__cell">{props.unitName(item.unitCode)}</td>
                    ) : null}
                    <td class="govuk-table__cell">{item.requestedByName}</td>
                    <td class="govuk-table__cell">{formatDateTime(lang, item.requestedAt)}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">
                      {text(lang, item.isHours ? 'extensionsHours' : 'extensionsDays', {
                        amount: item.amount,
                      })}
                    </td>
                    <td class="govuk-table__cell">
                      {item.expectedCompletionDate === null
                        ? '—'
                        : formatDate(lang, item.expectedCompletionDate)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {props.linksNameUnit ? null : (
            <p class="govuk-body">
              <a class="govuk-link" href={queueHref(null)}>
                {text(lang, 'extensionsQueueLink')}
              </a>
            </p>
          )}
        </>
      )}
    </section>
  );
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
      <PendingExtensions {...props} />
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
