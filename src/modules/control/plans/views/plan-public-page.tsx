import type { ComponentChildren } from 'preact';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { htmlLang, type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { deadlineText, formatDate } from '../../shared/control-format.ts';
import { ListPagination } from '../../shared/page-parts.tsx';
import type { UnitNames } from '../../shared/unit-names.ts';
import { workPlanPaths } from '../../work-plans/work-plan-paths.ts';
import { clauseLabel, unitsText } from '../plan-format.ts';
import { plansText as text } from '../plan-messages.ts';
import { anchorOf, planPaths } from '../plan-paths.ts';
import type { PublicPlanHeading } from '../plan-reads.ts';
import type { PlanItem, PlanPractice, PlanSnapshot, PlanStrategy, WorkPlanTemplate } from '../plan-types.ts';

/** A published version in the public history: when, and why (a staff member's name is never shown). */
export interface PublicVersion {
  version: number;
  publishedAt: Date;
  /** Null for version 1. */
  reason: string | null;
}

export interface PlanPublicPageProps {
  lang: Lang;
  plan: PublicPlanHeading;
  history: readonly PublicVersion[];
  /** The version's content: PlanContent, or its HTML kept for the version (public-plan-routes.tsx). */
  content: ComponentChildren;
}

/** What the content of a version shows: the same for every version, language and set of unit names. */
export interface PlanContentProps {
  lang: Lang;
  plan: { year: number; content: PlanSnapshot };
  unitNames: UnitNames;
}

const zh = htmlLang('zh-TW');

/**
 * `/plans/:year`: the whole plan in Chinese as issued (headings for sections, items and strategies; each
 * practice a list entry with its deadline and units), and on `/en/plans/:year` an English summary with the
 * items and strategies translated and the practices summarised. Lists and headings, no wide table, so it
 * reads on a phone and in a screen reader.
 */
export function PlanPublicPage(props: PlanPublicPageProps) {
  const { lang, plan } = props;
  const title = lang === 'en' ? (plan.titleEn ?? plan.title) : plan.title;
  return (
    <>
      <span class="govuk-caption-l">
        {text(lang, 'planYear', { year: plan.year, rocYear: plan.rocYear })}
      </span>
      <h1 class="govuk-heading-xl" lang={lang === 'en' && plan.titleEn === null ? zh : undefined}>
        {title}
      </h1>
      <VersionNote {...props} />
      <p class="govuk-body" id="work-plans-link">
        <a class="govuk-link" href={localePath(lang, workPlanPaths.publicYear(plan.year))}>
          {text(lang, 'workPlansLink', { year: plan.year, rocYear: plan.rocYear })}
        </a>
      </p>
      {props.content}
      <History {...props} />
    </>
  );
}

/** The plan itself: in full in Chinese, or the English summary. */
export function PlanContent(props: PlanContentProps) {
  return props.lang === 'en' ? <EnglishSummary {...props} /> : <ChinesePlan {...props} />;
}

function VersionNote({ lang, plan }: PlanPublicPageProps) {
  const isCurrent = plan.version === plan.currentVersion;
  return (
    <>
      {isCurrent ? null : (
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong class="govuk-warning-text__text">
            {text(lang, 'olderVersion', { version: plan.version })}{' '}
            <a class="govuk-link" href={localePath(lang, planPaths.plan(plan.year))}>
              {text(lang, 'currentVersionLink', { version: plan.currentVersion })}
            </a>
          </strong>
        </div>
      )}
      <p class="govuk-body">
        {text(lang, 'versionLine', { version: plan.version, date: formatDate(lang, plan.publishedAt) })}
        {plan.version > 1
          ? ` ${text(lang, 'firstPublished', { date: formatDate(lang, plan.firstPublishedAt) })}`
          : null}
      </p>
    </>
  );
}

function Contents({ lang, content }: { lang: Lang; content: PlanSnapshot }) {
  const sections: [string, string][] = [
    ['basis', text(lang, 'sectionBasis')],
    ['goals', text(lang, 'sectionGoals')],
    ['scope', text(lang, 'sectionScope')],
    ['content', text(lang, 'sectionContent')],
    ['steps', text(lang, 'sectionSteps')],
    ['control', text(lang, 'sectionControl')],
    ['work-plan-template', text(lang, 'templateHeading', { heading: content.workPlanTemplate.heading })],
  ];
  return (
    <nav aria-labelledby="contents-heading" class="ow-plan-contents">
      <h2 class="govuk-heading-m" id="contents-heading">
        {text(lang, 'contentsHeading')}
      </h2>
      <ul class="govuk-list">
        {sections.map(([id, label]) => (
          <li key={id}>
            <a class="govuk-link" href={`#${id}`}>
              {label}
            </a>
            {id === 'content' ? (
              <ul class="govuk-list govuk-!-margin-left-4 govuk-!-margin-top-1">
                {content.items.map((item) => (
                  <li key={item.id}>
                    <a class="govuk-link" href={`#${anchorOf.item(item.id)}`}>
                      {lang === 'en'
                        ? `${item.ordinal}. ${item.titleEn ?? item.title}`
                        : `${item.label}${item.title}`}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Clauses({ clauses }: { clauses: readonly string[] }) {
  return (
    <ul class="govuk-list ow-plan-clauses">
      {clauses.map((clause, index) => (
        <li key={index}>
          <span class="ow-plan-number">{clauseLabel(index)}</span>
          {clause}
        </li>
      ))}
    </ul>
  );
}

function ChinesePlan(props: PlanContentProps) {
  const { lang } = props;
  const content = props.plan.content;
  return (
    <>
      <Contents lang={lang} content={content} />
      <h2 class="govuk-heading-l" id="basis">
        {text(lang, 'sectionBasis')}
      </h2>
      <Clauses clauses={content.basis} />
      <h2 class="govuk-heading-l" id="goals">
        {text(lang, 'sectionGoals')}
      </h2>
      <Clauses clauses={content.goals} />
      <h2 class="govuk-heading-l" id="scope">
        {text(lang, 'sectionScope')}
      </h2>
      <p class="govuk-body">{content.scope}</p>
      <h2 class="govuk-heading-l" id="content">
        {text(lang, 'sectionContent')}
      </h2>
      <p class="govuk-body">{content.contentIntro}</p>
      {content.items.map((item) => (
        <ChineseItem key={item.id} item={item} {...props} />
      ))}
      <h2 class="govuk-heading-l" id="steps">
        {text(lang, 'sectionSteps')}
      </h2>
      <Clauses clauses={content.steps} />
      <h2 class="govuk-heading-l" id="control">
        {text(lang, 'sectionControl')}
      </h2>
      <Clauses clauses={content.control} />
      {/* 柒 has no heading in the plan: its clause is printed after its number, as issued. */}
      {content.closing.map((clause, index) => (
        <p class="govuk-body" key={index}>
          <span class="ow-plan-number">{index === 0 ? text(lang, 'closingLabel') : clauseLabel(index)}</span>
          {clause}
        </p>
      ))}
      <Template lang={lang} template={content.workPlanTemplate} />
    </>
  );
}

function ChineseItem(props: PlanContentProps & { item: PlanItem }) {
  const { lang, item } = props;
  return (
    <section aria-labelledby={anchorOf.item(item.id)}>
      <h3 class="govuk-heading-m ow-plan-item" id={anchorOf.item(item.id)}>
        {item.label}
        {item.title}
      </h3>
      {item.tableTitle === null ? null : (
        <p class="govuk-body-s ow-plan-secondary">{text(lang, 'tableTitle', { title: item.tableTitle })}</p>
      )}
      {item.strategies.map((strategy) => (
        <div key={strategy.id} class="ow-plan-strategy">
          <h4 class="govuk-heading-s" id={anchorOf.strategy(strategy.id)}>
            {strategy.label}
            {strategy.text}
          </h4>
          <ul class="govuk-list ow-plan-practices" aria-labelledby={anchorOf.strategy(strategy.id)}>
            {strategy.practices.map((practice) => (
              <PracticeEntry key={practice.id} practice={practice} {...props} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function PracticeEntry(props: PlanContentProps & { practice: PlanPractice }) {
  const { lang, practice } = props;
  return (
    <li class="ow-plan-practice" id={anchorOf.practice(practice.id)}>
      <p class="govuk-body govuk-!-margin-bottom-1">
        {practice.label === '' ? null : <span class="ow-plan-number">{practice.label} </span>}
        {practice.text}
      </p>
      {practice.parts.length === 0 ? null : (
        <ul class="govuk-list ow-plan-parts">
          {practice.parts.map((part) => (
            <li key={part.ordinal}>
              <span class="ow-plan-number">{part.label} </span>
              {part.text}
            </li>
          ))}
        </ul>
      )}
      <dl class="ow-plan-facts govuk-body-s">
        <div>
          <dt>{text(lang, 'deadlineLabel')}</dt>
          <dd>{deadlineText(practice.deadline, lang)}</dd>
        </div>
        <div>
          <dt>{text(lang, 'unitsLabel')}</dt>
          <dd>{unitsText(practice, props.unitNames, lang)}</dd>
        </div>
      </dl>
    </li>
  );
}

function Template({ lang, template }: { lang: Lang; template: WorkPlanTemplate }) {
  return (
    <section aria-labelledby="work-plan-template">
      <h2 class="govuk-heading-l" id="work-plan-template">
        {text(lang, 'templateHeading', { heading: template.heading })}
      </h2>
      <div lang={lang === 'en' ? zh : undefined}>
        <p class="govuk-body">{template.appliesTo}</p>
        <p class="govuk-body">
          {template.exampleLabel}：{template.exampleTitle}
        </p>
        <ul class="govuk-list">
          {template.sections.map((section) => (
            <li key={section.label}>
              {section.label}
              {section.title}
              {section.subtitle ? ` ${section.subtitle}` : ''}
            </li>
          ))}
        </ul>
      </div>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">
          {text(lang, 'templateTableCaption')}
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            {template.table.columns.map((column) => (
              <th key={column} scope="col" class="govuk-table__header" lang={lang === 'en' ? zh : undefined}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {template.table.exampleRows.map((row, rowIndex) => (
            <tr key={rowIndex} class="govuk-table__row">
              {row.map((cell, cellIndex) => (
                <td
                  key={cellIndex}
                  class="govuk-table__cell"
                  lang={lang === 'en' && cell !== '' ? zh : undefined}
                >
                  {cell === '' ? <span class="govuk-visually-hidden">{text(lang, 'emptyCell')}</span> : cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="govuk-body-s" lang={lang === 'en' ? zh : undefined}>
        {template.note}
      </p>
    </section>
  );
}

/** The English page: the plan's sections summarised, the items and strategies translated. */
function EnglishSummary(props: PlanContentProps) {
  const { lang, plan } = props;
  const content = plan.content;
  const summary = content.summaryEn;
  const section = (id: string, heading: string, english: string | undefined, chinese: readonly string[]) => (
    <>
      <h2 class="govuk-heading-l" id={id}>
        {heading}
      </h2>
      {english ? (
        <p class="govuk-body">{english}</p>
      ) : (
        <div lang={zh}>
          <Clauses clauses={chinese} />
        </div>
      )}
    </>
  );
  return (
    <>
      <p class="govuk-body-l">
        This page summarises the plan in English; the items and strategies are translated, the practices
        summarised. The plan itself is in Chinese:{' '}
        <a class="govuk-link" href={planPaths.plan(plan.year)} hreflang={zh} lang={zh}>
          {content.title}
        </a>
        .
      </p>
      <Contents lang={lang} content={content} />
      {section('basis', text(lang, 'sectionBasis'), summary?.basis, content.basis)}
      {section('goals', text(lang, 'sectionGoals'), summary?.goals, content.goals)}
      {section('scope', text(lang, 'sectionScope'), summary?.scope, [content.scope])}
      <h2 class="govuk-heading-l" id="content">
        {text(lang, 'sectionContent')}
      </h2>
      {content.items.map((item) => (
        <section key={item.id} aria-labelledby={anchorOf.item(item.id)}>
          <h3 class="govuk-heading-m" id={anchorOf.item(item.id)}>
            {item.ordinal}. {item.titleEn ?? <span lang={zh}>{item.title}</span>}
          </h3>
          <p class="govuk-body-s">
            <span lang={zh}>
              {item.label}
              {item.title}
            </span>
            {item.tableTitle === null ? null : (
              <>
                {' '}
                (headed <span lang={zh}>{item.tableTitle}</span> in the plan’s table)
              </>
            )}
          </p>
          {item.strategies.map((strategy) => (
            <EnglishStrategy key={strategy.id} item={item} strategy={strategy} {...props} />
          ))}
        </section>
      ))}
      {section('steps', text(lang, 'sectionSteps'), summary?.steps, content.steps)}
      {section('control', text(lang, 'sectionControl'), summary?.control, content.control)}
      {content.closing.length === 0
        ? null
        : section('closing', text(lang, 'closingLabel'), summary?.closing, content.closing)}
      <Template lang={lang} template={content.workPlanTemplate} />
    </>
  );
}

function EnglishStrategy(props: PlanContentProps & { item: PlanItem; strategy: PlanStrategy }) {
  const { lang, strategy } = props;
  const practices = strategy.practices;
  const deadlines = [...new Set(practices.map((practice) => deadlineText(practice.deadline, lang)))];
  const units = [...new Set(practices.map((practice) => unitsText(practice, props.unitNames, lang)))];
  return (
    <div class="ow-plan-strategy">
      <h4 class="govuk-heading-s" id={anchorOf.strategy(strategy.id)}>
        ({strategy.ordinal}) {strategy.textEn ?? <span lang={zh}>{strategy.text}</span>}
      </h4>
      {strategy.textEn === null ? null : (
        <p class="govuk-body-s ow-plan-secondary" lang={zh}>
          {strategy.label}
          {strategy.text}
        </p>
      )}
      {strategy.practicesSummaryEn ? (
        <p class="govuk-body">
          <span class="govuk-!-font-weight-bold">
            {practices.length === 1 ? 'The practice' : `${practices.length} practices`}:
          </span>{' '}
          {strategy.practicesSummaryEn}
        </p>
      ) : (
        <p class="govuk-body">{practices.length === 1 ? '1 practice.' : `${practices.length} practices.`}</p>
      )}
      <dl class="ow-plan-facts govuk-body-s">
        <div>
          <dt>{deadlines.length === 1 ? 'Deadline' : 'Deadlines'}</dt>
          <dd>{deadlines.join('; ')}</dd>
        </div>
        <div>
          <dt>{text(lang, 'unitsLabel')}</dt>
          <dd>{units.join('; ')}</dd>
        </div>
      </dl>
    </div>
  );
}

function History({ lang, plan, history }: PlanPublicPageProps) {
  return (
    <section aria-labelledby="history-heading">
      <h2 class="govuk-heading-l" id="history-heading">
        {text(lang, 'historyHeading')}
      </h2>
      <table class="govuk-table ow-plan-history">
        <TableHead
          columns={[text(lang, 'historyVersion'), text(lang, 'historyDate'), text(lang, 'historyReason')]}
        />
        <tbody class="govuk-table__body">
          {history.map((entry) => (
            <tr key={entry.version} class="govuk-table__row">
              <th scope="row" class="govuk-table__header">
                {entry.version === plan.version ? (
                  entry.version
                ) : (
                  <a
                    class="govuk-link"
                    href={`${localePath(lang, planPaths.plan(plan.year))}?version=${entry.version}`}
                    aria-label={text(lang, 'historyShow', { version: entry.version })}
                  >
                    {entry.version}
                  </a>
                )}
              </th>
              <td class="govuk-table__cell">{formatDate(lang, entry.publishedAt)}</td>
              <td class="govuk-table__cell" lang={lang === 'en' && entry.reason !== null ? zh : undefined}>
                {entry.reason ?? text(lang, 'historyFirst')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** `/plans`: the published plans, newest first. */
export function PlanListPage({
  lang,
  plans,
  page,
  hasNextPage,
}: {
  lang: Lang;
  plans: readonly { year: number; rocYear: number; title: string; titleEn: string | null; version: number }[];
  page: number;
  hasNextPage: boolean;
}) {
  return (
    <>
      <h1 class="govuk-heading-xl">{lang === 'en' ? 'Service quality plans' : '提升服務品質執行計畫'}</h1>
      <p class="govuk-body-l">{text(lang, 'listLead')}</p>
      {plans.length === 0 ? (
        <p class="govuk-body">{text(lang, 'listEmpty')}</p>
      ) : (
        <ul class="govuk-list">
          {plans.map((plan) => (
            <li key={plan.year} class="govuk-!-margin-bottom-4">
              <a
                class="govuk-link govuk-!-font-weight-bold"
                href={localePath(lang, planPaths.plan(plan.year))}
              >
                {lang === 'en' ? (plan.titleEn ?? plan.title) : plan.title}
              </a>
              <br />
              <span class="govuk-body-s">
                {text(lang, 'planYear', { year: plan.year, rocYear: plan.rocYear })}
                {lang === 'en' ? ', ' : '・'}
                {text(lang, 'listVersion', { version: plan.version })}
              </span>
              <br />
              <a class="govuk-link govuk-body-s" href={localePath(lang, workPlanPaths.publicYear(plan.year))}>
                {text(lang, 'workPlansLink', { year: plan.year, rocYear: plan.rocYear })}
              </a>
            </li>
          ))}
        </ul>
      )}
      <ListPagination lang={lang} path={planPaths.plans} page={page} hasNextPage={hasNextPage} />
    </>
  );
}
