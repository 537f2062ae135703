import type { ComponentChildren } from 'preact';
import type { Config } from '../../config.ts';
import type { StaffRole } from '../auth/principal.ts';
import type { Database, DatabaseOrTransaction, Transaction } from '../db/database.ts';
import type { FileStore } from '../files/file-store.ts';
import type { AppDeps, AppInstance } from '../http/app-types.ts';
import type { Clock } from '../http/clock.ts';
import type { PublicRead } from '../http/public-reads.ts';
import type { Jobs } from '../jobs/jobs.ts';
import type { ListedTopic } from '../notify/template-kit.ts';
import type { SearchSource } from '../search/search-index.ts';
import type { Lang } from '../web/i18n.ts';

/**
 * The one description a business module gives of itself (`src/modules/<name>/index.ts` exports it as
 * `module`). The composition root — `app.ts`, `main.ts`, `seed.ts`, `cli.ts` — loops over the list in
 * `src/modules/index.ts`; nothing else names a module. Everything here is optional: a module brings only
 * what it has. CONTRIBUTING.md ("Add a module") shows a whole one.
 */
export interface AppModule {
  /** Folder name, kebab-case: `cases`, `control`. Used in logs and messages. */
  readonly name: string;
  /** Route groups, each registered in its own Fastify context (hooks and plugins stay inside it). */
  readonly routes?: readonly RouteGroup[];
  /** Lines on the staff home, per role. */
  readonly staffAreas?: readonly StaffArea[];
  /** Queue workers started by `main.ts` in every app process (the CLI starts none). */
  readonly workers?: readonly ModuleWorker[];
  /** Asked for every few minutes by every process; the job's queue keeps one per slot. */
  readonly scans?: readonly ScheduledScan[];
  /** Reference and demo data, loaded in module order inside the seed's one transaction (idempotent). */
  readonly seeds?: readonly ModuleSeed[];
  /**
   * Demo content that needs more than the seed's transaction (the file store, the queue, the workflow): run
   * by `main.ts` once the jobs have started, when `DEMO_DATA` is on; never by the seed, nor by a test that
   * does not call it. Each must be idempotent.
   */
  readonly demoData?: readonly ModuleDemoData[];
  /** Every message the module sends, with its template in both languages (/staff/notification-templates). */
  readonly notificationTopics?: readonly ListedTopic[];
  /** The audit-log actions the module records, with what they mean (the audit log's filter). */
  readonly auditActions?: readonly AuditAction[];
  /** Called after the working-day calendar changed (a typhoon day): e.g. recompute open deadlines. */
  readonly onCalendarChange?: (context: CalendarChangeContext) => Promise<string | null>;
  /** `npx onewindow <name>` commands of the module. */
  readonly commands?: Readonly<Record<string, ModuleCommand>>;
  /**
   * The module's anonymous public pages and read APIs: kept as bytes and sent with ETags, renders limited
   * in number (platform/http/public-reads.ts), each measured by `npm run bench`'s public pages section.
   */
  readonly publicReads?: readonly PublicRead[];
  /**
   * What the module puts in the site's search index, for rebuilding it (the seed, `search:reindex`); the
   * module also writes its rows when it publishes (platform/search/search-index.ts).
   */
  readonly searchSources?: readonly SearchSource[];
  /** The datasets the module publishes as open data: the open-data page lists them with their formats. */
  readonly openData?: readonly OpenDataset[];
  /**
   * Sections the module adds to another module's page (the FAQ entries of a service on its page): the page
   * that names itself (`page: 'service'`) renders every section of the registry for it, in module order.
   */
  readonly pageSections?: readonly PageSection[];
}

/**
 * A section of another module's page. The owning page calls `render` with its key (a service's code) and
 * shows what comes back, or nothing for null. Public pages are kept (ADR 0013): a section's content is
 * published under the page's scopes (the FAQ announces 'catalogue' when a service's entries change).
 */
export interface PageSection {
  /**
   * The page it belongs on: 'service' (the catalogue's /services/:code; key: the service's code) or
   * 'staff-case' (the staff case page, rendered once the person may read the case; key: the case's id).
   */
  readonly page: string;
  render(context: PageSectionContext): Promise<ComponentChildren | null>;
}

export interface PageSectionContext {
  readonly db: DatabaseOrTransaction;
  readonly lang: Lang;
  /** What the page shows: a service's code for 'service', a case's id for 'staff-case'. */
  readonly key: string;
}

export type { SearchSource } from '../search/search-index.ts';

/** A dataset on the open-data page (政府資料開放), under the OGDL-Taiwan-1.0 licence unless it says otherwise. */
export interface OpenDataset {
  readonly id: string;
  readonly title: Words;
  readonly description: Words;
  /** Each way to fetch it: 'JSON', 'CSV', 'RSS', 'Atom', 'XML', with its bare path. */
  readonly formats: readonly { readonly format: string; readonly path: string }[];
  /** How often it changes, in words: 「即時」 / "As it happens". */
  readonly updates: Words;
  readonly licence?: string;
}

export type { PublicRead } from '../http/public-reads.ts';

export type Words = Readonly<Record<Lang, string>>;

/** Registers a group of routes on the app (its own Fastify context). */
export type RoutePlugin = (app: AppInstance, deps: AppDeps, registry: ModuleRegistry) => Promise<void>;

export interface RouteGroup {
  /**
   * Loads the group's route file: `() => import('./track/track-routes.tsx').then((file) => file.trackRoutes)`.
   * Loaded when the app is built, so the CLI, the seed and unit tests reading a manifest never load the
   * pages (an `npx onewindow` command starts in about half the time; docs/adr/0008).
   */
  load(): Promise<RoutePlugin>;
  /**
   * The forms of these routes carry files: @fastify/multipart is registered in this group's context only
   * (it adds hooks to every request of its context).
   */
  readonly takesFiles?: boolean;
  /**
   * Outside the site context: no cookies, staff session or CSRF (probes, open machine APIs). Pages and
   * staff routes stay inside.
   */
  readonly isOutsideSite?: boolean;
}

/** Groups order the staff home: case work first, administration last. */
export const staffAreaGroups = ['casework', 'performance', 'content', 'administration'] as const;
export type StaffAreaGroup = (typeof staffAreaGroups)[number];

export interface StaffArea {
  /** Stable id (tests, anchors): `cases.queue`. */
  readonly id: string;
  readonly group: StaffAreaGroup;
  /** The line on the staff home: what the area is for. */
  readonly label: Words;
  /** Null while the area is announced but not built ("coming soon"). */
  readonly path: string | null;
  readonly roles: readonly StaffRole[];
}

/** What a worker or a scan gets: the process's database, jobs, clock, configuration and log. */
export interface WorkerContext {
  readonly db: Database;
  readonly jobs: Jobs;
  readonly clock: Clock;
  readonly config: Readonly<Config>;
  /** The file store the app writes to (attachments to send, orphans to sweep): main.ts opens it once. */
  readonly files: FileStore;
  readonly log: WorkerLog;
}

export interface WorkerLog {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface ModuleWorker {
  readonly name: string;
  /** Starts working its queue; may return what to do at shutdown (after the HTTP server has closed). */
  start(context: WorkerContext): Promise<(() => Promise<void>) | undefined>;
}

export interface ScheduledScan {
  readonly name: string;
  /** Asks for this slot's scan job; several processes asking at once give one job. */
  request(context: Pick<WorkerContext, 'db' | 'jobs' | 'clock'>): Promise<void>;
}

export interface ModuleSeed {
  /** What it loads, as the start-up message counts it: 'demo services', 'routing rules'. */
  readonly name: string;
  /** Writes what is missing or changed, in the seed's transaction; returns how many rows it wrote. */
  run(tx: Transaction): Promise<number>;
}

/** What demo content gets: a worker's context and the file store. */
export interface DemoDataContext extends Pick<WorkerContext, 'db' | 'jobs' | 'clock' | 'config'> {
  readonly files: FileStore;
}

export interface ModuleDemoData {
  /** What it loads, as the start-up message counts it: 'demo photo reports'. */
  readonly name: string;
  /** Writes the demo content unless it is there already; returns how many items it wrote. */
  run(context: DemoDataContext): Promise<number>;
}

export interface AuditAction {
  /** As recorded: `case.view`, `control.plan.publish`. */
  readonly action: string;
  readonly label: Words;
}

export interface CalendarChangeContext {
  readonly db: Database;
  /** The day whose status changed (YYYY-MM-DD). */
  readonly changedDay: string;
  readonly calendarRegion: string;
  readonly now: Date;
}

export interface ModuleCommand {
  readonly summary: string;
  readonly usage: string;
  readonly options: Readonly<
    Record<string, { type: 'string' | 'boolean'; description: string; required?: boolean }>
  >;
  run(
    values: Record<string, string | boolean | undefined>,
    /** `connectionString`: the database's address, for a command that makes its own job queue handle. */
    context: { db: Database; connectionString: string; print(line: string): void },
  ): Promise<void>;
}

/** What the modules bring together, computed once from the list: read by the platform's own pages. */
export interface ModuleRegistry {
  readonly modules: readonly AppModule[];
  readonly staffAreas: readonly StaffArea[];
  readonly notificationTopics: readonly ListedTopic[];
  readonly auditActions: readonly AuditAction[];
  /** The platform's public reads and every module's (platform/http/public-reads.ts). */
  readonly publicReads: readonly PublicRead[];
  /** Every module's search sources (rebuilding the index). */
  readonly searchSources: readonly SearchSource[];
  /** Every module's open datasets (the open-data page). */
  readonly openData: readonly OpenDataset[];
  /** Every module's sections of other modules' pages, in module order (`renderPageSections`). */
  readonly pageSections: readonly PageSection[];
}
