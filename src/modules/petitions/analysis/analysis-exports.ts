import { type Sheet, writeOds } from '../../../platform/documents/ods.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { type AnalysisNames, breakdownsOf, figureCell, figureColumns } from './analysis-figures.ts';
import { analysisText as text } from './analysis-messages.ts';
import type { AnalysisFilter, AnalysisGroup, AnalysisTables, Hotspot } from './analysis-queries.ts';
import { placeOfKey } from './analysis-rules.ts';

/**
 * The page's tables as files: a CSV (UTF-8 with a byte-order mark, so that Excel reads the Chinese; CRLF; one
 * table after another, each row naming its breakdown) and an OpenDocument spreadsheet (a sheet per table).
 * Aggregates only, like the page.
 */

const figureHeadings = (lang: Lang) => figureColumns.map((column) => text(lang, column.key));
const figureCells = (lang: Lang, group: AnalysisGroup) =>
  figureColumns.map((column) => figureCell(lang, column.value(group.figures)));

/** A CSV field: quoted when it holds a comma, a quote or a line break; a leading =, +, - or @ made text. */
function csvField(value: number | string | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function analysisCsv(
  lang: Lang,
  data: { tables: AnalysisTables; hotspots: readonly Hotspot[]; names: AnalysisNames },
): string {
  const line = (cells: readonly (number | string | null)[]) => `${cells.map(csvField).join(',')}\r\n`;
  const rows = [
    line([text(lang, 'colBreakdown'), text(lang, 'colCode'), text(lang, 'colName'), ...figureHeadings(lang)]),
    line([
      text(lang, 'totalHeading'),
      '',
      text(lang, 'allPetitions'),
      ...figureCells(lang, { code: '', figures: data.tables.total }),
    ]),
  ];
  for (const table of breakdownsOf(data.tables))
    for (const group of table.groups)
      rows.push(
        line([
          text(lang, table.key),
          group.code,
          data.names[table.name](group.code),
          ...figureCells(lang, group),
        ]),
      );
  for (const hotspot of data.hotspots)
    rows.push(
      line([
        text(lang, 'hotspotSheet'),
        hotspot.districtCode,
        `${data.names.district(hotspot.districtCode)} ${placeOfKey(hotspot.placeKey)}`,
        hotspot.petitions,
      ]),
    );
  return `\ufeff${rows.join('')}`;
}

export function analysisOds(
  lang: Lang,
  data: {
    filter: AnalysisFilter;
    tables: AnalysisTables;
    hotspots: readonly Hotspot[];
    names: AnalysisNames;
  },
  created: Date,
): Buffer {
  const sheets: Sheet[] = [
    {
      name: text(lang, 'totalHeading'),
      header: [text(lang, 'colName'), ...figureHeadings(lang)],
      rows: [
        [
          text(lang, 'periodLine', {
            from: data.names.month(data.filter.from),
            to: data.names.month(data.filter.to),
          }),
          ...figureCells(lang, { code: '', figures: data.tables.total }),
        ],
      ],
    },
    ...breakdownsOf(data.tables).map((table) => ({
      name: text(lang, table.key),
      header: [text(lang, 'colCode'), text(lang, 'colName'), ...figureHeadings(lang)],
      rows: table.groups.map((group) => [
        group.code,
        data.names[table.name](group.code),
        ...figureCells(lang, group),
      ]),
    })),
    {
      name: text(lang, 'hotspotSheet'),
      header: [text(lang, 'district'), text(lang, 'colPlace'), text(lang, 'colPetitions')],
      rows: data.hotspots.map((hotspot) => [
        data.names.district(hotspot.districtCode),
        placeOfKey(hotspot.placeKey),
        hotspot.petitions,
      ]),
    },
  ];
  return writeOds({ title: text(lang, 'title'), lang, created, sheets });
}

/** The files' names: the period in them, so two downloads do not overwrite each other. */
export function exportFileName(filter: AnalysisFilter, extension: 'csv' | 'ods'): string {
  return `petitions-analysis-${filter.from}-${filter.to}.${extension}`;
}
