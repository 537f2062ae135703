/**
 * docs/benchmarks.md is written in independent sections, so `BENCH_ONLY=control` (or `reports`) replaces
 * that section's figures and keeps the others as the last run of each left them:
 *   - the main part (issue 2 targets and the cases section): from the top to the first section marker;
 *   - `<!-- section:control -->` … `<!-- /section:control -->` (management control);
 *   - `<!-- section:reports -->` … `<!-- /section:reports -->` (photo reports and Open311);
 *   - `<!-- section:applications -->` … `<!-- /section:applications -->` (online applications);
 *   - `<!-- section:public -->` … `<!-- /section:public -->` (public pages);
 *   - `<!-- section:portal -->` … `<!-- /section:portal -->` (the information portal);
 *   - `<!-- section:petitions -->` … `<!-- /section:petitions -->` (petitions: the analysis, repeat detection);
 *   - the hand-written notes from `<!-- notes -->` to the end (never rewritten).
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';

const notesMarker = '<!-- notes -->';
/** The marked sections, in the order the file holds them. */
const markedSections = ['control', 'reports', 'applications', 'public', 'portal', 'petitions'] as const;
type MarkedSection = (typeof markedSections)[number];
const startMarker = (name: MarkedSection) => `<!-- section:${name} -->`;
const endMarker = (name: MarkedSection) => `<!-- /section:${name} -->`;

export interface BenchmarkSections {
  /** The main part's lines; null keeps the file's. */
  main: string[] | null;
  /** The management-control section's lines; null keeps the file's. */
  control: string[] | null;
  /** The photo-report section's lines; null keeps the file's (absent: the same). */
  reports?: string[] | null;
  /** The online-application section's lines; null keeps the file's (absent: the same). */
  applications?: string[] | null;
  /** The public-pages section's lines; null keeps the file's (absent: the same). */
  public?: string[] | null;
  /** The information-portal section's lines; null keeps the file's (absent: the same). */
  portal?: string[] | null;
  /** The petitions section's lines; null keeps the file's (absent: the same). */
  petitions?: string[] | null;
}

/** The text between a section's markers in `body`, or '' when it has none. */
function sectionText(body: string, name: MarkedSection): string {
  const startAt = body.indexOf(startMarker(name));
  const endAt = body.indexOf(endMarker(name));
  return startAt >= 0 && endAt > startAt ? body.slice(startAt + startMarker(name).length, endAt).trim() : '';
}

export function composeBenchmarks(existing: string, sections: BenchmarkSections): string {
  const notesAt = existing.indexOf(notesMarker);
  const notes = notesAt >= 0 ? existing.slice(notesAt) : `${notesMarker}\n`;
  const body = notesAt >= 0 ? existing.slice(0, notesAt) : existing;
  const firstMarkerAt = Math.min(
    ...markedSections.map((name) => body.indexOf(startMarker(name))).filter((at) => at >= 0),
  );
  const oldMain = (Number.isFinite(firstMarkerAt) ? body.slice(0, firstMarkerAt) : body).trimEnd();
  const main = sections.main === null ? oldMain : sections.main.join('\n').trimEnd();
  const parts = [main === '' ? '# Benchmarks' : main];
  for (const name of markedSections) {
    const given = sections[name] ?? null;
    const text = given === null ? sectionText(body, name) : given.join('\n').trim();
    if (text !== '') parts.push(`${startMarker(name)}\n\n${text}\n\n${endMarker(name)}`);
  }
  return `${parts.join('\n\n')}\n\n${notes}`;
}

/** Writes `output` from its current text (or docs/benchmarks.md's, for a new file), replacing the given sections. */
export async function writeBenchmarks(output: string, sections: BenchmarkSections): Promise<void> {
  const existing = await readFile(existsSync(output) ? output : 'docs/benchmarks.md', 'utf8').catch(() => '');
  await writeFile(output, composeBenchmarks(existing, sections));
}
