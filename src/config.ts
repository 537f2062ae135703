import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

/**
 * The only reader of process.env. Every setting is typed, validated and frozen at boot; an invalid
 * value stops the start with one message listing every problem (the bureau's 一次告知 rule applied
 * to operators). Each variable is documented in README.md and .env.example.
 */
export interface Config {
  host: string;
  port: number;
  publicBaseUrl: string;
  dataDir: string;
  /** The file store's folder (ADR 0009): every uploaded file, named by its SHA-256. */
  fileStoreDir: string;
  /** Stored files named by no row are removed once they are this old (files:sweep and its scan). */
  fileSweepGraceHours: number;
  /**
   * Unset: an embedded PostgreSQL is started in `${dataDir}/postgres` (run as root with a DATA_DIR the
   * `postgres` user cannot enter: in /var/lib/onewindow, named by `${dataDir}/postgres-cluster`; ADR 0005).
   */
  databaseUrl: string | null;
  databasePoolMax: number;
  databaseStatementTimeoutMs: number;
  embeddedDatabasePort: number;
  /**
   * The embedded PostgreSQL's `shared_buffers`, in MB. Default: an eighth of the machine's memory, from 128
   * MB (PostgreSQL's own default) to 1,024 MB — the site search's index must stay in it (ADR 0015 §6).
   */
  embeddedDatabaseSharedBuffersMb: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  trustProxy: boolean;
  bodyLimitBytes: number;
  /** Largest single uploaded file; uploads stream to the file store, never held whole in memory. */
  uploadMaxFileBytes: number;
  /** Most files one form may send. */
  uploadMaxFiles: number;
  cookieSecure: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  rateLimitPerMinute: number;
  createDemoStaff: boolean;
  /** Load the modules' demo content at start (the photo reports on the public map). */
  demoData: boolean;
  calendarRegion: string;
  /** Calendar days after closing in which the applicant may reopen a case. */
  caseReopenDays: number;
  totpIssuer: string;
  shutdownTimeoutMs: number;
  /** smtp:// or smtps:// URL of the mail server; null keeps e-mail in the outbox (/staff/outbox). */
  smtpUrl: string | null;
  /** The From header of e-mail sent to citizens and staff. */
  mailFrom: string;
  /** Open photo reports of the same category within this distance are offered as duplicates (metres). */
  reportDuplicateRadiusMetres: number;
  /** Seconds the polled public APIs (Open311 list and updates, the GeoJSON box) reuse an answer (0: never). */
  publicApiCacheSeconds: number;
  /**
   * Bytes of written list entries (Open311 requests, GeoJSON features) kept per process by row and
   * fingerprint, so a list asked in a new way writes only rows the others did not have (0: none kept).
   */
  publicEntryCacheBytes: number;
  /**
   * Seconds an anonymous public page or read API is kept as bytes at most (0: rendered every time); a
   * publication renders it again at once (platform/http/public-reads.ts).
   */
  publicPageCacheSeconds: number;
  /** Public pages rendered at once per process (the rest wait, `renderQueue` of them, or get a 503). */
  renderConcurrency: number;
  renderQueue: number;
  /** Photo reports (and follows) one client IP may send in an hour. */
  reportLimitPerIpPerHour: number;
  /** Photo reports one e-mail address or phone number may send in an hour (never longer: see /report). */
  reportLimitPerContactPerHour: number;
  /**
   * Signs the photos the report form carries between its steps (the nearby-duplicate step). Unset: a random
   * secret per process, so a step answered by another process asks for the photos again.
   */
  reportSigningSecret: string;
  /**
   * The online payment provider (issue 11 §3, platform/payments). Only `simulated` exists: the built-in
   * simulator at /payment-simulator, the one mock the platform allows (a real provider is outside our control).
   */
  paymentProvider: 'simulated';
  /**
   * Signs what the payment provider and the app send each other (HMAC-SHA256). Unset: a random secret per
   * process (fine for the simulator in one process; set it when several processes share the work).
   */
  paymentSigningSecret: string;
  /** The maps' tile URL template ({z}, {x}, {y}): the NLSC base map by default, a local server offline. */
  mapTileUrl: string;
  /** The tiles' attribution, shown on the map (HTML allowed: the operator's own text). */
  mapTileAttribution: string;
  /**
   * The mailbox petitions arrive in by e-mail (issue 16 §1): `imaps://user:password@host:993/INBOX` (or
   * `imap://`, STARTTLS when the server offers it). Null: no mailbox is read. It holds a password: never log it.
   */
  petitionImapUrl: string | null;
  /** Seconds between two reads of that mailbox (one read at a time, whichever app process takes it). */
  petitionImapIntervalSeconds: number;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Environment = Record<string, string | undefined>;

/** 通用版電子地圖 (NLSC's base map, WMTS in the Web Mercator tile grid), free under OGDL-Taiwan-1.0. */
const nlscTileUrl = 'https://wmts.nlsc.gov.tw/wmts/EMAP/default/GoogleMapsCompatible/{z}/{y}/{x}';
const nlscAttribution =
  '<a href="https://maps.nlsc.gov.tw/">通用版電子地圖</a> © 內政部國土測繪中心 (NLSC), OGDL-Taiwan-1.0';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(environment: Environment = process.env): Readonly<Config> {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = environment[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const integer = (name: string, fallback: number, minimum: number, maximum: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < minimum || value > maximum) {
      problems.push(`${name} must be a whole number from ${minimum} to ${maximum} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = read(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const port = integer('PORT', 3000, 0, 65535);
  const host = read('HOST') ?? '127.0.0.1';
  const databaseUrl = read('DATABASE_URL') ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const publicBaseUrl = (read('PUBLIC_BASE_URL') ?? `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    const url = new URL(publicBaseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
  } catch {
    problems.push(`PUBLIC_BASE_URL must be an http(s) URL (got "${publicBaseUrl}")`);
  }
  const logLevel = (read('LOG_LEVEL') ?? 'info') as Config['logLevel'];
  if (!logLevels.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')}`);
  const smtpUrl = read('SMTP_URL') ?? null;
  if (smtpUrl !== null) {
    try {
      const url = new URL(smtpUrl);
      if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '') throw new Error();
    } catch {
      // The URL may hold a password: never echo it.
      problems.push('SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465');
    }
  }
  const defaultMailHost = URL.canParse(publicBaseUrl) ? new URL(publicBaseUrl).hostname : 'localhost';
  const mailFrom = read('MAIL_FROM') ?? `OneWindow <no-reply@${defaultMailHost}>`;
  // 'no-reply@host' or 'Display Name <no-reply@host>'.
  const mailFromAddress = /<([^<>]*)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom;
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(mailFromAddress)) {
    problems.push(
      `MAIL_FROM must be an address, e.g. "OneWindow <no-reply@pwb.kcg.gov.tw>" (got "${mailFrom}")`,
    );
  }

  const dataDir = path.resolve(read('DATA_DIR') ?? '.data');
  const reportSigningSecret = read('REPORT_SIGNING_SECRET') ?? randomBytes(32).toString('base64url');
  if (reportSigningSecret.length < 32) problems.push('REPORT_SIGNING_SECRET must be at least 32 characters');
  const paymentProvider = (read('PAYMENT_PROVIDER') ?? 'simulated') as Config['paymentProvider'];
  if (paymentProvider !== 'simulated')
    problems.push(`PAYMENT_PROVIDER must be simulated (got "${paymentProvider}")`);
  const paymentSigningSecret = read('PAYMENT_SIGNING_SECRET') ?? randomBytes(32).toString('base64url');
  if (paymentSigningSecret.length < 32)
    problems.push('PAYMENT_SIGNING_SECRET must be at least 32 characters');
  const mapTileUrl = read('MAP_TILE_URL') ?? nlscTileUrl;
  if (
    !/^(https?:\/\/[^/\s]+)?\/\S*$/.test(mapTileUrl) ||
    !['{z}', '{x}', '{y}'].every((part) => mapTileUrl.includes(part))
  )
    problems.push(
      `MAP_TILE_URL must be an http(s) URL or a path with {z}, {x} and {y} (got "${mapTileUrl}")`,
    );

  const petitionImapUrl = read('PETITION_IMAP_URL') ?? null;
  if (petitionImapUrl !== null && !isMailboxUrl(petitionImapUrl))
    // The URL holds a password: never echo it.
    problems.push(
      'PETITION_IMAP_URL must look like imaps://user:password@mail.example.gov.tw:993/INBOX (or imap://…)',
    );

  const config: Config = {
    host,
    port,
    publicBaseUrl,
    dataDir,
    fileStoreDir: path.resolve(read('FILE_STORE_DIR') ?? path.join(dataDir, 'files')),
    // At least 3 h: the report form carries its photos between steps for up to two hours, named by no row.
    fileSweepGraceHours: integer('FILE_SWEEP_GRACE_HOURS', 24, 3, 24 * 365),
    databaseUrl,
    databasePoolMax: integer('DATABASE_POOL_MAX', 10, 1, 500),
    databaseStatementTimeoutMs: integer('DATABASE_STATEMENT_TIMEOUT_MS', 15000, 100, 3_600_000),
    embeddedDatabasePort: integer('EMBEDDED_DATABASE_PORT', 0, 0, 65535),
    embeddedDatabaseSharedBuffersMb: integer(
      'EMBEDDED_DATABASE_SHARED_BUFFERS_MB',
      defaultSharedBuffersMb(os.totalmem()),
      16,
      65_536,
    ),
    logLevel,
    trustProxy: boolean('TRUST_PROXY', false),
    bodyLimitBytes: integer('BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
    uploadMaxFileBytes: integer('UPLOAD_MAX_FILE_BYTES', 10_485_760, 1024, 104_857_600),
    uploadMaxFiles: integer('UPLOAD_MAX_FILES', 10, 1, 100),
    cookieSecure: boolean('COOKIE_SECURE', publicBaseUrl.startsWith('https:')),
    sessionIdleMinutes: integer('SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: integer('SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 7),
    loginMaxFailures: integer('LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockoutMinutes: integer('LOGIN_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', 20, 1, 10_000),
    // Demo staff make a fresh `npm start` explorable; an operator's own database gets none unless asked.
    createDemoStaff: boolean('DEMO_STAFF', databaseUrl === null),
    demoData: boolean('DEMO_DATA', databaseUrl === null),
    calendarRegion: read('CALENDAR_REGION') ?? '64000',
    caseReopenDays: integer('CASE_REOPEN_DAYS', 14, 0, 365),
    totpIssuer: read('TOTP_ISSUER') ?? 'OneWindow 高雄市政府工務局',
    shutdownTimeoutMs: integer('SHUTDOWN_TIMEOUT_MS', 10_000, 100, 600_000),
    smtpUrl,
    mailFrom,
    reportDuplicateRadiusMetres: integer('REPORT_DUPLICATE_RADIUS_METRES', 30, 1, 1000),
    publicApiCacheSeconds: integer('PUBLIC_API_CACHE_SECONDS', 5, 0, 300),
    publicEntryCacheBytes: integer('PUBLIC_ENTRY_CACHE_MB', 8, 0, 1024) * 1024 * 1024,
    publicPageCacheSeconds: integer('PUBLIC_PAGE_CACHE_SECONDS', 300, 0, 86_400),
    renderConcurrency: integer('RENDER_CONCURRENCY', 6, 1, 1000),
    renderQueue: integer('RENDER_QUEUE', 48, 0, 10_000),
    reportLimitPerIpPerHour: integer('REPORT_LIMIT_PER_IP_PER_HOUR', 20, 1, 100_000),
    reportLimitPerContactPerHour: integer('REPORT_LIMIT_PER_CONTACT_PER_HOUR', 5, 1, 10_000),
    reportSigningSecret,
    paymentProvider,
    paymentSigningSecret,
    mapTileUrl,
    mapTileAttribution: read('MAP_TILE_ATTRIBUTION') ?? nlscAttribution,
    petitionImapUrl,
    petitionImapIntervalSeconds: integer('PETITION_IMAP_INTERVAL_SECONDS', 120, 10, 86_400),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

/** imap:// or imaps://, a host, a user and a password (a folder after the host is optional). */
function isMailboxUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (
    (url.protocol === 'imap:' || url.protocol === 'imaps:') &&
    url.hostname !== '' &&
    url.username !== '' &&
    url.password !== ''
  );
}

/**
 * An eighth of the machine's memory, from 128 MB to 1,024 MB. Measured on the search benchmark (200,000
 * items, 1.5 GB of table and indexes, a mixed query load): 128 MB, p95 39 ms; 1,024 MB, p95 23 ms.
 */
export function defaultSharedBuffersMb(totalMemoryBytes: number): number {
  const eighth = Math.floor(totalMemoryBytes / 8 / 1_048_576);
  return Math.min(1024, Math.max(128, eighth));
}
