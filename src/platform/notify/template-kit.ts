import type { DatabaseOrTransaction } from '../db/database.ts';
import { BUREAU } from '../reference/units.ts';
import { formatPageDate } from '../web/format-date.ts';
import type { Lang } from '../web/i18n.ts';

/** What a template produces: the e-mail (subject and plain text) and the short text of an SMS. */
export interface RenderedMessage {
  subject: string;
  text: string;
  /** One or two sentences: an SMS is read on a small screen and costs per 70 characters. */
  sms: string;
}

/**
 * One topic's message in both languages. Staff read these files (and /staff/notification-templates,
 * which renders each with its sample): keep the wording plain, one idea per paragraph.
 *
 * Data rules: names (service, unit, agency) arrive already in the recipient's language; dates arrive
 * as ISO dates (YYYY-MM-DD) and are written here as readers expect (民國 years in Chinese).
 */
export interface NotificationTemplate<Data> {
  /** Who receives it: the applicant, or staff (reminders). */
  audience: 'applicant' | 'staff';
  /** What it is for, shown on the templates page. */
  purpose: Record<Lang, string>;
  /** Filled-in example data for the templates page, per language (invented: no real person). */
  sample: Record<Lang, Data>;
  render: Record<Lang, (data: Data) => RenderedMessage>;
  /**
   * The variables an edited wording of this topic must keep (issue 17: /staff/notification-templates/:topic,
   * `{{caseNumber}}`). Without it, the notifications module's default rule applies: the data's `caseNumber`,
   * `lookupCode` and `code`, and every `…Url`. Declare it when that rule does not fit (a link that may be
   * missing, e.g. the satisfaction link of the closing notice).
   */
  requiredVariables?: readonly (keyof Data & string)[];
}

export function date(lang: Lang, isoDate: string): string {
  return formatPageDate(lang, isoDate);
}

export const bureauName: Record<Lang, string> = { 'zh-TW': BUREAU.nameZh, en: BUREAU.nameEn };

/** Subject prefix for citizens' mail: whom it is from, in the form Taiwanese agencies use. */
export function subject(lang: Lang, text: string): string {
  return lang === 'zh-TW' ? `【${BUREAU.nameZh}】${text}` : `${text} – ${BUREAU.nameEn}`;
}

/** Paragraphs joined by a blank line, the greeting first and the sign-off last. */
export function letter(
  lang: Lang,
  paragraphs: (string | null)[],
  options: { toStaff?: boolean } = {},
): string {
  const greeting = options.toStaff
    ? lang === 'zh-TW'
      ? '同仁您好：'
      : 'Hello,'
    : lang === 'zh-TW'
      ? '您好：'
      : 'Hello,';
  const signOff =
    lang === 'zh-TW'
      ? `${BUREAU.nameZh}\n本郵件由系統自動發送，請勿直接回覆。`
      : `${BUREAU.nameEn}\nThis message was sent automatically; please do not reply to it.`;
  return [greeting, ...paragraphs.filter((paragraph) => paragraph !== null), signOff].join('\n\n');
}

/** 'label：value' lines (Chinese full-width colon) / 'Label: value' lines. */
export function facts(lang: Lang, rows: [string, string][]): string {
  const separator = lang === 'zh-TW' ? '：' : ': ';
  return rows.map(([label, value]) => `${label}${separator}${value}`).join('\n');
}

/**
 * A topic: its name (as the delivery log records it) and its template. Modules define their topics beside
 * the code that sends them, list them in their manifest (the templates page shows every one), and pass the
 * topic itself to `queueNotification`, which types the data by it.
 */
export interface NotificationTopic<Data> extends ListedTopic {
  readonly template: NotificationTemplate<Data>;
  render(lang: Lang, data: Data): RenderedMessage;
}

/** A topic as lists show it, whatever its data: name, audience, purpose and its sample rendered. */
export interface ListedTopic {
  /** `<module>.<event>`, e.g. `case.received`, `control.report_due`. */
  readonly topic: string;
  readonly audience: NotificationTemplate<unknown>['audience'];
  readonly purpose: Record<Lang, string>;
  renderSample(lang: Lang): RenderedMessage;
  /** Its sample data, whatever its type: the editor derives the variables from it (issue 17). */
  readonly sample: Record<Lang, unknown>;
  /** The template's `requiredVariables`, when it declares them. */
  readonly requiredVariables: readonly string[] | undefined;
  /**
   * The built-in wording with any data (the editor renders it with markers to write the built-in wording
   * as `{{variable}}` text). Untyped: a message is sent with `NotificationTopic.render`.
   */
  renderUnchecked(lang: Lang, data: unknown): RenderedMessage;
  /**
   * Where a preview of an edited wording finds real data (issue 17): the module that sends the topic gives
   * it (`withPreviewFacts`), so the notifications module never reads that module's tables. None: the sample.
   */
  readonly previewFacts?: PreviewFactsSource;
}

/** Real data for a preview, already masked: the variables it can fill, and what it came from. */
export interface PreviewFacts {
  /** What the facts came from, as the editor sees it (「案號 1150302-0042（申請人 王○明）」). */
  source: string;
  /** The case number (or other reference) the facts came from, to look the same one up again. */
  reference: string;
  /** Variable values as the data would carry them (ISO dates, names in `lang`); personal data masked. */
  values: Record<string, string | number | readonly string[] | null>;
}

/**
 * Finds the facts for a preview: `reference` is what the editor typed (a case number), null for the most
 * recent one. Null when there is none.
 */
export type PreviewFactsSource = (
  db: DatabaseOrTransaction,
  query: { reference: string | null; lang: Lang; publicBaseUrl: string },
) => Promise<PreviewFacts | null>;

/** The same topic, its previews filled from `source` (the sending module's manifest wires it). */
export function withPreviewFacts<Topic extends ListedTopic>(topic: Topic, source: PreviewFactsSource): Topic {
  return Object.freeze({ ...topic, previewFacts: source });
}

export function defineTopic<Data>(
  topic: string,
  template: NotificationTemplate<Data>,
): NotificationTopic<Data> {
  if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(topic)) throw new Error(`Bad topic name: ${topic}`);
  return Object.freeze({
    topic,
    template,
    audience: template.audience,
    purpose: template.purpose,
    render: (lang: Lang, data: Data) => template.render[lang](data),
    sample: template.sample,
    requiredVariables: template.requiredVariables,
    renderUnchecked: (lang: Lang, data: unknown) => template.render[lang](data as Data),
    renderSample: (lang: Lang) => template.render[lang](template.sample[lang]),
  });
}

/**
 * What is wrong with a topic's own sample, rendered in both languages (each module's template test runs it
 * over its topics): a subject and an SMS of some length, the greeting first and the sign-off last, and no
 * `undefined`, `null` or `[object …]` leaking from missing data. Empty when all is well.
 */
export function topicProblems(topic: ListedTopic): string[] {
  const problems: string[] = [];
  for (const lang of ['zh-TW', 'en'] as const) {
    const message = topic.renderSample(lang);
    const where = `${topic.topic} (${lang})`;
    if (message.subject.length <= 5) problems.push(`${where}: the subject is too short`);
    if (message.sms.length <= 10) problems.push(`${where}: the SMS is too short`);
    if (/undefined|null|\[object/.test(`${message.subject}${message.text}${message.sms}`))
      problems.push(`${where}: missing data shows as undefined, null or [object]`);
    if (!(lang === 'zh-TW' ? /^(您好|同仁您好)：/ : /^Hello,/).test(message.text))
      problems.push(`${where}: the text does not start with the greeting`);
    if (!(lang === 'zh-TW' ? /請勿直接回覆。$/ : /please do not reply to it\.$/).test(message.text))
      problems.push(`${where}: the text does not end with the sign-off`);
  }
  return problems;
}
