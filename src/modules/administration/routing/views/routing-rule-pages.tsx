import {
  Banner,
  Button,
  CsrfField,
  Select,
  TextArea,
} from '../../../../platform/web/components/form-controls.tsx';
import { FormPage, textControls } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { SummaryList } from '../../../../platform/web/components/summary-list.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { formatPageDate, taipeiIsoDate } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import {
  districtWords,
  type ListedRoutingRule,
  type Named,
  nameIn,
  type RoutingPreview,
} from '../../../cases/index.ts';
import { administrationPaths } from '../../administration-paths.ts';
import { allDistrictsValue, newRuleForm } from '../routing-form.ts';
import { routingText as text } from '../routing-messages.ts';

export interface RuleFormValues {
  service: string;
  district: string;
  unit: string;
  note: string;
}

export interface RoutingRuleFormPageProps {
  lang: Lang;
  csrfToken: string;
  /** Null: a new rule; otherwise the rule whose unit and note are changed. */
  rule: ListedRoutingRule | null;
  isSupervisor: boolean;
  choices: { services: readonly Named[]; districts: readonly Named[]; units: readonly Named[] };
  values: RuleFormValues;
  problems: FormProblems;
  /** The rule a new one collides with (its page is linked). */
  existingRuleId: string | null;
}

/** A new rule, or a rule's page (its unit and note, and its removal): the first step, before the preview. */
export function RoutingRuleFormPage(props: RoutingRuleFormPageProps) {
  const { lang, rule, values, problems } = props;
  const control = textControls(newRuleForm, { lang, values, problems });
  const action = localePath(
    lang,
    rule === null ? administrationPaths.routingNew : administrationPaths.routingRule(rule.id),
  );
  const title =
    rule === null
      ? text(lang, 'newTitle')
      : text(lang, 'editTitle', {
          service: nameIn(lang, rule.service),
          district: districtWords(lang, rule.district),
        });
  const notice =
    props.existingRuleId === null ? null : (
      <Banner lang={lang} kind="important" isAlert id="routing-existing">
        <p class="govuk-notification-banner__heading">
          <a
            class="govuk-notification-banner__link"
            href={localePath(lang, administrationPaths.routingRule(props.existingRuleId))}
          >
            {text(lang, 'existingRuleLink')}
          </a>
        </p>
      </Banner>
    );
  return (
    <FormPage
      lang={lang}
      problems={problems}
      title={title}
      lead={text(lang, rule === null ? 'newLead' : 'editLead')}
      notice={notice}
    >
      <form method="post" action={action} novalidate>
        <CsrfField token={props.csrfToken} />
        {rule === null ? (
          <>
            <Select
              {...control('service')}
              maxLength={undefined}
              hint={props.isSupervisor ? text(lang, 'serviceHintSupervisor') : undefined}
              blank={text(lang, 'choose')}
              choices={props.choices.services.map((service) => ({
                value: service.code,
                label: nameIn(lang, service),
              }))}
            />
            <Select
              {...control('district')}
              maxLength={undefined}
              hint={text(lang, 'districtHint')}
              blank={text(lang, 'choose')}
              choices={[
                { value: allDistrictsValue, label: text(lang, 'allDistrictsOption') },
                ...props.choices.districts.map((district) => ({
                  value: district.code,
                  label: nameIn(lang, district),
                })),
              ]}
            />
          </>
        ) : (
          <input type="hidden" name="previousUnit" value={rule.unit.code} />
        )}
        <Select
          {...control('unit')}
          maxLength={undefined}
          hint={text(lang, 'unitHint')}
          blank={text(lang, 'choose')}
          choices={props.choices.units.map((unit) => ({ value: unit.code, label: nameIn(lang, unit) }))}
        />
        <TextArea {...control('note')} hint={text(lang, 'noteHint')} isOptional />
        <Button name="step" value="preview">
          {text(lang, 'previewButton')}
        </Button>
      </form>
      {rule === null ? null : (
        <>
          <h2 class="govuk-heading-m">{text(lang, 'removeHeading')}</h2>
          <form method="post" action={action} novalidate>
            <CsrfField token={props.csrfToken} />
            <input type="hidden" name="previousUnit" value={rule.unit.code} />
            <Button name="step" value="remove-preview" isWarning>
              {text(lang, 'removeButton')}
            </Button>
          </form>
        </>
      )}
      <LinkParagraph href={localePath(lang, administrationPaths.routing)}>
        {text(lang, 'backToList')}
      </LinkParagraph>
    </FormPage>
  );
}

export interface RoutingPreviewPageProps {
  lang: Lang;
  csrfToken: string;
  /** Where the confirmation posts (the new-rule page, or the rule's). */
  action: string;
  kind: 'create' | 'change' | 'remove';
  preview: RoutingPreview;
  /** What the form posts again with the confirmation (the choices, the note). */
  carried: Readonly<Record<string, string>>;
}

/** The step before saving: the rule, where new cases go before and after, and the open cases concerned. */
export function RoutingPreviewPage(props: RoutingPreviewPageProps) {
  const { lang, preview } = props;
  const isRemoval = props.kind === 'remove';
  const unitAfter = nameIn(lang, preview.unit);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <h1 class="govuk-heading-l">{text(lang, isRemoval ? 'removeTitle' : 'previewTitle')}</h1>
        <p class="govuk-body">
          {isRemoval
            ? text(lang, 'removeLead', { unit: unitAfter })
            : text(lang, 'previewLead', { unit: unitAfter })}
        </p>
        <SummaryList
          rows={[
            { key: text(lang, 'rowService'), value: nameIn(lang, preview.service), id: 'preview-service' },
            {
              key: text(lang, 'rowDistrict'),
              value: districtWords(lang, preview.district),
              id: 'preview-district',
            },
            {
              key: text(lang, 'rowUnitBefore'),
              value: nameIn(lang, preview.unitBefore),
              id: 'preview-unit-before',
              state: preview.unitBefore.code,
            },
            {
              key: text(lang, isRemoval ? 'rowUnitAfterRemoval' : 'rowUnitAfter'),
              value: unitAfter,
              id: 'preview-unit-after',
              state: preview.unit.code,
            },
            isRemoval
              ? null
              : {
                  key: text(lang, 'rowNote'),
                  value: preview.note === '' ? text(lang, 'noNote') : preview.note,
                },
          ]}
        />
        <div class="govuk-inset-text" id="preview-new-cases-only">
          {text(lang, 'newCasesOnly')}
        </div>
        <h2 class="govuk-heading-m">{text(lang, 'casesHeading')}</h2>
        <OpenCasesTable lang={lang} preview={preview} />
        <form method="post" action={props.action} novalidate>
          <CsrfField token={props.csrfToken} />
          {Object.entries(props.carried).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <div class="govuk-button-group">
            <Button
              name="step"
              value={isRemoval ? 'remove' : 'confirm'}
              isWarning={isRemoval}
              preventsDoubleClick
            >
              {text(
                lang,
                isRemoval ? 'removeConfirm' : props.kind === 'create' ? 'confirmCreate' : 'confirmChange',
              )}
            </Button>
            {isRemoval ? null : (
              <Button name="step" value="edit" isSecondary>
                {text(lang, 'backToForm')}
              </Button>
            )}
          </div>
        </form>
        <LinkParagraph href={localePath(lang, administrationPaths.routing)}>
          {text(lang, 'backToList')}
        </LinkParagraph>
      </div>
    </div>
  );
}

function OpenCasesTable({ lang, preview }: { lang: Lang; preview: RoutingPreview }) {
  const { total, shown } = preview.openCases;
  const unit = nameIn(lang, preview.unit);
  if (total === 0)
    return (
      <p class="govuk-body" id="preview-cases" data-total="0">
        {text(lang, 'casesNone')}
      </p>
    );
  return (
    <>
      <p class="govuk-body" id="preview-cases" data-total={total}>
        {text(lang, 'casesCount', { total, unit })}
        {shown.length < total ? ` ${text(lang, 'casesShown', { shown: shown.length })}` : null}
      </p>
      <table class="govuk-table" id="preview-case-list">
        <TableHead
          columns={[
            text(lang, 'colCaseNumber'),
            text(lang, 'colCaseDistrict'),
            text(lang, 'colCaseUnit'),
            text(lang, 'colReceived'),
          ]}
        />
        <tbody class="govuk-table__body">
          {shown.map((item) => (
            <tr key={item.caseNumber} class="govuk-table__row" data-case={item.caseNumber}>
              <td class="govuk-table__cell">{item.caseNumber}</td>
              <td class="govuk-table__cell">
                {item.district === null ? text(lang, 'noDistrict') : nameIn(lang, item.district)}
              </td>
              <td class="govuk-table__cell" data-unit={item.unit.code}>
                {nameIn(lang, item.unit)}
              </td>
              <td class="govuk-table__cell">{formatPageDate(lang, taipeiIsoDate(item.receivedAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
