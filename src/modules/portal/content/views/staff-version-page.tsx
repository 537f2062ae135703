import { TableHead } from '../../../../platform/web/components/table.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { contentStaffPaths } from '../../shared/portal-paths.ts';
import { contentEditorText as text } from '../content-editor-messages.ts';
import { editVersionForm } from '../content-form.ts';
import type { VersionRow } from '../content-records.ts';
import type { FieldChange } from '../content-rules.ts';
import type { ContentItemDetail } from '../content-service.ts';
import { byAt } from './staff-parts.tsx';

/** The lines of a value, each on its own line. */
function Lines({ value }: { value: string }) {
  if (value === '') return <>—</>;
  const lines = value.split('\n');
  return (
    <>
      {lines.map((line, index) => (
        <span key={index}>
          {index > 0 ? <br /> : null}
          {line}
        </span>
      ))}
    </>
  );
}

/** The fields that changed from one version to the next, before and after. */
export function ChangesTable({ lang, changes }: { lang: Lang; changes: readonly FieldChange[] }) {
  if (changes.length === 0) return <p class="govuk-body">{text(lang, 'noChanges')}</p>;
  return (
    <table class="govuk-table" id="changes">
      <TableHead columns={[text(lang, 'colField'), text(lang, 'colBefore'), text(lang, 'colAfter')]} />
      <tbody class="govuk-table__body">
        {changes.map((change) => (
          <tr class="govuk-table__row" key={change.field} data-field={change.field}>
            <th scope="row" class="govuk-table__header">
              {editVersionForm.labels[change.field][lang]}
            </th>
            <td class="govuk-table__cell">
              <Lines value={change.before} />
            </td>
            <td class="govuk-table__cell">
              <Lines value={change.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `/staff/content/:number/versions/:version`: who and when, and what changed from the version before. */
export function StaffVersionPage(props: {
  lang: Lang;
  detail: ContentItemDetail;
  version: VersionRow;
  changes: readonly FieldChange[];
}) {
  const { lang, detail, version } = props;
  const names = detail.staffNames;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <h1 class="govuk-heading-l">
          {text(lang, 'versionTitle', { number: detail.item.number, version: version.version })}
        </h1>
        <dl class="govuk-summary-list">
          {(
            [
              ['colEdited', byAt(lang, names, version.editedByStaffId, version.editedAt)],
              ['colSubmitted', byAt(lang, names, version.submittedByStaffId, version.submittedAt)],
              ['colReviewed', byAt(lang, names, version.reviewedByStaffId, version.reviewedAt)],
              ['colChangeNote', version.changeNote],
              ['reviewNoteLabel', version.reviewNote],
            ] as const
          ).map(([key, value]) => (
            <div class="govuk-summary-list__row" key={key}>
              <dt class="govuk-summary-list__key">{text(lang, key)}</dt>
              <dd class="govuk-summary-list__value">{value === '' ? '—' : value}</dd>
            </div>
          ))}
        </dl>
        <h2 class="govuk-heading-m">
          {text(lang, version.version === 1 ? 'changesTitleFirst' : 'changesTitle')}
        </h2>
        <ChangesTable lang={lang} changes={props.changes} />
        <p class="govuk-body">
          <a class="govuk-link" href={localePath(lang, contentStaffPaths.item(detail.item.number))}>
            {text(lang, 'versionsTitle')}
          </a>
        </p>
      </div>
    </div>
  );
}
