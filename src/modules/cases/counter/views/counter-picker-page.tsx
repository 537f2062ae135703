import {
  Button,
  type ChoiceGroup,
  ErrorSummary,
  Select,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import type { ServiceSummary } from '../../../catalogue/index.ts';
import { deadlineText } from '../../../catalogue/index.ts';
import { counterText as text } from '../counter-messages.ts';
import { counterPaths } from '../counter-paths.ts';

export interface CounterPickerView {
  lang: Lang;
  /** Every current service, in unit order (listServices without filters). */
  services: readonly ServiceSummary[];
  /** The keyword search, when one was made. */
  search: { q: string; results: readonly ServiceSummary[] } | null;
  /** 「請選擇申辦項目」 when the form was sent without (or with an unknown) service. */
  problems: FormProblems;
}

export function intakeFormHref(lang: Lang, serviceCode: string): string {
  return `${localePath(lang, counterPaths.newIntake)}?${new URLSearchParams({ service: serviceCode }).toString()}`;
}

/** Services grouped by their unit, in the order given (listServices sorts by unit). */
function groupByUnit(lang: Lang, services: readonly ServiceSummary[]): ChoiceGroup[] {
  const groups = new Map<string, { label: string; choices: { value: string; label: string }[] }>();
  for (const service of services) {
    const label = lang === 'en' ? service.unit.nameEn : service.unit.nameZh;
    const group = groups.get(service.unit.code) ?? { label, choices: [] };
    group.choices.push({ value: service.code, label: lang === 'en' ? service.nameEn : service.nameZh });
    groups.set(service.unit.code, group);
  }
  return [...groups.values()];
}

/** Step 1 of counter intake: find the service by keyword, or choose it from a list grouped by unit. */
export function CounterPickerPage(view: CounterPickerView) {
  const { lang, search } = view;
  const pick = (zh: string, en: string) => (lang === 'en' ? en : zh);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary lang={lang} problems={view.problems} />
        <h1 class="govuk-heading-l">{text(lang, 'pickerTitle')}</h1>
        <p class="govuk-body">{text(lang, 'pickerLead')}</p>

        <form method="get" action={localePath(lang, counterPaths.counter)}>
          <TextInput
            lang={lang}
            name="q"
            label={text(lang, 'searchLabel')}
            hint={text(lang, 'searchHint')}
            value={search?.q ?? ''}
            type="text"
            widthClass="govuk-!-width-two-thirds"
          />
          <Button isSecondary>{text(lang, 'searchButton')}</Button>
        </form>

        {search === null ? null : (
          <section aria-labelledby="search-results-heading" id="search-results">
            <h2 class="govuk-heading-m" id="search-results-heading">
              {search.results.length === 0
                ? text(lang, 'searchNone', { q: search.q })
                : text(lang, 'searchResults', { count: search.results.length, q: search.q })}
            </h2>
            {search.results.length === 0 ? null : (
              <table class="govuk-table">
                <TableHead
                  columns={[
                    text(lang, 'aboutService'),
                    text(lang, 'unitColumn'),
                    text(lang, 'deadlineColumn'),
                  ]}
                />
                <tbody class="govuk-table__body">
                  {search.results.map((service) => (
                    <tr key={service.code} class="govuk-table__row" data-service-code={service.code}>
                      <td class="govuk-table__cell">
                        <a class="govuk-link" href={intakeFormHref(lang, service.code)}>
                          {pick(service.nameZh, service.nameEn)}
                        </a>
                      </td>
                      <td class="govuk-table__cell">{pick(service.unit.nameZh, service.unit.nameEn)}</td>
                      <td class="govuk-table__cell">{deadlineText(service.deadline, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <LinkParagraph href={localePath(lang, counterPaths.counter)}>
              {text(lang, 'searchClear')}
            </LinkParagraph>
          </section>
        )}

        <form method="get" action={localePath(lang, counterPaths.newIntake)}>
          <Select
            lang={lang}
            name="service"
            label={text(lang, 'pickLabel')}
            value=""
            blank={text(lang, 'pickBlank')}
            groups={groupByUnit(lang, view.services)}
            problems={view.problems}
          />
          <Button>{text(lang, 'pickButton')}</Button>
        </form>
      </div>
    </div>
  );
}
