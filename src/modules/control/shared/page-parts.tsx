import { Button, Select, TextArea, TextInput } from '../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { Pagination } from '../../../platform/web/components/pagination.tsx';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';

/**
 * Pieces the pages of management control repeat: a form's text fields, a year to show, a list's pages (the
 * summary list and a table's head are the platform's: web/components/summary-list.tsx and table.tsx).
 */

type TextInputOptions = Omit<
  Parameters<typeof TextInput>[0],
  'lang' | 'name' | 'label' | 'value' | 'problems'
>;
type TextAreaOptions = Omit<Parameters<typeof TextArea>[0], 'lang' | 'name' | 'label' | 'value' | 'problems'>;

/**
 * The text fields of one form (the kit's TextInput and TextArea): each named after its value in `values`,
 * showing it as typed, with the form's problems.
 */
export function textFields<Values extends object>(lang: Lang, values: Values, problems?: FormProblems) {
  const typed = (name: keyof Values & string) => String(values[name] ?? '');
  return {
    input: (name: keyof Values & string, label: string, options: TextInputOptions = {}) => (
      <TextInput lang={lang} name={name} label={label} value={typed(name)} problems={problems} {...options} />
    ),
    area: (name: keyof Values & string, label: string, options: TextAreaOptions = {}) => (
      <TextArea lang={lang} name={name} label={label} value={typed(name)} problems={problems} {...options} />
    ),
  };
}

/** A list page's choice of year (a plain GET form: works without JavaScript). */
export function YearChoice(props: {
  lang: Lang;
  action: string;
  years: readonly number[];
  year: number;
  label: string;
  optionLabel: (year: number) => string;
  button: string;
  formClass?: string;
}) {
  const { lang } = props;
  return (
    <form method="get" action={localePath(lang, props.action)} class={props.formClass}>
      <Select
        lang={lang}
        name="year"
        label={props.label}
        value={String(props.year)}
        choices={props.years.map((year) => ({ value: String(year), label: props.optionLabel(year) }))}
      />
      <Button isSecondary>{props.button}</Button>
    </form>
  );
}

/**
 * The links to a list's other pages (nothing when it has one page). `path` is the list's address, bare and
 * with the query it was asked with (a filter, the year); the page number is added to it.
 */
export function ListPagination(props: { lang: Lang; path: string; page: number; hasNextPage: boolean }) {
  const address = localePath(props.lang, props.path);
  const separator = address.includes('?') ? '&' : '?';
  return (
    <Pagination
      lang={props.lang}
      page={props.page}
      hasNextPage={props.hasNextPage}
      href={(page) => `${address}${separator}page=${page}`}
    />
  );
}
