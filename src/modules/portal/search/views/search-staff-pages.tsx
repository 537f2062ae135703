import {
  ErrorSummary,
  SuccessBanner,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm, textControls } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { Pagination } from '../../../../platform/web/components/pagination.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { formatPageDateTime } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { searchPaths, searchStaffPaths } from '../../shared/portal-paths.ts';
import { searchQueryString } from '../search-form.ts';
import { searchText as text } from '../search-messages.ts';
import type { MissRow, SynonymRow } from '../search-staff-service.ts';
import { synonymForm } from '../synonym-rules.ts';

export const synonymPaths = {
  item: (id: string) => `${searchStaffPaths.synonyms}/${id}`,
  remove: (id: string) => `${searchStaffPaths.synonyms}/${id}/remove`,
} as const;

/** /staff/search: the last 30 days' searches that found nothing, in each language. */
export function MissesPage(props: {
  lang: Lang;
  missLang: Lang;
  rows: readonly MissRow[];
  total: number;
  page: number;
  pageCount: number;
}) {
  const { lang, missLang, rows } = props;
  const tab = (which: Lang, label: string) =>
    which === missLang ? (
      <strong>{label}</strong>
    ) : (
      <a class="govuk-link" href={`${localePath(lang, searchStaffPaths.misses)}?lang=${which}`}>
        {label}
      </a>
    );
  return (
    <>
      <h1 class="govuk-heading-l">{text(lang, 'missesTitle')}</h1>
      <p class="govuk-body">{text(lang, 'missesLead')}</p>
      <p class="govuk-body">
        <a class="govuk-link" href={localePath(lang, searchStaffPaths.synonyms)}>
          {text(lang, 'synonymsLink')}
        </a>
      </p>
      <nav aria-label={text(lang, 'missesTitle')}>
        <p class="govuk-body">
          {tab('zh-TW', text(lang, 'missesLangZh'))}
          {' | '}
          {tab('en', text(lang, 'missesLangEn'))}
        </p>
      </nav>
      {rows.length === 0 ? (
        <p class="govuk-body">{text(lang, 'missesNone')}</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">
            {text(lang, missLang === 'en' ? 'missesLangEn' : 'missesLangZh')}
          </caption>
          <TableHead
            columns={[
              text(lang, 'missesQuery'),
              { label: text(lang, 'missesCount'), isNumeric: true },
              { label: text(lang, 'missesDays'), isNumeric: true },
              text(lang, 'missesLast'),
            ]}
          />
          <tbody class="govuk-table__body">
            {rows.map((row) => (
              <tr key={row.query} class="govuk-table__row">
                <td class="govuk-table__cell" lang={missLang === 'en' ? 'en' : 'zh-Hant-TW'}>
                  <a
                    class="govuk-link"
                    href={`${localePath(missLang, searchPaths.search)}${searchQueryString({ q: row.query })}`}
                  >
                    {row.query}
                  </a>
                </td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{row.total}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{row.days}</td>
                <td class="govuk-table__cell">{formatPageDateTime(lang, row.lastAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        lang={lang}
        page={props.page}
        pageCount={props.pageCount}
        href={(page) => `${localePath(lang, searchStaffPaths.misses)}?lang=${missLang}&page=${page}`}
      />
    </>
  );
}

export interface SynonymValues {
  phrase: string;
  expansion: string;
}

function SynonymFields(props: { lang: Lang; values: SynonymValues; problems: FormProblems }) {
  const control = textControls(synonymForm, props);
  return (
    <>
      <TextInput {...control('phrase')} hint={text(props.lang, 'phraseHint')} />
      <TextInput {...control('expansion')} hint={text(props.lang, 'expansionHint')} />
    </>
  );
}

/** /staff/search/synonyms: the table, a page at a time, and the form adding one. */
export function SynonymsPage(props: {
  lang: Lang;
  csrfToken: string;
  rows: readonly SynonymRow[];
  total: number;
  page: number;
  pageCount: number;
  values: SynonymValues;
  problems: FormProblems;
  successMessage: string | null;
}) {
  const { lang, rows } = props;
  return (
    <>
      <ErrorSummary lang={lang} problems={props.problems} />
      <SuccessBanner lang={lang} message={props.successMessage} />
      <h1 class="govuk-heading-l">{text(lang, 'synonymsTitle')}</h1>
      <p class="govuk-body">{text(lang, 'synonymsLead')}</p>
      <p class="govuk-body">{text(lang, 'synonymsCount', { count: props.total })}</p>
      {rows.length === 0 ? null : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">{text(lang, 'synonymsTitle')}</caption>
          <TableHead
            columns={[
              text(lang, 'phraseLabel'),
              text(lang, 'expansionLabel'),
              text(lang, 'updatedAt'),
              text(lang, 'changeLink'),
            ]}
          />
          <tbody class="govuk-table__body">
            {rows.map((row) => (
              <tr key={row.id} class="govuk-table__row">
                <td class="govuk-table__cell" lang="zh-Hant-TW">
                  {row.phrase}
                </td>
                <td class="govuk-table__cell" lang="zh-Hant-TW">
                  {row.expansion}
                </td>
                <td class="govuk-table__cell">{formatPageDateTime(lang, row.updatedAt)}</td>
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={localePath(lang, synonymPaths.item(row.id))}>
                    {text(lang, 'changeLink')}
                    <span class="govuk-visually-hidden"> {row.phrase}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        lang={lang}
        page={props.page}
        pageCount={props.pageCount}
        href={(page) => `${localePath(lang, searchStaffPaths.synonyms)}?page=${page}`}
      />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h2 class="govuk-heading-m">{text(lang, 'addHeading')}</h2>
          <PostForm
            action={localePath(lang, searchStaffPaths.synonyms)}
            csrfToken={props.csrfToken}
            submit={text(lang, 'addButton')}
          >
            <SynonymFields lang={lang} values={props.values} problems={props.problems} />
          </PostForm>
        </div>
      </div>
    </>
  );
}

/** /staff/search/synonyms/:id: change one, or remove it. */
export function SynonymPage(props: {
  lang: Lang;
  csrfToken: string;
  id: string;
  values: SynonymValues;
  problems: FormProblems;
}) {
  const { lang } = props;
  return (
    <FormPage lang={lang} problems={props.problems} title={text(lang, 'changeTitle')}>
      <PostForm
        action={localePath(lang, synonymPaths.item(props.id))}
        csrfToken={props.csrfToken}
        submit={text(lang, 'saveButton')}
      >
        <SynonymFields lang={lang} values={props.values} problems={props.problems} />
      </PostForm>
      <h2 class="govuk-heading-m">{text(lang, 'removeHeading')}</h2>
      <PostForm
        action={localePath(lang, synonymPaths.remove(props.id))}
        csrfToken={props.csrfToken}
        submit={text(lang, 'removeButton')}
        isWarning={true}
      />
      <p class="govuk-body">
        <a class="govuk-link" href={localePath(lang, searchStaffPaths.synonyms)}>
          {text(lang, 'backToSynonyms')}
        </a>
      </p>
    </FormPage>
  );
}
