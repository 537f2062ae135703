import type { CalendarOverrideRow } from '../../../../platform/calendar/calendar-schema.ts';
import type { YearSource } from '../../../../platform/calendar/calendar-service.ts';
import { SuccessBanner } from '../../../../platform/web/components/form-controls.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import {
  englishMonthName,
  formatPageDate,
  formatPageDateTime,
} from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { administrationPaths } from '../../administration-paths.ts';
import { scopeWords } from '../calendar-forms.ts';
import { isoDay, monthWeeks } from '../calendar-grid.ts';
import { calendarText as text } from '../calendar-messages.ts';

/** One day as the city's cases count it: closed or not, and what the calendar or a declaration says of it. */
export interface ShownDay {
  isClosed: boolean;
  /** The year file's description (a holiday's name), '' when none. */
  description: string;
  /** The declaration in force for the city that day (its reason and scope), if any. */
  declared: { reason: string; region: string | null; isHoliday: boolean } | null;
}

export interface CalendarYearPageProps {
  lang: Lang;
  year: number;
  /** The years with a calendar in force, ascending. */
  years: readonly number[];
  /** Today in Taipei, YYYY-MM-DD. */
  today: string;
  calendarRegion: string;
  /** Each day of the year by YYYY-MM-DD; null when the year has no calendar. */
  days: ReadonlyMap<string, ShownDay> | null;
  source: YearSource;
  overrides: readonly CalendarOverrideRow[];
  banner: string | null;
}

function monthName(lang: Lang, year: number, month: number): string {
  return lang === 'zh-TW'
    ? text(lang, 'monthCaption', { year, month })
    : text(lang, 'monthCaption', { year, month: englishMonthName(month) });
}

/** A line under a month: the day, closed or open, the holiday's name and the declaration in force. */
function dayNote(lang: Lang, iso: string, day: ShownDay, calendarRegion: string): string {
  const [open, close, colon, semicolon] =
    lang === 'zh-TW' ? ['（', '）', '：', '；'] : [' (', ')', ': ', '; '];
  const state = text(lang, day.isClosed ? 'closedWords' : 'openWords');
  const parts = [
    day.description,
    day.declared === null
      ? ''
      : `${day.declared.reason}${open}${scopeWords(lang, day.declared.region, calendarRegion)}${close}`,
  ].filter((part) => part !== '');
  return `${formatPageDate(lang, iso)}${open}${state}${close}${colon}${parts.join(semicolon)}`;
}

function DayCell(props: {
  lang: Lang;
  iso: string;
  day: number;
  shown: ShownDay | undefined;
  isToday: boolean;
}) {
  const { lang, shown } = props;
  const isClosed = shown?.isClosed ?? false;
  return (
    <td class="govuk-table__cell" aria-current={props.isToday ? 'date' : undefined} data-date={props.iso}>
      {isClosed ? <strong>{props.day}</strong> : props.day}
      {isClosed ? (
        <>
          {' '}
          <span class="govuk-body-s" aria-hidden="true">
            {text(lang, 'closedMark')}
          </span>
          <span class="govuk-visually-hidden">{text(lang, 'closedWords')}</span>
        </>
      ) : null}
      {props.isToday ? (
        <>
          {' '}
          <span class="govuk-tag govuk-tag--blue">{text(lang, 'todayMark')}</span>
        </>
      ) : null}
    </td>
  );
}

function Month(props: CalendarYearPageProps & { month: number; days: ReadonlyMap<string, ShownDay> }) {
  const { lang, year, month, days, calendarRegion } = props;
  const short = text(lang, 'weekdays').split(',');
  const long = text(lang, 'weekdaysLong').split(',');
  const notes = [...days]
    .filter(
      ([iso, day]) =>
        iso.startsWith(isoDay(year, month, 1).slice(0, 8)) && (day.description !== '' || day.declared),
    )
    .map(([iso, day]) => ({ iso, day }));
  return (
    <div class="govuk-grid-column-one-third">
      <div class="ow-table-scroll">
        <table class="govuk-table govuk-table--small-text-until-tablet" id={`month-${month}`}>
          <caption class="govuk-table__caption govuk-table__caption--s">
            {monthName(lang, year, month)}
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              {short.map((name, index) => (
                <th key={name} scope="col" class="govuk-table__header">
                  <span aria-hidden="true">{name}</span>
                  <span class="govuk-visually-hidden">{long[index]}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {monthWeeks(year, month).map((week, index) => (
              <tr key={index} class="govuk-table__row">
                {week.map((day, column) =>
                  day === null ? (
                    <td key={column} class="govuk-table__cell" />
                  ) : (
                    <DayCell
                      key={column}
                      lang={lang}
                      iso={isoDay(year, month, day)}
                      day={day}
                      shown={days.get(isoDay(year, month, day))}
                      isToday={isoDay(year, month, day) === props.today}
                    />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {notes.length === 0 ? null : (
        <>
          <h3 class="govuk-visually-hidden">
            {text(lang, 'monthNotes', { month: lang === 'en' ? englishMonthName(month) : month })}
          </h3>
          <ul class="govuk-list govuk-body-s">
            {notes.map(({ iso, day }) => (
              <li key={iso}>{dayNote(lang, iso, day, calendarRegion)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The year's working days: 12 month grids (accessible tables), the declarations in force, the links to change them. */
export function CalendarYearPage(props: CalendarYearPageProps) {
  const { lang, year, days, source } = props;
  return (
    <>
      <SuccessBanner lang={lang} message={props.banner} />
      <h1 class="govuk-heading-l">{text(lang, 'title', { year })}</h1>
      <p class="govuk-body">{text(lang, 'lead')}</p>
      <nav aria-labelledby="other-years">
        <h2 class="govuk-heading-s" id="other-years">
          {text(lang, 'yearsHeading')}
        </h2>
        <ul class="govuk-list govuk-list--inline">
          {props.years.map((each) => (
            <li key={each}>
              <a
                class="govuk-link"
                href={`${localePath(lang, administrationPaths.calendar)}?year=${each}`}
                aria-current={each === year ? 'page' : undefined}
              >
                {each}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={localePath(lang, administrationPaths.calendarDay)}>
            {text(lang, 'declareLink')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`${localePath(lang, administrationPaths.calendarLoad)}?year=${year}`}>
            {text(lang, 'loadLink')}
          </a>
        </li>
      </ul>
      {days === null ? (
        <p class="govuk-body" id="no-year">
          {text(lang, 'noYear', { year })}
        </p>
      ) : (
        <>
          <p class="govuk-body">
            {source.kind === 'loaded'
              ? text(lang, 'sourceLoaded', {
                  who: source.loadedBy,
                  when: formatPageDateTime(lang, source.loadedAt),
                  source: source.source,
                })
              : text(lang, 'sourceBundled')}
          </p>
          <div class="govuk-grid-row">
            {[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => (
              <Month key={month} {...props} month={month} days={days} />
            ))}
          </div>
        </>
      )}
      <h2 class="govuk-heading-m">{text(lang, 'overridesHeading')}</h2>
      {props.overrides.length === 0 ? (
        <p class="govuk-body">{text(lang, 'noOverrides')}</p>
      ) : (
        <div class="ow-table-scroll">
          <table class="govuk-table" id="overrides">
            <caption class="govuk-visually-hidden">{text(lang, 'overridesHeading')}</caption>
            <TableHead
              columns={[
                text(lang, 'columnDate'),
                text(lang, 'columnState'),
                text(lang, 'columnScope'),
                text(lang, 'columnReason'),
                text(lang, 'columnBy'),
              ]}
            />
            <tbody class="govuk-table__body">
              {props.overrides.map((row) => (
                <tr key={row.id} class="govuk-table__row">
                  <td class="govuk-table__cell">{formatPageDate(lang, row.date)}</td>
                  <td class="govuk-table__cell">{text(lang, row.isHoliday ? 'closedState' : 'openState')}</td>
                  <td class="govuk-table__cell">{scopeWords(lang, row.region, props.calendarRegion)}</td>
                  <td class="govuk-table__cell">{row.reason}</td>
                  <td class="govuk-table__cell">
                    {row.createdBy ?? ''} {formatPageDateTime(lang, row.createdAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
