import { Button, Select, SuccessBanner } from '../../../../platform/web/components/form-controls.tsx';
import { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { Pagination } from '../../../../platform/web/components/pagination.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { districtWords, type ListedRoutingRule, type Named, nameIn } from '../../../cases/index.ts';
import { administrationPaths } from '../../administration-paths.ts';
import { routingText as text } from '../routing-messages.ts';

export interface RoutingListPageProps {
  lang: Lang;
  isSupervisor: boolean;
  rules: readonly ListedRoutingRule[];
  total: number;
  page: number;
  pageCount: number;
  filter: { service: string; unit: string };
  choices: { services: readonly Named[]; units: readonly Named[] };
  /** Filter values that named nothing (left out). */
  ignored: readonly string[];
  successMessage: string | null;
}

/** `/staff/admin/routing`: the rules the reader may manage, filtered by service or unit, a page at a time. */
export function RoutingListPage(props: RoutingListPageProps) {
  const { lang } = props;
  const hasFilter = props.filter.service !== '' || props.filter.unit !== '';
  const query = (page: number) => {
    const params = new URLSearchParams();
    if (props.filter.service) params.set('service', props.filter.service);
    if (props.filter.unit) params.set('unit', props.filter.unit);
    params.set('page', String(page));
    return `${localePath(lang, administrationPaths.routing)}?${params.toString()}`;
  };
  return (
    <>
      <SuccessBanner lang={lang} message={props.successMessage} />
      <h1 class="govuk-heading-l">{text(lang, 'listTitle')}</h1>
      <p class="govuk-body">{text(lang, 'listLead')}</p>
      {props.isSupervisor ? <p class="govuk-body">{text(lang, 'listLeadSupervisor')}</p> : null}
      <p class="govuk-body">
        <a class="govuk-button" href={localePath(lang, administrationPaths.routingNew)} id="routing-new">
          {text(lang, 'newLink')}
        </a>
      </p>
      <form method="get" action={localePath(lang, administrationPaths.routing)} novalidate>
        <h2 class="govuk-heading-m">{text(lang, 'filterHeading')}</h2>
        {props.ignored.map((value) => (
          <p class="govuk-body" key={value} data-ignored>
            {text(lang, 'filterIgnored', { value })}
          </p>
        ))}
        <Select
          lang={lang}
          name="service"
          label={text(lang, 'filterService')}
          value={props.filter.service}
          blank={text(lang, 'filterAllServices')}
          choices={props.choices.services.map((service) => ({
            value: service.code,
            label: nameIn(lang, service),
          }))}
          problems={FormProblems.none}
        />
        <Select
          lang={lang}
          name="unit"
          label={text(lang, 'filterUnit')}
          value={props.filter.unit}
          blank={text(lang, 'filterAllUnits')}
          choices={props.choices.units.map((unit) => ({ value: unit.code, label: nameIn(lang, unit) }))}
          problems={FormProblems.none}
        />
        <Button isSecondary>{text(lang, 'filterButton')}</Button>
      </form>
      {props.rules.length === 0 ? (
        <p class="govuk-body" id="routing-none">
          {text(lang, hasFilter ? 'noRulesFiltered' : 'noRules')}
        </p>
      ) : (
        <>
          <p class="govuk-body">{text(lang, 'ruleCount', { total: props.total })}</p>
          <table class="govuk-table" id="routing-rules">
            <TableHead
              columns={[
                text(lang, 'colService'),
                text(lang, 'colDistrict'),
                text(lang, 'colUnit'),
                text(lang, 'colNote'),
                text(lang, 'colActions'),
              ]}
            />
            <tbody class="govuk-table__body">
              {props.rules.map((rule) => (
                <tr key={rule.id} class="govuk-table__row" data-rule={rule.id}>
                  <td class="govuk-table__cell" data-service={rule.service.code}>
                    {nameIn(lang, rule.service)}
                  </td>
                  <td class="govuk-table__cell" data-district={rule.district?.code ?? '*'}>
                    {districtWords(lang, rule.district)}
                  </td>
                  <td class="govuk-table__cell" data-unit={rule.unit.code}>
                    {nameIn(lang, rule.unit)}
                    {rule.unit.isActive ? null : (
                      <>
                        {' '}
                        <strong class="govuk-tag govuk-tag--red">{text(lang, 'unitInactiveTag')}</strong>
                      </>
                    )}
                  </td>
                  <td class="govuk-table__cell">{rule.note}</td>
                  <td class="govuk-table__cell">
                    <a class="govuk-link" href={localePath(lang, administrationPaths.routingRule(rule.id))}>
                      {text(lang, 'editLink')}
                      <span class="govuk-visually-hidden">
                        {' '}
                        {text(lang, 'editLinkHidden', {
                          service: nameIn(lang, rule.service),
                          district: districtWords(lang, rule.district),
                        })}
                      </span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <Pagination
        lang={lang}
        label={text(lang, 'listPages')}
        page={props.page}
        pageCount={props.pageCount}
        href={query}
      />
    </>
  );
}
