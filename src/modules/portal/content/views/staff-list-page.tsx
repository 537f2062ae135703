import { Button, Select, SuccessBanner } from '../../../../platform/web/components/form-controls.tsx';
import { Pagination } from '../../../../platform/web/components/pagination.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { formatTaipeiDateTime } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { contentStaffPaths } from '../../shared/portal-paths.ts';
import { contentEditorText as text } from '../content-editor-messages.ts';
import { contentKinds } from '../content-kinds.ts';
import { listStates } from '../content-rules.ts';
import type { ContentListRow } from '../content-service.ts';
import { ItemStates, kindNameOf, type UnitName, unitNameOf } from './staff-parts.tsx';

export interface ContentListFilters {
  kind: string;
  unit: string;
  state: string;
}

/** `/staff/content`: the items, newest change first, filtered by type, unit and state, a page at a time. */
export function StaffListPage(props: {
  lang: Lang;
  rows: readonly ContentListRow[];
  filters: ContentListFilters;
  units: readonly UnitName[];
  page: number;
  hasNextPage: boolean;
  now: Date;
  notice: string | null;
}) {
  const { lang, filters } = props;
  const hrefOf = (page: number) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(filters)) if (value !== '') query.set(name, value);
    if (page > 1) query.set('page', String(page));
    const search = query.toString();
    return `${localePath(lang, contentStaffPaths.list)}${search === '' ? '' : `?${search}`}`;
  };
  const select = (
    name: keyof ContentListFilters,
    label: string,
    choices: { value: string; label: string }[],
  ) => (
    <Select
      lang={lang}
      name={name}
      id={`filter-${name}`}
      label={label}
      value={filters[name]}
      blank={text(lang, 'filterAll')}
      choices={choices}
    />
  );
  return (
    <>
      <SuccessBanner lang={lang} message={props.notice} />
      <h1 class="govuk-heading-l">{text(lang, 'listTitle')}</h1>
      <p class="govuk-body">{text(lang, 'listLead')}</p>
      <a class="govuk-button" data-module="govuk-button" href={localePath(lang, contentStaffPaths.create)}>
        {text(lang, 'createLink')}
      </a>
      <form method="get" action={localePath(lang, contentStaffPaths.list)} class="ow-filters">
        {select(
          'kind',
          text(lang, 'filterKind'),
          contentKinds.map((kind) => ({ value: kind, label: kindNameOf(kind, lang) })),
        )}
        {select(
          'unit',
          text(lang, 'filterUnit'),
          props.units.map((unit) => ({ value: unit.code, label: lang === 'en' ? unit.nameEn : unit.nameZh })),
        )}
        {select(
          'state',
          text(lang, 'filterState'),
          listStates.map((state) => ({ value: state, label: text(lang, `state_${state}`) })),
        )}
        <Button isSecondary>{text(lang, 'filterButton')}</Button>
      </form>
      {props.rows.length === 0 ? (
        <p class="govuk-body" id="no-items">
          {text(lang, 'noItems')}
        </p>
      ) : (
        <table class="govuk-table" id="content-items">
          <TableHead
            columns={(['colNumber', 'colTitle', 'colKind', 'colUnit', 'colState', 'colUpdated'] as const).map(
              (key) => text(lang, key),
            )}
          />
          <tbody class="govuk-table__body">
            {props.rows.map(({ item, titleZh, titleEn }) => (
              <tr class="govuk-table__row" key={item.id} data-number={item.number}>
                <td class="govuk-table__cell">{item.number}</td>
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={localePath(lang, contentStaffPaths.item(item.number))}>
                    {lang === 'en' && titleEn ? titleEn : titleZh}
                  </a>
                </td>
                <td class="govuk-table__cell">{kindNameOf(item.kind, lang)}</td>
                <td class="govuk-table__cell">{unitNameOf(props.units, item.unitCode, lang)}</td>
                <td class="govuk-table__cell">
                  <ItemStates lang={lang} item={item} now={props.now} />
                </td>
                <td class="govuk-table__cell">{formatTaipeiDateTime(item.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination lang={lang} page={props.page} hasNextPage={props.hasNextPage} href={hrefOf} />
    </>
  );
}
