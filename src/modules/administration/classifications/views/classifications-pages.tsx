import type {
  ClassificationDiff,
  ClassificationKind,
} from '../../../../platform/reference/classification-rows.ts';
import type { ClassificationListRow } from '../../../../platform/reference/reference-repo.ts';
import {
  Button,
  FileInput,
  Radios,
  Select,
  SuccessBanner,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { Pagination } from '../../../../platform/web/components/pagination.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { administrationPaths } from '../../administration-paths.ts';
import { classificationKinds, maxClassificationFileSize } from '../classification-file.ts';
import { classificationsText as text } from '../classifications-messages.ts';

/** Where a previewed file is confirmed. */
export const classificationsConfirmPath = `${administrationPaths.classificationsLoad}/confirm`;

const schemeChoices = (lang: Lang) =>
  classificationKinds.map((kind) => ({ value: kind, label: text(lang, kind) }));

export interface BrowseView {
  lang: Lang;
  kind: ClassificationKind;
  search: string;
  page: number;
  pageCount: number;
  rows: ClassificationListRow[];
  counts: Record<ClassificationKind, number>;
  loaded: string | null;
  problems: FormProblems;
}

/** A scheme's codes, paged in code order, with each code's parent and a search box (a GET form). */
export function ClassificationsPage(view: BrowseView) {
  const { lang } = view;
  const base = localePath(lang, administrationPaths.classifications);
  const pageLink = (page: number) => {
    const query = new URLSearchParams({ scheme: view.kind });
    if (view.search !== '') query.set('q', view.search);
    query.set('page', String(page));
    return `${base}?${query.toString()}`;
  };
  const name = (zh: string | null, en: string | null) => (lang === 'en' ? (en ?? zh ?? '') : (zh ?? ''));
  return (
    <FormPage
      lang={lang}
      problems={view.problems}
      title={text(lang, 'title')}
      lead={text(lang, 'lead')}
      notice={<SuccessBanner lang={lang} message={view.loaded} />}
    >
      <ul class="govuk-list">
        {classificationKinds.map((kind) => (
          <li key={kind}>{text(lang, 'count', { scheme: text(lang, kind), count: view.counts[kind] })}</li>
        ))}
      </ul>
      <LinkParagraph href={localePath(lang, administrationPaths.classificationsLoad)}>
        {text(lang, 'loadLink')}
      </LinkParagraph>
      <form method="get" action={base}>
        <Select
          lang={lang}
          name="scheme"
          label={text(lang, 'scheme')}
          value={view.kind}
          choices={schemeChoices(lang)}
          problems={view.problems}
        />
        <TextInput
          lang={lang}
          name="q"
          type="search"
          label={text(lang, 'search')}
          value={view.search}
          maxLength={200}
          problems={view.problems}
        />
        <Button isSecondary>{text(lang, 'searchButton')}</Button>
      </form>
      {view.rows.length === 0 ? (
        <p class="govuk-body">{text(lang, 'none')}</p>
      ) : (
        <table class="govuk-table" data-scheme={view.kind}>
          <TableHead
            columns={[
              text(lang, 'columnCode'),
              text(lang, 'columnNameZh'),
              text(lang, 'columnNameEn'),
              text(lang, 'columnParent'),
            ]}
          />
          <tbody class="govuk-table__body">
            {view.rows.map((row) => (
              <tr class="govuk-table__row" key={row.code} data-code={row.code}>
                <td class="govuk-table__cell">
                  <code>{row.code}</code>
                </td>
                <td class="govuk-table__cell">{row.nameZh}</td>
                <td class="govuk-table__cell" lang="en">
                  {row.nameEn ?? ''}
                </td>
                <td class="govuk-table__cell">
                  {row.parentCode === null ? (
                    '—'
                  ) : (
                    <>
                      <code>{row.parentCode}</code> {name(row.parentNameZh, row.parentNameEn)}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination lang={lang} page={view.page} pageCount={view.pageCount} href={pageLink} />
    </FormPage>
  );
}

export interface LoadView {
  lang: Lang;
  csrfToken: string;
  kind: string;
  problems: FormProblems;
}

/** The upload form: the scheme and the file (multipart; the CSRF token is its first part). */
export function LoadPage({ lang, csrfToken, kind, problems }: LoadView) {
  return (
    <FormPage lang={lang} problems={problems} title={text(lang, 'loadTitle')} lead={text(lang, 'loadLead')}>
      <PostForm
        action={localePath(lang, administrationPaths.classificationsLoad)}
        csrfToken={csrfToken}
        submit={text(lang, 'preview')}
        isUpload
      >
        <Radios
          lang={lang}
          name="scheme"
          legend={text(lang, 'scheme')}
          choices={schemeChoices(lang)}
          value={kind}
          problems={problems}
        />
        <FileInput
          lang={lang}
          name="file"
          label={text(lang, 'file')}
          hint={text(lang, 'fileHint', { limit: maxClassificationFileSize })}
          accept=".json,.csv,application/json,text/csv"
          problems={problems}
        />
      </PostForm>
      <LinkParagraph href={localePath(lang, administrationPaths.classifications)}>
        {text(lang, 'title')}
      </LinkParagraph>
    </FormPage>
  );
}

const shownCodes = 200;

function CodeList({
  lang,
  heading,
  rows,
}: {
  lang: Lang;
  heading: string;
  rows: { code: string; nameZh: string }[];
}) {
  if (rows.length === 0) return null;
  return (
    <>
      <h2 class="govuk-heading-m">{heading}</h2>
      <ul class="govuk-list govuk-list--bullet">
        {rows.slice(0, shownCodes).map((row) => (
          <li key={row.code}>
            <code>{row.code}</code> {row.nameZh}
          </li>
        ))}
        {rows.length > shownCodes ? (
          <li>{text(lang, 'andMore', { count: rows.length - shownCodes })}</li>
        ) : null}
      </ul>
    </>
  );
}

export interface PreviewView {
  lang: Lang;
  csrfToken: string;
  kind: ClassificationKind;
  sha256: string;
  rowCount: number;
  diff: ClassificationDiff;
}

/** What the file would do, and the confirmation (the scheme and the file's SHA-256, read again by the server). */
export function PreviewPage({ lang, csrfToken, kind, sha256, rowCount, diff }: PreviewView) {
  const scheme = text(lang, kind);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{text(lang, 'previewTitle', { scheme })}</h1>
        <p class="govuk-body">{text(lang, 'previewLead', { rows: rowCount, scheme })}</p>
        <ul class="govuk-list govuk-list--bullet" data-summary="diff">
          <li>{text(lang, 'added', { count: diff.added.length })}</li>
          <li>{text(lang, 'changed', { count: diff.changed.length })}</li>
          <li>{text(lang, 'removed', { count: diff.removed.length })}</li>
          <li>{text(lang, 'unchanged', { count: diff.unchanged })}</li>
        </ul>
        <CodeList lang={lang} heading={text(lang, 'addedHeading')} rows={diff.added} />
        <CodeList
          lang={lang}
          heading={text(lang, 'changedHeading')}
          rows={diff.changed.map(({ after }) => after)}
        />
        <CodeList lang={lang} heading={text(lang, 'removedHeading')} rows={diff.removed} />
        {diff.removed.length > 0 ? <p class="govuk-body">{text(lang, 'removedWarning')}</p> : null}
        <PostForm
          action={localePath(lang, classificationsConfirmPath)}
          csrfToken={csrfToken}
          submit={text(lang, 'confirm')}
          preventsDoubleClick
        >
          <input type="hidden" name="scheme" value={kind} />
          <input type="hidden" name="sha256" value={sha256} />
        </PostForm>
        <LinkParagraph href={localePath(lang, administrationPaths.classificationsLoad)}>
          {text(lang, 'startAgain')}
        </LinkParagraph>
      </div>
    </div>
  );
}
