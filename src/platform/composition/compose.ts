import type { Transaction } from '../db/database.ts';
import {
  type AppModule,
  type AuditAction,
  type DemoDataContext,
  type ModuleRegistry,
  type PublicRead,
  type StaffArea,
  staffAreaGroups,
  type WorkerContext,
} from './app-module.ts';

/**
 * What the composition root does with the list of modules: gather what they bring (checking that no two
 * claim the same name), seed their data, start their workers and ask for their
 * scans (`register-routes.ts` registers their routes). Only `app.ts`, `main.ts`, `seed.ts` and `cli.ts` call these.
 */

/**
 * One registry from the platform's own staff areas and audit actions and the modules'. Throws at start-up
 * when two modules (or a module and the platform) use the same module name, area id, topic, audit action
 * or command: each is looked up by that name.
 */
export function buildRegistry(
  modules: readonly AppModule[],
  platform: {
    staffAreas?: readonly StaffArea[];
    auditActions?: readonly AuditAction[];
    publicReads?: readonly PublicRead[];
  } = {},
): ModuleRegistry {
  const unique = <T>(kind: string, items: readonly T[], key: (item: T) => string): T[] => {
    const seen = new Set<string>();
    for (const item of items) {
      const name = key(item);
      if (seen.has(name)) throw new Error(`Two modules define the ${kind} "${name}".`);
      seen.add(name);
    }
    return [...items];
  };
  unique('module', modules, (module) => module.name);
  unique(
    'command',
    modules.flatMap((module) => Object.keys(module.commands ?? {})),
    (name) => name,
  );
  const areas = unique(
    'staff area',
    [...(platform.staffAreas ?? []), ...modules.flatMap((module) => module.staffAreas ?? [])],
    (area) => area.id,
  );
  // The staff home lists case work first and administration last; within a group, in list order.
  const byGroup = (area: StaffArea) => staffAreaGroups.indexOf(area.group);
  return Object.freeze({
    modules,
    staffAreas: areas
      .map((area, index) => ({ area, index }))
      .sort((a, b) => byGroup(a.area) - byGroup(b.area) || a.index - b.index)
      .map(({ area }) => area),
    notificationTopics: unique(
      'notification topic',
      modules.flatMap((module) => module.notificationTopics ?? []),
      (topic) => topic.topic,
    ),
    auditActions: unique(
      'audit action',
      [...(platform.auditActions ?? []), ...modules.flatMap((module) => module.auditActions ?? [])],
      (action) => action.action,
    ),
    publicReads: unique(
      'public read',
      [...(platform.publicReads ?? []), ...modules.flatMap((module) => module.publicReads ?? [])],
      (read) => read.route,
    ),
    searchSources: unique(
      'search source',
      modules.flatMap((module) => module.searchSources ?? []),
      (source) => source.source,
    ),
    openData: unique(
      'open dataset',
      modules.flatMap((module) => module.openData ?? []),
      (dataset) => dataset.id,
    ),
    pageSections: modules.flatMap((module) => module.pageSections ?? []),
  });
}

/**
 * Runs what each module lists under one heading (its seeds, its demo content), one after another in list
 * order — later ones may need what earlier ones wrote; counts by name.
 */
async function runInOrder<
  Item extends { readonly name: string; run(argument: Argument): Promise<number> },
  Argument,
>(
  modules: readonly AppModule[],
  itemsOf: (module: AppModule) => readonly Item[] | undefined,
  argument: Argument,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const item of modules.flatMap((module) => itemsOf(module) ?? [])) {
    counts[item.name] = await item.run(argument);
  }
  return counts;
}

/** Each module's seeds in list order, in the caller's transaction; counts by seed name. */
export function seedModules(tx: Transaction, modules: readonly AppModule[]): Promise<Record<string, number>> {
  return runInOrder(modules, (module) => module.seeds, tx);
}

/** Each module's demo content in list order (`DEMO_DATA`); counts by name. */
export function loadModuleDemoData(
  modules: readonly AppModule[],
  context: DemoDataContext,
): Promise<Record<string, number>> {
  return runInOrder(modules, (module) => module.demoData, context);
}

/** Starts every module's workers; returns their stop functions (to run at shutdown, in reverse). */
export async function startModuleWorkers(
  modules: readonly AppModule[],
  context: WorkerContext,
): Promise<(() => Promise<void>)[]> {
  const stops: (() => Promise<void>)[] = [];
  for (const module of modules) {
    for (const worker of module.workers ?? []) {
      const stop = await worker.start(context);
      if (stop !== undefined) stops.push(stop);
    }
  }
  return stops;
}

/** Asks for every module's scans of this slot (main.ts calls it every few minutes). */
export async function requestModuleScans(
  modules: readonly AppModule[],
  context: Pick<WorkerContext, 'db' | 'jobs' | 'clock'>,
): Promise<void> {
  for (const module of modules) {
    for (const scan of module.scans ?? []) await scan.request(context);
  }
}

/** Tells every module that a day of the calendar changed; the lines they report, in module order. */
export async function announceCalendarChange(
  modules: readonly AppModule[],
  context: Parameters<NonNullable<AppModule['onCalendarChange']>>[0],
): Promise<string[]> {
  const lines: string[] = [];
  for (const module of modules) {
    const line = await module.onCalendarChange?.(context);
    if (line) lines.push(line);
  }
  return lines;
}
