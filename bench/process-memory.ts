/**
 * The memory of a process the bench started, from /proc (Linux): its resident set now (VmRSS), its
 * high-water mark (VmHWM) and starting that mark again from now, so one step's peak can be read alone.
 */
import { readFile, writeFile } from 'node:fs/promises';

async function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return Math.round(kilobytes / 1024);
}

/** The process's peak resident set since it started or since the last `resetPeakRss`, in MB. */
export function peakRssMegabytes(pid: number): Promise<number> {
  return statusField(pid, 'VmHWM');
}

/** The process's resident set now, in MB. */
export function rssMegabytes(pid: number): Promise<number> {
  return statusField(pid, 'VmRSS');
}

/**
 * Starts the process's high-water mark again from its current RSS (Linux: clear_refs 5). False when the
 * kernel refused (the mark then still holds earlier peaks).
 */
export async function resetPeakRss(pid: number): Promise<boolean> {
  return writeFile(`/proc/${pid}/clear_refs`, '5').then(
    () => true,
    () => false,
  );
}
