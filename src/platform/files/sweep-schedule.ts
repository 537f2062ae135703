import type { AppModule, WorkerContext } from '../composition/app-module.ts';
import { defineQueue } from '../jobs/jobs.ts';

/**
 * The orphan sweep (sweep-files.ts) as a scheduled scan: declared in a module's shape (`scans`, `workers`)
 * so that `main.ts` requests and works it as it does the modules' own. Every process asks every five
 * minutes; the slot is 6 hours and the queue keeps one job per slot, so the sweep runs about four times a
 * day whatever the number of processes (a process asks once per slot; one asking after the job finished
 * gives another run, harmless: a sweep removes only what is still an orphan).
 */

export const fileSweepQueue = defineQueue<{ slot: number }>({
  name: 'files.sweep',
  retryLimit: 2,
  retryDelaySeconds: 600,
  retryBackoff: false,
  // Listing a large store and looking every name up takes a while.
  expireInSeconds: 3600,
  policy: 'exclusive',
});

export const fileSweepSlotHours = 6;

/** The slot this process last asked for: asking again within it would only make another run. */
let lastRequestedSlot: number | null = null;

async function requestFileSweep(context: Pick<WorkerContext, 'db' | 'jobs' | 'clock'>): Promise<void> {
  const slot = Math.floor(context.clock.now().getTime() / (fileSweepSlotHours * 60 * 60 * 1000));
  if (slot === lastRequestedSlot) return;
  await context.jobs.send(fileSweepQueue, { slot }, { tx: context.db, singletonKey: `slot-${slot}` });
  lastRequestedSlot = slot;
}

async function startFileSweepWorker(context: WorkerContext): Promise<undefined> {
  const { db, jobs, clock, config, files, log } = context;
  await jobs.ensureQueue(fileSweepQueue);
  await jobs.work(fileSweepQueue, async () => {
    const { describeSweep, sweepOrphanFiles } = await import('./sweep-files.ts');
    const result = await sweepOrphanFiles(db, files, {
      graceMs: config.fileSweepGraceHours * 60 * 60 * 1000,
      now: clock.now(),
      jobsSchema: jobs.schema,
    });
    for (const line of describeSweep(result, config.fileSweepGraceHours)) log.info({}, line);
  });
  return undefined;
}

/** The platform's own scans, beside the modules' (main.ts): the file store's orphan sweep. */
export const platformScans: AppModule = {
  name: 'files',
  workers: [{ name: 'file store orphan sweep', start: startFileSweepWorker }],
  scans: [{ name: 'file store orphan sweep', request: requestFileSweep }],
};
