import { type Sheet, writeOds } from '../../../platform/documents/ods.ts';
import { type OdtBlock, writeOdt } from '../../../platform/documents/odt.ts';
import { formatPageDate } from '../../../platform/web/format-date.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { checksText } from '../checks/checks-messages.ts';
import { deadlineText, formatDateTime, withNote } from '../shared/control-format.ts';
import { unitNameIn } from '../shared/unit-names.ts';
import type { ReportData, ReportItem } from './report-build.ts';
import { type ReportTextKey, reportText as text } from './report-messages.ts';

/**
 * The report's content as the page, the .odt and the .ods all show it: the title, the narrative, and four
 * tables (practices per implementation item, indicators, evidence, checks). The page renders these same
 * tables, so the three outputs cannot drift apart.
 */

export type Cell = string | number | null;

export interface ReportTable {
  id: string;
  caption: string;
  header: string[];
  /** Columns holding numbers (right-aligned on the page). */
  numeric: ReadonlySet<number>;
  rows: Cell[][];
}

/** A unit's name in the tables; '—' where a practice has no unit's result yet. */
export function unitName(data: Pick<ReportData, 'unitNames'>, code: string, lang: Lang): string {
  return code === '' ? '—' : unitNameIn(data.unitNames, code, lang);
}

export function subjectName(data: Pick<ReportData, 'unitNames' | 'unitCode'>, lang: Lang): string {
  return data.unitCode === null ? text(lang, 'bureau') : unitName(data, data.unitCode, lang);
}

export function reportTitle(
  data: Pick<ReportData, 'unitNames' | 'unitCode' | 'year' | 'rocYear'>,
  lang: Lang,
) {
  return text(lang, 'reportTitle', {
    year: lang === 'en' ? data.year : data.rocYear,
    subject: subjectName(data, lang),
  });
}

export function practiceTable(data: ReportData, item: ReportItem, lang: Lang): ReportTable {
  const rows: Cell[][] = [];
  for (const practice of item.practices) {
    const results =
      practice.results.length > 0
        ? practice.results
        : [{ unitCode: '', methods: [], status: null, period: null, progressNarrative: '' }];
    for (const result of results) {
      const methods =
        result.methods.length === 0
          ? text(lang, 'noMethod')
          : result.methods.map((method) => method.methodText).join('\n');
      const progress =
        result.status === null
          ? text(lang, 'progress_none')
          : `${withNote(lang, text(lang, `progress_${result.status}`), result.period ?? '')}${
              result.progressNarrative === '' ? '' : `\n${result.progressNarrative}`
            }`;
      rows.push([
        `${practice.ref} ${practice.text}`,
        deadlineText(practice.deadline, lang),
        unitName(data, result.unitCode, lang),
        methods,
        progress,
      ]);
    }
  }
  return {
    id: `practices-${item.id}`,
    caption: text(lang, 'practicesCaption', { item: `${item.label}${item.title}` }),
    header: [
      text(lang, 'colPractice'),
      text(lang, 'colDeadline'),
      text(lang, 'colUnit'),
      text(lang, 'colMethods'),
      text(lang, 'colProgress'),
    ],
    numeric: new Set(),
    rows,
  };
}

export function indicatorTable(data: ReportData, lang: Lang): ReportTable {
  return {
    id: 'indicators',
    caption: text(lang, 'indicatorsCaption'),
    header: [
      text(lang, 'colUnit'),
      text(lang, 'colMethod'),
      text(lang, 'colIndicator'),
      text(lang, 'colMeasure'),
      text(lang, 'colBaseline'),
      text(lang, 'colTarget'),
      text(lang, 'colMeasured'),
      text(lang, 'colResult'),
    ],
    numeric: new Set([4, 5, 6]),
    rows: data.indicators.map((target) => [
      unitName(data, target.unitCode, lang),
      target.methodText,
      target.indicator,
      target.unitOfMeasure,
      target.baseline,
      target.target,
      target.measured,
      text(lang, `result_${target.result}`),
    ]),
  };
}

export function evidenceTable(data: ReportData, lang: Lang): ReportTable {
  return {
    id: 'evidence',
    caption: text(lang, 'evidenceCaption'),
    header: [
      text(lang, 'colUnit'),
      text(lang, 'colPractice'),
      text(lang, 'colPeriod'),
      text(lang, 'colEvidence'),
    ],
    numeric: new Set(),
    rows: data.evidence.map((entry) => [
      unitName(data, entry.unitCode, lang),
      entry.practiceRef,
      entry.period,
      entry.label,
    ]),
  };
}

export function checksTable(data: ReportData, lang: Lang): ReportTable {
  return {
    id: 'checks',
    caption: text(lang, 'checksCaption'),
    header: [
      text(lang, 'colDate'),
      text(lang, 'colUnit'),
      text(lang, 'colKind'),
      text(lang, 'colScore'),
      text(lang, 'colFindings'),
      text(lang, 'colActions'),
    ],
    numeric: new Set([3]),
    rows: data.checks.map((check) => [
      formatPageDate(lang, check.checkDate),
      unitName(data, check.unitCode, lang),
      `${text(lang, `origin_${check.origin}`)}：${checksText(lang, `kind_${check.kind}`)}\n${check.subject}`,
      check.score,
      check.findings,
      check.actions
        .map((action) =>
          [
            text(lang, 'actionLine', {
              n: action.ordinal,
              description: action.description,
              deadline: formatPageDate(lang, action.deadline),
              state: text(lang, `action_${action.state}`),
            }),
            ...action.followUps.map((followUp) =>
              text(lang, 'followUpLine', {
                date: formatPageDate(lang, followUp.entryDate),
                note: followUp.note,
              }),
            ),
          ].join('\n'),
        )
        .join('\n'),
    ]),
  };
}

/** The year's petitions, a figure a row (a figure not measurable yet, as none finished, is '—'). */
export function petitionTable(data: Pick<ReportData, 'petitions'>, lang: Lang): ReportTable {
  const figures = data.petitions;
  const rows: [ReportTextKey, number | null][] = [
    ['petitionReceived', figures.received],
    ['petitionFinished', figures.finished],
    ['petitionOpen', figures.open],
    ['petitionOnTime', figures.onTimeRate],
    ['petitionAverage', figures.averageDays],
    ['petitionP90', figures.p90Days],
    ['petitionDeclined', figures.declined],
    ['petitionRepeats', figures.repeats],
  ];
  return {
    id: 'petitions',
    caption: text(lang, 'petitionsCaption'),
    header: [text(lang, 'colFigure'), text(lang, 'colValue')],
    numeric: new Set([1]),
    rows: rows.map(([key, value]) => [
      text(lang, key),
      // p90 in the histogram's last bucket is unbounded (a year or more).
      value === null ? '—' : Number.isFinite(value) ? value : text(lang, 'petitionP90Beyond'),
    ]),
  };
}

/** The lines under the title: state, due date, issued by. */
export function statusLines(data: ReportData, lang: Lang): string[] {
  const lines = [
    text(lang, 'stateLine', { state: text(lang, `state_${data.record.state}`) }),
    text(lang, 'dueLine', { due: formatPageDate(lang, data.record.dueDate) }),
  ];
  if (data.record.issuedAt !== null)
    lines.push(
      text(lang, 'issuedLine', {
        when: formatDateTime(lang, data.record.issuedAt),
        who: data.record.issuedBy ?? '',
      }),
    );
  return lines;
}

function tableBlock(table: ReportTable): OdtBlock {
  return { type: 'table', caption: table.caption, header: table.header, rows: table.rows };
}

export function reportOdt(data: ReportData, lang: Lang, created: Date): Buffer {
  const blocks: OdtBlock[] = [
    { type: 'heading', level: 1, text: reportTitle(data, lang) },
    { type: 'paragraph', text: data.planTitle },
    ...statusLines(data, lang).map((line): OdtBlock => ({ type: 'paragraph', text: line })),
    { type: 'heading', level: 2, text: text(lang, 'sectionNarrative') },
    {
      type: 'paragraph',
      text: data.record.narrative === '' ? text(lang, 'narrativeEmpty') : data.record.narrative,
    },
    { type: 'heading', level: 2, text: text(lang, 'sectionPractices') },
  ];
  if (!data.hasProgress) blocks.push({ type: 'paragraph', text: text(lang, 'progressNone') });
  for (const item of data.items) {
    blocks.push({ type: 'heading', level: 3, text: `${item.label}${item.title}` });
    const narrative = data.record.itemNarratives.get(item.id);
    if (narrative) blocks.push({ type: 'paragraph', text: narrative });
    blocks.push(tableBlock(practiceTable(data, item, lang)));
  }
  blocks.push({ type: 'heading', level: 2, text: text(lang, 'sectionIndicators') });
  blocks.push(
    data.indicators.length === 0
      ? { type: 'paragraph', text: text(lang, 'noIndicators') }
      : tableBlock(indicatorTable(data, lang)),
  );
  blocks.push({ type: 'heading', level: 2, text: text(lang, 'sectionEvidence') });
  blocks.push(
    data.evidence.length === 0
      ? { type: 'paragraph', text: text(lang, 'noEvidence') }
      : tableBlock(evidenceTable(data, lang)),
  );
  blocks.push({ type: 'heading', level: 2, text: text(lang, 'sectionChecks') });
  blocks.push(
    data.checks.length === 0
      ? { type: 'paragraph', text: text(lang, 'noChecks') }
      : tableBlock(checksTable(data, lang)),
  );
  blocks.push({ type: 'heading', level: 2, text: text(lang, 'sectionPetitions') });
  blocks.push({ type: 'paragraph', text: text(lang, 'petitionsLead') });
  blocks.push(tableBlock(petitionTable(data, lang)));
  return writeOdt({ title: reportTitle(data, lang), lang, created, blocks });
}

/** One sheet per table: the practices of every item (with the item as the first column), indicators, evidence, checks. */
export function reportOds(data: ReportData, lang: Lang, created: Date): Buffer {
  const practiceRows: Cell[][] = data.items.flatMap((item) =>
    practiceTable(data, item, lang).rows.map((row) => [`${item.label}${item.title}`, ...row]),
  );
  const first = data.items[0];
  const practiceHeader = first ? practiceTable(data, first, lang).header : [];
  const indicators = indicatorTable(data, lang);
  const evidence = evidenceTable(data, lang);
  const checks = checksTable(data, lang);
  const petitions = petitionTable(data, lang);
  const sheets: Sheet[] = [
    {
      name: text(lang, 'sheetPractices'),
      header: [text(lang, 'sectionPractices'), ...practiceHeader],
      rows: practiceRows,
    },
    { name: text(lang, 'sheetIndicators'), header: indicators.header, rows: indicators.rows },
    { name: text(lang, 'sheetEvidence'), header: evidence.header, rows: evidence.rows },
    { name: text(lang, 'sheetChecks'), header: checks.header, rows: checks.rows },
    { name: text(lang, 'sheetPetitions'), header: petitions.header, rows: petitions.rows },
  ];
  return writeOds({ title: reportTitle(data, lang), lang, created, sheets });
}

/** 「2012-養護工程處-績效成果.odt」: the file-name rules of uploads (no folder, control or reserved characters). */
export function reportFileName(data: ReportData, lang: Lang, extension: 'odt' | 'ods'): string {
  const stem = `${data.year}-${subjectName(data, lang)}-${lang === 'en' ? 'performance-report' : '績效成果'}`
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/[<>:"/\\|?*]/g, '_')
    .replace(/\s+/g, '-');
  return `${[...stem].slice(0, 100).join('')}.${extension}`;
}
