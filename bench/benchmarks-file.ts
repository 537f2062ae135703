/**
 * docs/benchmarks.md is written in independent sections, so `BENCH_ONLY=control` replaces the
 * management-control figures and keeps the others as the last full run left them:
 *   - the main part (issue 2 targets and the cases section): from the top to the first section marker;
 *   - `<!-- section:control -->` … `<!-- /section:control -->`;
 *   - the hand-written notes from `<!-- notes -->` to the end (never rewritten).
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';

const notesMarker = '<!-- notes -->';
const controlStart = '<!-- section:control -->';
const controlEnd = '<!-- /section:control -->';

export interface BenchmarkSections {
  /** The main part's lines; null keeps the file's. */
  main: string[] | null;
  /** The management-control section's lines; null keeps the file's. */
  control: string[] | null;
}

export function composeBenchmarks(existing: string, sections: BenchmarkSections): string {
  const notesAt = existing.indexOf(notesMarker);
  const notes = notesAt >= 0 ? existing.slice(notesAt) : `${notesMarker}\n`;
  const body = notesAt >= 0 ? existing.slice(0, notesAt) : existing;
  const startAt = body.indexOf(controlStart);
  const endAt = body.indexOf(controlEnd);
  const oldMain = (startAt >= 0 ? body.slice(0, startAt) : body).trimEnd();
  const oldControl =
    startAt >= 0 && endAt > startAt ? body.slice(startAt + controlStart.length, endAt).trim() : '';
  const main = sections.main === null ? oldMain : sections.main.join('\n').trimEnd();
  const control = sections.control === null ? oldControl : sections.control.join('\n').trim();
  const parts = [main === '' ? '# Benchmarks' : main];
  if (control !== '') parts.push(`${controlStart}\n\n${control}\n\n${controlEnd}`);
  return `${parts.join('\n\n')}\n\n${notes}`;
}

/** Writes `output` from its current text (or docs/benchmarks.md's, for a new file), replacing the given sections. */
export async function writeBenchmarks(output: string, sections: BenchmarkSections): Promise<void> {
  const existing = await readFile(existsSync(output) ? output : 'docs/benchmarks.md', 'utf8').catch(() => '');
  await writeFile(output, composeBenchmarks(existing, sections));
}
