import type { SearchHit, SearchResults } from '../../../../platform/search/search-query.ts';
import { snippetParts } from '../../../../platform/search/snippets.ts';
import {
  Button,
  type Choice,
  ErrorSummary,
  Radios,
  Select,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import { textLimitOf } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { Pagination } from '../../../../platform/web/components/pagination.tsx';
import { formatPageDate } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { contentPaths, faqPaths, searchPaths } from '../../shared/portal-paths.ts';
import {
  emptySearchValues,
  hasFilters,
  kindName,
  resultKinds,
  type SiteSearchValues,
  searchQueryString,
  siteSearchForm,
} from '../search-form.ts';
import { searchText as text } from '../search-messages.ts';

export interface SearchChoices {
  readonly units: readonly Choice[];
  readonly themes: readonly Choice[];
  readonly cakes: readonly Choice[];
  readonly services: readonly Choice[];
}

export interface SearchPageProps {
  lang: Lang;
  values: SiteSearchValues;
  problems: FormProblems;
  isAdvanced: boolean;
  /** Null: nothing searched yet (or the form has problems). */
  results: SearchResults | null;
  choices: SearchChoices;
  unitNames: ReadonlyMap<string, string>;
}

const boxId = 'search-page-query';

function searchHref(lang: Lang, values: Partial<SiteSearchValues> & { page?: number; advanced?: boolean }) {
  return `${localePath(lang, searchPaths.search)}${searchQueryString(values)}`;
}

/** The words and filters not shown as controls of a form, carried as hidden fields. */
function Hidden({ values, names }: { values: SiteSearchValues; names: readonly (keyof SiteSearchValues)[] }) {
  return (
    <>
      {names
        .filter((name) => values[name] !== '')
        .map((name) => (
          <input key={name} type="hidden" name={name} value={values[name]} />
        ))}
    </>
  );
}

const filterNames = ['kind', 'unit', 'from', 'to', 'theme', 'cake', 'service'] as const;
const advancedNames = ['all', 'any', 'none', 'in'] as const;

type FilterName = (typeof filterNames)[number];

/** The filters' shared shape: a small bold label, the value kept, the field's problems. */
function FilterControls(props: SearchPageProps) {
  const { lang, values, problems, choices } = props;
  const any = text(lang, 'anyClassification');
  const select = (
    name: FilterName,
    label: Parameters<typeof text>[1],
    blank: string,
    options: readonly { value: string; label: string }[],
  ) => (
    <Select
      lang={lang}
      name={name}
      label={text(lang, label)}
      labelClass="govuk-label--s"
      value={values[name]}
      blank={blank}
      choices={[...options]}
      problems={problems}
    />
  );
  const date = (name: 'from' | 'to', label: Parameters<typeof text>[1]) => (
    <TextInput
      lang={lang}
      name={name}
      label={text(lang, label)}
      labelClass="govuk-label--s"
      hint={text(lang, 'dateHint')}
      value={values[name]}
      widthClass="govuk-input--width-10"
      maxLength={textLimitOf(siteSearchForm, name)}
      problems={problems}
    />
  );
  return (
    <>
      {select(
        'kind',
        'kindLabel',
        text(lang, 'anyKind'),
        resultKinds.map((kind) => ({ value: kind, label: kindName(kind, lang) })),
      )}
      {select('unit', 'unitLabel', text(lang, 'anyUnit'), choices.units)}
      {date('from', 'fromLabel')}
      {date('to', 'toLabel')}
      {choices.themes.length === 0 ? null : select('theme', 'themeLabel', any, choices.themes)}
      {choices.cakes.length === 0 ? null : select('cake', 'cakeLabel', any, choices.cakes)}
      {select('service', 'serviceLabel', any, choices.services)}
    </>
  );
}

function WordsBox(props: SearchPageProps) {
  const { lang, values, problems } = props;
  return (
    <TextInput
      lang={lang}
      id={boxId}
      name="q"
      type="search"
      label={text(lang, 'boxLabel')}
      labelClass="govuk-label--m"
      hint={text(lang, 'boxHint')}
      value={values.q}
      widthClass="govuk-!-width-two-thirds"
      autocomplete="on"
      maxLength={textLimitOf(siteSearchForm, 'q')}
      problems={problems}
    />
  );
}

/** The simple search: the box (filters kept as hidden fields), then the link to the advanced form. */
function SimpleForm(props: SearchPageProps) {
  const { lang, values } = props;
  return (
    <>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for many screen readers; role="search" on the form is the established landmark. */}
      <form
        action={localePath(lang, searchPaths.search)}
        method="get"
        role="search"
        aria-label={text(lang, 'formLabel')}
      >
        <WordsBox {...props} />
        <Hidden values={values} names={[...filterNames, ...advancedNames]} />
        <Button>{text(lang, 'searchButton')}</Button>
      </form>
      <p class="govuk-body">
        <a class="govuk-link" href={searchHref(lang, { ...values, advanced: true })}>
          {text(lang, 'advancedLink')}
        </a>
      </p>
    </>
  );
}

/** The advanced form: the box, the AND / OR / NOT words, where to look, and every filter. */
function AdvancedForm(props: SearchPageProps) {
  const { lang, values, problems } = props;
  const words = (name: 'all' | 'any' | 'none', label: string, hint: string) => (
    <TextInput
      lang={lang}
      name={name}
      label={label}
      labelClass="govuk-label--s"
      hint={hint}
      value={values[name]}
      isOptional={true}
      maxLength={textLimitOf(siteSearchForm, name)}
      problems={problems}
    />
  );
  return (
    <>
      {/* biome-ignore lint/a11y/useSemanticElements: as above, role="search" is the landmark screen readers know. */}
      <form
        action={localePath(lang, searchPaths.search)}
        method="get"
        role="search"
        aria-label={text(lang, 'advancedTitle')}
      >
        <input type="hidden" name="advanced" value="1" />
        <WordsBox {...props} />
        {words('all', text(lang, 'allLabel'), text(lang, 'allHint'))}
        {words('any', text(lang, 'anyLabel'), text(lang, 'anyHint'))}
        {words('none', text(lang, 'noneLabel'), text(lang, 'noneHint'))}
        <Radios
          lang={lang}
          name="in"
          legend={text(lang, 'inLegend')}
          value={values.in === '' ? 'any' : values.in}
          choices={[
            { value: 'any', label: text(lang, 'inAny') },
            { value: 'title', label: text(lang, 'inTitle') },
            { value: 'body', label: text(lang, 'inBody') },
          ]}
          problems={problems}
        />
        <FilterControls {...props} />
        <Button>{text(lang, 'searchButton')}</Button>
      </form>
      <p class="govuk-body">
        <a class="govuk-link" href={searchHref(lang, { q: values.q })}>
          {text(lang, 'simpleLink')}
        </a>
      </p>
    </>
  );
}

function ResultItem({
  hit,
  lang,
  unitNames,
}: {
  hit: SearchHit;
  lang: Lang;
  unitNames: ReadonlyMap<string, string>;
}) {
  const unit = hit.unitCode ? unitNames.get(hit.unitCode) : undefined;
  return (
    <li class="govuk-!-margin-bottom-6">
      <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
        <a class="govuk-link" href={localePath(lang, hit.path)}>
          {hit.title}
        </a>
      </h3>
      <p class="govuk-body-s govuk-!-margin-bottom-1">
        <strong class="govuk-tag govuk-tag--grey">{kindName(hit.kind, lang)}</strong>
        {unit ? <span> {unit}</span> : null}
        {hit.publishedOn ? (
          <span>
            {' '}
            · {text(lang, 'published')}{' '}
            <time dateTime={hit.publishedOn}>{formatPageDate(lang, hit.publishedOn)}</time>
          </span>
        ) : null}
      </p>
      {hit.snippet.text === '' ? null : (
        <p class="govuk-body govuk-!-margin-bottom-0">
          {hit.snippet.isInFile ? <span class="govuk-!-font-weight-bold">{text(lang, 'inFile')}</span> : null}
          {snippetParts(hit.snippet).map((part, index) =>
            part.isMarked ? <mark key={index}>{part.text}</mark> : part.text,
          )}
        </p>
      )}
    </li>
  );
}

function NoResults(props: SearchPageProps & { results: SearchResults }) {
  const { lang, values, results } = props;
  const words = results.text;
  return (
    <>
      <p class="govuk-body">
        {words === '' ? text(lang, 'noResultsFiltered') : text(lang, 'noResults', { query: words })}
      </p>
      {results.suggestions.length === 0 ? null : (
        <p class="govuk-body">
          {text(lang, 'didYouMean')}
          {results.suggestions.map((suggestion, index) => (
            <span key={suggestion}>
              {index > 0 ? (lang === 'en' ? ', ' : '、') : null}
              <a class="govuk-link" href={searchHref(lang, { ...emptySearchValues, q: suggestion })}>
                {suggestion}
              </a>
            </span>
          ))}
          {lang === 'en' ? '?' : '？'}
        </p>
      )}
      <h3 class="govuk-heading-s">{text(lang, 'helpHeading')}</h3>
      <ul class="govuk-list govuk-list--bullet">
        <li>{text(lang, 'helpFewer')}</li>
        <li>{text(lang, 'helpEveryday')}</li>
        {hasFilters(values) ? (
          <li>
            <a class="govuk-link" href={searchHref(lang, { q: values.q })}>
              {text(lang, 'helpFilters')}
            </a>
          </li>
        ) : null}
        <li>
          {text(lang, 'helpBrowse')}
          <a class="govuk-link" href={localePath(lang, '/services')}>
            {text(lang, 'browseServices')}
          </a>
          {lang === 'en' ? ', ' : '、'}
          <a class="govuk-link" href={localePath(lang, faqPaths.list)}>
            {text(lang, 'browseFaq')}
          </a>
          {lang === 'en' ? ', ' : '、'}
          <a class="govuk-link" href={localePath(lang, contentPaths.home)}>
            {text(lang, 'browseInfo')}
          </a>
        </li>
      </ul>
    </>
  );
}

function Results(props: SearchPageProps & { results: SearchResults }) {
  const { lang, values, results, unitNames, isAdvanced } = props;
  if (results.total === 0) return <NoResults {...props} />;
  return (
    <>
      <p class="govuk-body">
        {results.isTotalCapped
          ? text(lang, 'resultCountMany', { count: results.total })
          : text(lang, 'resultCount', { count: results.total })}
      </p>
      {results.isRelaxed ? <div class="govuk-inset-text">{text(lang, 'relaxed')}</div> : null}
      {results.isRelaxed && results.suggestions.length > 0 ? (
        <p class="govuk-body">
          {text(lang, 'didYouMean')}
          {results.suggestions.map((suggestion, index) => (
            <span key={suggestion}>
              {index > 0 ? (lang === 'en' ? ', ' : '、') : null}
              <a class="govuk-link" href={searchHref(lang, { ...emptySearchValues, q: suggestion })}>
                {suggestion}
              </a>
            </span>
          ))}
        </p>
      ) : null}
      <ol class="govuk-list" start={(results.page - 1) * 10 + 1}>
        {results.hits.map((hit) => (
          <ResultItem key={`${hit.source}-${hit.sourceId}`} hit={hit} lang={lang} unitNames={unitNames} />
        ))}
      </ol>
      <Pagination
        lang={lang}
        label={text(lang, 'pagination')}
        page={results.page}
        pageCount={results.pageCount}
        href={(page) => searchHref(lang, { ...values, page, advanced: isAdvanced })}
      />
    </>
  );
}

export function SearchPage(props: SearchPageProps) {
  const { lang, problems, isAdvanced, results, values } = props;
  return (
    <>
      <ErrorSummary lang={lang} problems={problems} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-xl">{text(lang, isAdvanced ? 'advancedTitle' : 'title')}</h1>
          <p class="govuk-body-l">{text(lang, isAdvanced ? 'advancedLead' : 'lead')}</p>
          {isAdvanced ? <AdvancedForm {...props} /> : <SimpleForm {...props} />}
        </div>
      </div>
      {results === null || results.isEmpty ? null : (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <h2 class="govuk-heading-l">{text(lang, 'resultsHeading')}</h2>
            <Results {...props} results={results} />
          </div>
          {isAdvanced ? null : (
            <div class="govuk-grid-column-one-third">
              <h2 class="govuk-heading-m">{text(lang, 'filtersHeading')}</h2>
              <form
                action={localePath(lang, searchPaths.search)}
                method="get"
                aria-label={text(lang, 'filtersHeading')}
              >
                <Hidden values={values} names={['q', ...advancedNames]} />
                <FilterControls {...props} />
                <Button isSecondary={true}>{text(lang, 'applyFilters')}</Button>
              </form>
              {hasFilters(values) ? (
                <p class="govuk-body">
                  <a class="govuk-link" href={searchHref(lang, { q: values.q })}>
                    {text(lang, 'clearFilters')}
                  </a>
                </p>
              ) : null}
            </div>
          )}
        </div>
      )}
    </>
  );
}
