import type { ComponentChildren } from 'preact';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { formatPageDate } from '../../../../platform/web/format-date.ts';
import type { Lang } from '../../../../platform/web/i18n.ts';
import type { DeadlinePreview } from '../../../cases/index.ts';
import { calendarText as text } from '../calendar-messages.ts';

/** Hidden fields carrying a preview's values to its confirmation (checked again there, never trusted). */
export function HiddenValues({ values }: { values: Readonly<Record<string, string>> }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

export function WarningText({ lang, children }: { lang: Lang; children: ComponentChildren }) {
  return (
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">{lang === 'en' ? 'Warning' : '注意'}</span>
        {children}
      </strong>
    </div>
  );
}

function shownDate(lang: Lang, date: string | null): string {
  return date === null ? text(lang, 'noDate') : formatPageDate(lang, date);
}

/** How many open cases' deadlines a change moves, by unit, with a few examples (old → new expected date). */
export function DeadlineMoves({ lang, preview }: { lang: Lang; preview: DeadlinePreview }) {
  if (preview.moved === 0)
    return (
      <p class="govuk-body" id="moves">
        {text(lang, 'movesNone')}
      </p>
    );
  return (
    <>
      <h2 class="govuk-heading-m" id="moves">
        {text(lang, 'movesHeading', { moved: preview.moved })}
      </h2>
      <div class="ow-table-scroll">
        <table class="govuk-table" id="moves-by-unit">
          <caption class="govuk-table__caption govuk-table__caption--s">{text(lang, 'movesCaption')}</caption>
          <TableHead
            columns={[text(lang, 'columnUnit'), { label: text(lang, 'columnCases'), isNumeric: true }]}
          />
          <tbody class="govuk-table__body">
            {preview.byUnit.map((unit) => (
              <tr key={unit.unitCode} class="govuk-table__row" data-unit={unit.unitCode}>
                <td class="govuk-table__cell">{lang === 'en' ? unit.nameEn : unit.nameZh}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{unit.moved}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="ow-table-scroll">
        <table class="govuk-table" id="moves-examples">
          <caption class="govuk-table__caption govuk-table__caption--s">
            {text(lang, 'examplesCaption')}
          </caption>
          <TableHead columns={[text(lang, 'columnCase'), text(lang, 'columnFrom'), text(lang, 'columnTo')]} />
          <tbody class="govuk-table__body">
            {preview.examples.map((example) => (
              <tr key={example.caseNumber} class="govuk-table__row">
                <td class="govuk-table__cell">{example.caseNumber}</td>
                <td class="govuk-table__cell">{shownDate(lang, example.from)}</td>
                <td class="govuk-table__cell">{shownDate(lang, example.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
