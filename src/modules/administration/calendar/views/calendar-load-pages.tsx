import type { Static } from 'typebox';
import type { YearProposal } from '../../../../platform/calendar/calendar-admin-service.ts';
import { formatByteSize } from '../../../../platform/uploads/multipart.ts';
import { FileInput, TextArea, TextInput } from '../../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm, textControls } from '../../../../platform/web/components/form-page.tsx';
import { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { SummaryList } from '../../../../platform/web/components/summary-list.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { formatPageDate, formatPageDateTime } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import type { DeadlinePreview } from '../../../cases/index.ts';
import { administrationPaths } from '../../administration-paths.ts';
import { calendarUploadField, calendarUploadMaxBytes, loadYearForm } from '../calendar-forms.ts';
import { calendarText as text } from '../calendar-messages.ts';
import { DeadlineMoves, HiddenValues } from './calendar-change-parts.tsx';

export type LoadYearValues = Static<typeof loadYearForm.schema>;

export interface LoadYearPageProps {
  lang: Lang;
  csrfToken: string;
  values: LoadYearValues;
  problems: FormProblems;
}

/**
 * The year file's form: the year, where the file comes from, and the file (uploaded, or its text pasted).
 * Multipart; posts to its preview.
 */
export function LoadYearPage({ lang, csrfToken, values, problems }: LoadYearPageProps) {
  const control = textControls(loadYearForm, { lang, values, problems });
  return (
    <FormPage lang={lang} problems={problems} title={text(lang, 'loadTitle')} lead={text(lang, 'loadLead')}>
      <PostForm
        action={localePath(lang, administrationPaths.calendarLoad)}
        csrfToken={csrfToken}
        submit={text(lang, 'loadPreviewButton')}
        isUpload
      >
        <input type="hidden" name="step" value="preview" />
        <TextInput
          {...control('year')}
          hint={text(lang, 'yearHint')}
          inputMode="numeric"
          widthClass="govuk-input--width-4"
        />
        <TextInput {...control('source')} hint={text(lang, 'sourceHint')} isOptional />
        <FileInput
          lang={lang}
          name={calendarUploadField}
          label={text(lang, 'uploadLabel')}
          hint={text(lang, 'uploadHint', { limit: formatByteSize(calendarUploadMaxBytes) })}
          accept=".json,application/json"
          problems={problems}
        />
        <TextArea {...control('calendarFile')} hint={text(lang, 'fileHint')} rows={12} />
      </PostForm>
    </FormPage>
  );
}

export interface LoadPreviewPageProps {
  lang: Lang;
  csrfToken: string;
  source: string;
  proposal: YearProposal;
  preview: DeadlinePreview;
}

function inForceWords(lang: Lang, proposal: YearProposal): string {
  const inForce = proposal.inForce;
  if (inForce.kind === 'loaded')
    return text(lang, 'inForceLoaded', {
      who: inForce.loadedBy,
      when: formatPageDateTime(lang, inForce.loadedAt),
    });
  return text(lang, inForce.kind === 'bundled' ? 'inForceBundled' : 'inForceNone');
}

/** What loading the file changes: the days that change status or description, and the deadlines it moves. */
export function LoadPreviewPage({ lang, csrfToken, source, proposal, preview }: LoadPreviewPageProps) {
  const { statusChanges, descriptionChanges } = proposal.differences;
  const state = (isHoliday: boolean | null) =>
    isHoliday === null ? '—' : text(lang, isHoliday ? 'closedWords' : 'openWords');
  const carried = {
    year: String(proposal.year),
    source,
    calendarFile: JSON.stringify(proposal.days),
    inForce: proposal.inForceToken,
  };
  const action = localePath(lang, administrationPaths.calendarLoad);
  return (
    <FormPage
      lang={lang}
      problems={FormProblems.none}
      title={text(lang, 'loadPreviewTitle', { year: proposal.year })}
      lead={text(lang, 'previewLead')}
    >
      <SummaryList
        rows={[
          { key: text(lang, 'yearLabel'), value: String(proposal.year) },
          { key: text(lang, 'summaryBefore'), value: inForceWords(lang, proposal), id: 'in-force' },
          { key: text(lang, 'sourceLabel'), value: source },
        ]}
      />
      {proposal.inForce.kind === 'none' ? (
        <p class="govuk-body">{text(lang, 'newYearNote', { year: proposal.year })}</p>
      ) : statusChanges.length === 0 ? (
        <p class="govuk-body" id="status-changes">
          {text(lang, 'statusChangesNone')}
        </p>
      ) : (
        <>
          <h2 class="govuk-heading-m" id="status-changes">
            {text(lang, 'statusChangesHeading', { count: statusChanges.length })}
          </h2>
          <div class="ow-table-scroll">
            <table class="govuk-table">
              <caption class="govuk-visually-hidden">{text(lang, 'statusChangesCaption')}</caption>
              <TableHead
                columns={[
                  text(lang, 'columnDate'),
                  text(lang, 'columnWas'),
                  text(lang, 'columnWillBe'),
                  text(lang, 'columnDescription'),
                ]}
              />
              <tbody class="govuk-table__body">
                {statusChanges.map((change) => (
                  <tr key={change.date} class="govuk-table__row" data-date={change.date}>
                    <td class="govuk-table__cell">{formatPageDate(lang, change.date)}</td>
                    <td class="govuk-table__cell">{state(change.wasHoliday)}</td>
                    <td class="govuk-table__cell">{state(change.isHoliday)}</td>
                    <td class="govuk-table__cell">{change.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {descriptionChanges.length === 0 ? null : (
        <>
          <h2 class="govuk-heading-m" id="description-changes">
            {text(lang, 'descriptionChangesHeading', { count: descriptionChanges.length })}
          </h2>
          <div class="ow-table-scroll">
            <table class="govuk-table">
              <caption class="govuk-visually-hidden">{text(lang, 'descriptionChangesCaption')}</caption>
              <TableHead
                columns={[
                  text(lang, 'columnDate'),
                  text(lang, 'columnOldDescription'),
                  text(lang, 'columnNewDescription'),
                ]}
              />
              <tbody class="govuk-table__body">
                {descriptionChanges.map((change) => (
                  <tr key={change.date} class="govuk-table__row">
                    <td class="govuk-table__cell">{formatPageDate(lang, change.date)}</td>
                    <td class="govuk-table__cell">{change.before}</td>
                    <td class="govuk-table__cell">{change.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <DeadlineMoves lang={lang} preview={preview} />
      <PostForm
        action={action}
        csrfToken={csrfToken}
        submit={text(lang, 'confirmLoadButton')}
        preventsDoubleClick
      >
        <HiddenValues values={{ ...carried, step: 'confirm' }} />
      </PostForm>
      <PostForm action={action} csrfToken={csrfToken} submit={text(lang, 'changeButton')} isSecondary>
        <HiddenValues values={{ ...carried, step: 'edit' }} />
      </PostForm>
    </FormPage>
  );
}
