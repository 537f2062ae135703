/**
 * The online-application part of `npm run bench` (issue 11), run by bench/run.ts: on a fresh database (the app
 * migrates and seeds it as `npm start` does) it starts the app and, for each number of applicants at once
 * (BENCH_APPLICATIONS_CONCURRENCY, 20 and 50), takes BENCH_APPLICATIONS applicants through the real pages over
 * HTTP, each from its own loopback address with its own cookies, as a browser without JavaScript does:
 *   - the journey up to the documents page (not the measured figure, but timed too): the start page, "start"
 *     (a draft addressed by the secret in its URL), who you are, the e-mail address (the one-time code is
 *     e-mailed through the notification queue: the bench reads it from that e-mail's row in
 *     `notification_deliveries`, as the applicant reads the e-mail, and types it in), the service's questions,
 *     the documents page;
 *   - the submission, measured: the documents page's multipart POST with two distinct ~200 KB PDFs (one per
 *     checklist item it asks for) → the check-your-answers page the browser is sent to → "submit" → the
 *     confirmation page with the case number and lookup code. Submissions/s, p50/p95 of the four requests
 *     together, the app's peak RSS (VmHWM, reset just before) while they run, RSS before and after; cases
 *     counted before and after, and every acknowledged submission checked in SQL: a case of channel `web`
 *     with the number the confirmation page showed, and exactly its two attachments (by SHA-256, each listed
 *     in `stored_files`). The server's CPU per submission (the app and, apart, its embedded PostgreSQL) and
 *     the rate it alone allows on the machine's cores, steadier than the rate on a busy machine.
 *   - the supplement (補正), on the cases each level made: a handler (added with the bench password, signed
 *     in through the sign-in page) accepts each case through the case API and issues the one-time notice
 *     listing the two documents through its page (not timed); each applicant opens /track/supplement from
 *     their own address; measured, as many at once: the supplement's multipart POST with two new ~200 KB
 *     PDFs, answered by the tracking page saying it was received. Supplements/s, p95, peak RSS, server CPU;
 *     every case checked in SQL (in_progress, the notice supplemented online, exactly its two files).
 * Returns the section's lines for docs/benchmarks.md. Everything goes to 127.x.y.z, every step is bounded in
 * time (BENCH_APPLICATIONS_STEP_SECONDS, 180 s: what is left is not sent and the counts say so).
 *
 * Environment: BENCH_APPLICATIONS (applicants per level, 500), BENCH_APPLICATIONS_CONCURRENCY (20,50),
 * BENCH_APPLICATIONS_SERVICE (building-construction-start: online, free, two documents asked for),
 * BENCH_APPLICATIONS_DIR (keep the database there; default: a temporary folder, removed).
 *
 * Where the submission's server CPU goes (2026-12-05, 2 cores shared with other engineers' tests, load 6–12):
 * a CPU profile of the app over the measured submissions (`--import` of a local inspector hook, 20 at once)
 * put ~38 % of its busy time in socket writes (one `writev` per SQL statement, plus the HTTP answers:
 * system calls are dear on this box), ~10 % in Drizzle building statements, ~8 % in GC, ~5 % in pg parsing
 * answers; rendering the pages (preact-render-to-string) ~1 %, sniffing and hashing the PDFs (once each, while
 * they stream to the store) and the file store's own calls a few %. So the figure follows the number of
 * statements. Counted per request (pg's Client.query wrapped, 1 at once): the upload 12, check-your-answers
 * 2, submit 16, confirmation 2 = 32, plus ~8 of the notification worker for the receipt. None of the
 * suspects was a repeat: the draft is read once per request, the service version, routing and calendar come
 * from caches (no SQL), no rate-limit row and no session row is written on these four requests. What was
 * wasteful: the upload listed `stored_files` and replaced each file in statements of their own (2 × 3), then
 * listed the draft's files again and saved the page in a second update; the submit listed the draft's files
 * twice before the case's transaction and listed `stored_files` once per file again. Now 8 + 2 + 14 + 2 = 26
 * (keepDraftFiles: one statement each for stored_files, replace, insert, list, and the page saved in the same
 * transaction; the submit's files listed once and passed on; recordStoredFiles, one multi-row insert, in
 * storeAttachments). The lock on the draft and the files read again under it stay two statements: in one
 * (a join) the files would come from the snapshot taken before the lock was granted. Server CPU per
 * submission at BENCH_APPLICATIONS=60, 20 at once, four runs each, alternated: before 39.5 + 17.5, 37.3 +
 * 19.5, 25.5 + 16.5, 25.7 + 15.8 ms (app + PostgreSQL; mean 32.0 + 17.3 = 49.3), after 32.7 + 18.5, 29.8 +
 * 16.7, 29.7 + 14.5, 22.7 + 12.7 (mean 28.7 + 15.6 = 44.3): ~10 % less, but within this box's noise (the
 * supplement, whose path did not change, took 31–51 ms in the same runs; per run, the submission's CPU over
 * the supplement's is 1.13 before and 1.11 after on average). The firm figure is the statements: 40 → 34 per
 * submission with the worker's. An earlier run at lower load measured 22.3 + 10.8 before: on an idle machine
 * the ceiling is near 60/s, still not 100/s. What remains per submission: the case's own statements (case
 * number, case, timeline, attachments, receipt notice and its pg-boss job, the worker's delivery) and one
 * page rendered per GET.
 */
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import {
  answerPages,
  stepsOf,
  type UploadItem,
  uploadItems,
} from '../src/modules/applications/application-rules.ts';
import { deficiencyText } from '../src/modules/cases/deficiency/deficiency-messages.ts';
import { supplementHref } from '../src/modules/cases/deficiency/deficiency-paths.ts';
import {
  currentServiceVersion,
  type FormField,
  type ServiceVersionFacts,
} from '../src/modules/catalogue/index.ts';
import type { Database } from '../src/platform/db/database.ts';
import {
  benchDataDir,
  benchPassword,
  cpuPerItem,
  insertBenchStaff,
  processTreeCpuMs,
  type ServerCpu,
  sectionHead,
  verdict,
  withBenchApp,
} from './bench-support.ts';
import { type StaffSession, signIn } from './cases-bench.ts';
import {
  type Answer,
  loopbackAddresses,
  percentile,
  send,
  type TimeFigures,
  timeFigures,
} from './load-client.ts';
import { peakRssMegabytes, resetPeakRss, rssMegabytes } from './process-memory.ts';
import { multipart } from './reports-bench.ts';

const applicantsPerLevel = Number(process.env.BENCH_APPLICATIONS ?? 500);
const levels = (process.env.BENCH_APPLICATIONS_CONCURRENCY ?? '20,50')
  .split(',')
  .map((value) => Number(value.trim()))
  .filter((value) => Number.isInteger(value) && value > 0);
const serviceCode = process.env.BENCH_APPLICATIONS_SERVICE ?? 'building-construction-start';
const stepLimitMs = Number(process.env.BENCH_APPLICATIONS_STEP_SECONDS ?? 180) * 1000;
/** The issue's "20 at once": the level whose figures the targets are checked on. */
const targetConcurrency = 20;
/** The PDF's grey image: 640 × 320 bytes, so each file is ~200 KiB. */
const imageWidth = 640;
const imageHeight = 320;

const round1 = (value: number) => Math.round(value * 10) / 10;
const sha256Of = (parts: readonly Buffer[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
};

// ---------------------------------------------------------------------------------------------------------
// The documents

export interface BenchPdf {
  fileName: string;
  parts: Buffer[];
  bytes: number;
  sha256: string;
}

/**
 * A one-page A4 PDF a viewer opens: a line of text naming `label` and an uncompressed grey image of noise
 * (`image`, 640 × 320 bytes: like a scan, nothing to compress), with a correct cross-reference table, as
 * parts that share the image's bytes. Different labels make different files (each stored anew).
 */
export function benchPdf(image: Buffer, label: string): BenchPdf {
  const safeLabel = label.replace(/[^A-Za-z0-9 ._-]/g, '-');
  const content = `BT /F1 14 Tf 50 800 Td (OneWindow bench: ${safeLabel}) Tj ET\nq 495 0 0 247.5 50 520 cm /Im1 Do Q`;
  const objects: [number, string][] = [
    [1, '<< /Type /Catalog /Pages 2 0 R >>'],
    [2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
    [
      3,
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 5 0 R >>',
    ],
    [4, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'],
    [5, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`],
  ];
  const offsets = new Map<number, number>();
  let head = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  for (const [number, body] of objects) {
    offsets.set(number, head.length);
    head += `${number} 0 obj\n${body}\nendobj\n`;
  }
  offsets.set(6, head.length);
  head += `6 0 obj\n<< /Type /XObject /Subtype /Image /Width ${imageWidth} /Height ${imageHeight} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${image.length} >>\nstream\n`;
  const afterImage = '\nendstream\nendobj\n';
  const xrefAt = head.length + image.length + afterImage.length;
  let tail = `${afterImage}xref\n0 7\n0000000000 65535 f \n`;
  for (let number = 1; number <= 6; number += 1)
    tail += `${String(offsets.get(number) ?? 0).padStart(10, '0')} 00000 n \n`;
  tail += `trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const parts = [Buffer.from(head, 'latin1'), image, Buffer.from(tail, 'latin1')];
  return {
    fileName: `${safeLabel.replaceAll(' ', '-')}.pdf`,
    parts,
    bytes: parts.reduce((sum, part) => sum + part.length, 0),
    sha256: sha256Of(parts),
  };
}

// ---------------------------------------------------------------------------------------------------------
// A browser without JavaScript: its own address, its cookies, every redirect followed by the caller

class StepError extends Error {
  constructor(step: string, answer: Answer | null, detail: string) {
    super(`${step}: ${detail}${answer === null ? '' : ` (answered ${answer.status}: ${pageText(answer)})`}`);
    this.name = 'StepError';
  }
}

/** The visible words of an answer, for a message: the error summary of a form page comes first. */
function pageText(answer: Answer): string {
  const html = answer.body.toString('utf8');
  const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? html;
  return main
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 400);
}

function decodeHtml(text: string): string {
  return text
    .replaceAll('&amp;', '&')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&#x27;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>');
}

/** The hidden inputs of the page's first POST form whose action contains `actionPart` ('': any). */
export function formOf(
  html: string,
  actionPart: string,
): { action: string; hidden: Record<string, string> } | null {
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const action = decodeHtml(/\baction="([^"]*)"/.exec(match[1] ?? '')?.[1] ?? '');
    if (!/\bmethod="post"/i.test(match[1] ?? '')) continue;
    if (actionPart !== '' && !action.includes(actionPart)) continue;
    const hidden: Record<string, string> = {};
    for (const input of (match[2] ?? '').matchAll(/<input\b[^>]*>/g)) {
      const tag = input[0];
      if (!/\btype="hidden"/.test(tag)) continue;
      const name = /\bname="([^"]*)"/.exec(tag)?.[1];
      if (name !== undefined) hidden[decodeHtml(name)] = decodeHtml(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? '');
    }
    return { action, hidden };
  }
  return null;
}

export class Browser {
  readonly cookies = new Map<string, string>();
  private agent: http.Agent;
  /** Milliseconds of every request since the last `resetTimer`, and their count. */
  elapsedMs = 0;
  requests = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly localAddress: string,
  ) {
    this.agent = this.newAgent();
  }

  private newAgent(): http.Agent {
    return new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: this.localAddress });
  }

  /** Closes the kept-alive connection: the next request opens a new one (a browser coming back later). */
  reconnect(): void {
    this.agent.destroy();
    this.agent = this.newAgent();
  }

  close(): void {
    this.agent.destroy();
  }

  resetTimer(): void {
    this.elapsedMs = 0;
    this.requests = 0;
  }

  async request(
    path: string,
    options: {
      method?: 'GET' | 'POST';
      form?: Record<string, string>;
      body?: { contentType: string; parts: Buffer[] };
    } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'text/html', 'accept-language': 'zh-TW' };
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    let parts: Buffer[] | undefined;
    if (options.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      parts = [Buffer.from(new URLSearchParams(options.form).toString(), 'utf8')];
    } else if (options.body !== undefined) {
      headers['content-type'] = options.body.contentType;
      parts = options.body.parts;
    }
    const answer = await send(`${this.baseUrl}${path}`, {
      method: options.method ?? (parts === undefined ? 'GET' : 'POST'),
      headers,
      agent: this.agent,
      ...(parts === undefined ? {} : { parts }),
    });
    this.elapsedMs += answer.ms;
    this.requests += 1;
    for (const setCookie of answer.headers?.['set-cookie'] ?? []) {
      const [pair = '', ...attributes] = setCookie.split(';');
      const equals = pair.indexOf('=');
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      if (value === '' || attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)))
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return answer;
  }

  /** A page that must answer 200. */
  async page(step: string, path: string): Promise<Answer> {
    const answer = await this.request(path);
    if (answer.status !== 200) throw new StepError(step, answer, `GET ${path} is not 200`);
    return answer;
  }

  /** A POST that must redirect (303) to a path matching `to`; returns the path. */
  async postTo(
    step: string,
    path: string,
    to: RegExp,
    options: { form?: Record<string, string>; body?: { contentType: string; parts: Buffer[] } },
  ): Promise<string> {
    const answer = await this.request(path, { method: 'POST', ...options });
    const location = String(answer.headers?.location ?? '');
    if (answer.status !== 303 || !to.test(location))
      throw new StepError(
        step,
        answer,
        `POST ${path.replace(/\?.*/, '')} did not send the browser on to ${to}`,
      );
    return location;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The applicants

interface ServiceUnderTest {
  facts: ServiceVersionFacts;
  sample: Record<string, string>;
  /** The two documents uploaded: the first two items the documents page asks for, required first. */
  documents: UploadItem[];
  answerPages: FormField[][];
  steps: string[];
}

async function serviceUnderTest(pool: pg.Pool): Promise<ServiceUnderTest> {
  const db = drizzle(pool) as unknown as Database;
  const facts = await currentServiceVersion(db, serviceCode);
  if (facts === null) throw new Error(`BENCH_APPLICATIONS_SERVICE: no service ${serviceCode}`);
  if (!facts.isOnline || facts.kind === 'field_report')
    throw new Error(`BENCH_APPLICATIONS_SERVICE: ${serviceCode} has no online application`);
  const sampleRow = await pool.query<{ sample: Record<string, string> }>(
    'select sample from service_versions where service_code = $1 and version = $2',
    [serviceCode, facts.version],
  );
  const items = uploadItems(facts);
  const documents = [
    ...items.filter((item) => item.isRequired),
    ...items.filter((item) => !item.isRequired),
  ].slice(0, 2);
  if (documents.length < 2)
    throw new Error(`${serviceCode}: its documents page asks for fewer than two documents`);
  return {
    facts,
    sample: sampleRow.rows[0]?.sample ?? {},
    documents,
    answerPages: answerPages(facts),
    steps: stepsOf(facts),
  };
}

/** An answer each question takes: the service's own sample where it has one, else one of its kind. */
function answerFor(field: FormField, sample: Record<string, string>): string {
  const given = sample[field.id];
  if (given !== undefined && field.type !== 'file') return given;
  switch (field.type) {
    case 'number':
      return '12';
    case 'date':
      return new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    case 'choice':
      return field.options[0]?.value ?? '';
    case 'location':
      return '高雄市苓雅區四維三路 2 號';
    default:
      return '效能測試';
  }
}

export interface Applicant {
  index: number;
  browser: Browser;
  csrf: string;
  token: string;
  files: { itemId: string; pdf: BenchPdf }[];
  /** The pages before the documents: the sum of their requests' latencies, and how many. */
  journeyMs: number;
  journeyRequests: number;
}

const stepPath = (token: string, step: string) => `/apply/d/${token}/${step}`;
const toStep = (step: string) => new RegExp(`^/apply/d/[A-Za-z0-9_-]{43}/${step}(\\?|$)`);

/** The code e-mailed to the draft's contact, read from the e-mail's row (the bench's shortcut for a mailbox). */
async function emailedCode(pool: pg.Pool, token: string): Promise<string> {
  const hash = createHash('sha256').update(token, 'utf8').digest('hex');
  const result = await pool.query<{ subject: string; body_text: string }>(
    `select n.subject, n.body_text from notification_deliveries n
       join application_drafts d on n.subject_type = 'application_draft' and n.subject_id = d.id::text
      where d.resume_token_hash = $1 and n.topic = 'application.code'
      order by n.created_at desc limit 1`,
    [hash],
  );
  const row = result.rows[0];
  const code =
    /(?<!\d)(\d{6})(?!\d)/.exec(row?.subject ?? '')?.[1] ??
    /(?<!\d)(\d{6})(?!\d)/.exec(row?.body_text ?? '')?.[1];
  if (code === undefined)
    throw new StepError('code', null, 'no e-mail with a one-time code was queued for the draft');
  return code;
}

/** One applicant through the pages before the documents' upload (each page fetched, each form posted). */
async function prepareApplicant(input: {
  appUrl: string;
  pool: pg.Pool;
  service: ServiceUnderTest;
  index: number;
  label: string;
  address: string;
  image: Buffer;
}): Promise<Applicant> {
  const { service, index } = input;
  const browser = new Browser(input.appUrl, input.address);
  try {
    const startPath = `/apply/${encodeURIComponent(serviceCode)}`;
    const start = await browser.page('start page', startPath);
    const csrf = formOf(start.body.toString('utf8'), '')?.hidden._csrf ?? '';
    if (csrf === '') throw new StepError('start page', start, 'no form with a CSRF field');
    const applicantPath = await browser.postTo('start', startPath, toStep('applicant'), {
      form: { _csrf: csrf },
    });
    const token = /\/apply\/d\/([A-Za-z0-9_-]{43})\//.exec(applicantPath)?.[1] ?? '';
    await browser.page('applicant', applicantPath);
    const contactPath = await browser.postTo('applicant', applicantPath, toStep('contact'), {
      form: {
        _csrf: csrf,
        applicantType: 'person',
        applicantName: `效能測試申請人${index}`,
        applicantCompany: '',
        applicantAddress: '高雄市苓雅區四維三路 2 號',
        applicantPhone: '07-1234567',
        consent: 'yes',
      },
    });
    await browser.page('contact', contactPath);
    const codePath = await browser.postTo('contact', contactPath, toStep('code'), {
      form: {
        _csrf: csrf,
        contactKind: 'email',
        email: `bench-${input.label}-${index}@example.test`,
        mobile: '',
      },
    });
    await browser.page('code', codePath);
    const code = await emailedCode(input.pool, token);
    const afterContact = service.steps[service.steps.indexOf('contact') + 1] ?? 'check';
    let path = await browser.postTo('code', codePath, toStep(afterContact), { form: { _csrf: csrf, code } });
    for (const [pageIndex, fields] of service.answerPages.entries()) {
      const step = `answers-${pageIndex + 1}`;
      const next = service.steps[service.steps.indexOf(step) + 1] ?? 'check';
      const form: Record<string, string> = { _csrf: csrf };
      for (const field of fields)
        form[field.type === 'location' ? 'address' : `field.${field.id}`] = answerFor(field, service.sample);
      if (pageIndex === service.answerPages.length - 1)
        form.description = `效能測試線上申請 ${input.label}-${index}`;
      await browser.page(step, path);
      path = await browser.postTo(step, path, toStep(next), { form });
    }
    if (!toStep('documents').test(path))
      throw new StepError('answers', null, `sent to ${path}, not the documents page`);
    await browser.page('documents', path);
    const files = service.documents.map((item) => ({
      itemId: item.id,
      pdf: benchPdf(input.image, `${input.label} ${index} ${item.id}`),
    }));
    return {
      index,
      browser,
      csrf,
      token,
      files,
      journeyMs: browser.elapsedMs,
      journeyRequests: browser.requests,
    };
  } catch (error) {
    browser.close();
    throw error;
  }
}

interface Submitted {
  caseNumber: string;
  lookupCode: string;
  ms: number;
  /** Each request's latency: upload, check page, submit, confirmation page. */
  requestMs: [number, number, number, number];
}

/** The measured part: upload both documents, the check page, submit, the confirmation page. */
async function submitApplicant(applicant: Applicant): Promise<Submitted> {
  const { browser, csrf, token } = applicant;
  browser.resetTimer();
  const times: number[] = [];
  const timed = async <T>(work: () => Promise<T>): Promise<T> => {
    const before = browser.elapsedMs;
    const result = await work();
    times.push(browser.elapsedMs - before);
    return result;
  };
  const upload = multipart(
    {},
    applicant.files.map((file) => ({
      name: `file.${file.itemId}`,
      fileName: file.pdf.fileName,
      contentType: 'application/pdf',
      parts: file.pdf.parts,
    })),
  );
  const checkPath = await timed(() =>
    browser.postTo(
      'documents',
      `${stepPath(token, 'documents')}?_csrf=${encodeURIComponent(csrf)}`,
      toStep('check'),
      {
        body: upload,
      },
    ),
  );
  await timed(() => browser.page('check', checkPath));
  const donePath = await timed(() =>
    browser.postTo('submit', checkPath, toStep('done'), { form: { _csrf: csrf } }),
  );
  const done = await timed(() => browser.page('done', donePath));
  const html = done.body.toString('utf8');
  const caseNumber = /id="case-number"[^>]*>([^<]+)</.exec(html)?.[1]?.trim() ?? '';
  const lookupCode = /id="lookup-code"[^>]*>([^<]+)</.exec(html)?.[1]?.trim() ?? '';
  if (caseNumber === '' || lookupCode === '')
    throw new StepError('done', done, 'the confirmation page shows no case number and lookup code');
  return {
    caseNumber,
    lookupCode,
    ms: browser.elapsedMs,
    requestMs: times as [number, number, number, number],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Running many at once

interface PoolRun<T> {
  results: (T | Error)[];
  /** Indexes not started before the step's time ran out. */
  notStarted: number;
  elapsedMs: number;
}

/** `work` for indexes 0…count-1, `concurrency` at a time, no new one started after the step's limit. */
async function inParallel<T>(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<T>,
): Promise<PoolRun<T>> {
  const results: (T | Error)[] = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + stepLimitMs;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const index = next;
      next += 1;
      try {
        results[index] = await work(index);
      } catch (error) {
        results[index] = error instanceof Error ? error : new Error(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { results, notStarted: count - next, elapsedMs: performance.now() - started };
}

const succeeded = <T>(run: PoolRun<T>): T[] =>
  run.results.filter((result): result is T => !(result instanceof Error) && result !== undefined);
const failedOf = <T>(run: PoolRun<T>): Error[] =>
  run.results.filter((result): result is Error => result instanceof Error);

// ---------------------------------------------------------------------------------------------------------
// Counting

interface ApplicationCounts {
  cases: number;
  documents: number;
}

async function countApplications(pool: pg.Pool): Promise<ApplicationCounts> {
  const result = await pool.query<ApplicationCounts>(
    `select (select count(*)::int from cases where service_code = $1 and channel = 'web') as cases,
            (select count(*)::int from case_attachments a join cases c on c.id = a.case_id
              where c.service_code = $1 and c.channel = 'web' and a.purpose = 'document') as documents`,
    [serviceCode],
  );
  return result.rows[0] ?? { cases: 0, documents: 0 };
}

/**
 * Each acknowledged submission against the database: its draft's case, of channel `web`, with the number and
 * lookup code its confirmation page showed, and exactly its two documents (by SHA-256, purpose `document`,
 * each listed in `stored_files`). Returns how many do not match, with the first reason.
 */
async function checkSubmissions(
  pool: pg.Pool,
  done: { applicant: Applicant; submitted: Submitted }[],
): Promise<{ wrong: number; sample: string; caseIds: Map<number, string> }> {
  const hashes = done.map(({ applicant }) =>
    createHash('sha256').update(applicant.token, 'utf8').digest('hex'),
  );
  const rows = await pool.query<{
    hash: string;
    case_id: string;
    case_number: string;
    lookup_code: string;
    channel: string;
    shas: string[];
    listed: number;
  }>(
    `select d.resume_token_hash as hash, c.id as case_id, c.case_number, c.lookup_code, c.channel,
            coalesce(array_agg(a.sha256 order by a.sha256) filter (where a.id is not null), '{}') as shas,
            count(s.sha256)::int as listed
       from application_drafts d
       join cases c on c.id = d.case_id
       left join case_attachments a on a.case_id = c.id and a.purpose = 'document'
       left join stored_files s on s.sha256 = a.sha256
      where d.resume_token_hash = any($1::text[])
      group by d.resume_token_hash, c.id, c.case_number, c.lookup_code, c.channel`,
    [hashes],
  );
  const byHash = new Map(rows.rows.map((row) => [row.hash, row]));
  let wrong = 0;
  let sample = '';
  const caseIds = new Map<number, string>();
  for (const [position, { applicant, submitted }] of done.entries()) {
    const row = byHash.get(hashes[position] ?? '');
    const expected = applicant.files.map((file) => file.pdf.sha256).sort();
    const problem =
      row === undefined
        ? 'no case for the draft'
        : row.case_number !== submitted.caseNumber || row.lookup_code !== submitted.lookupCode
          ? `the confirmation page showed ${submitted.caseNumber}, the draft's case is ${row.case_number}`
          : row.channel !== 'web'
            ? `channel ${row.channel}`
            : row.shas.join(',') !== expected.join(',')
              ? `${row.shas.length} documents, not exactly its ${expected.length}`
              : row.listed !== expected.length
                ? 'a document not listed in stored_files'
                : '';
    if (problem !== '') {
      wrong += 1;
      if (sample === '') sample = `applicant ${applicant.index}: ${problem}`;
    } else if (row !== undefined) caseIds.set(applicant.index, row.case_id);
  }
  return { wrong, sample, caseIds };
}

// ---------------------------------------------------------------------------------------------------------
// One level: N applicants, `concurrency` at a time

interface Figures extends TimeFigures {
  perSecond: number;
}

function figuresOf(latencies: number[], elapsedMs: number): Figures {
  return {
    ...timeFigures(latencies),
    perSecond: round1((latencies.length / Math.max(1, elapsedMs)) * 1000),
  };
}

interface Memory {
  before: number;
  peak: number;
  after: number;
  resetWorked: boolean;
}

interface LevelFigures {
  concurrency: number;
  wanted: number;
  journey: Figures & { failures: number; failureSample: string; requests: number; notStarted: number };
  submission: Figures & {
    failures: number;
    failureSample: string;
    notStarted: number;
    seconds: number;
    /** Each of the four requests: p50 and p95. */
    perRequest: { p50: number; p95: number }[];
  };
  /** Sum of both parts' request latencies per applicant. */
  whole: { p50: number; p95: number };
  before: ApplicationCounts;
  after: ApplicationCounts;
  /** Acknowledged submissions whose case is missing or not as acknowledged. */
  lost: number;
  lostSample: string;
  /** Cases made for submissions that were not acknowledged (after − before − acknowledged). */
  unacknowledged: number;
  memory: Memory;
  cpu: ServerCpu;
  pdfBytes: number;
  /** The cases of the acknowledged submissions, by applicant (for the supplement). */
  cases: { caseId: string; caseNumber: string; lookupCode: string; address: string }[];
}

async function applicationLevel(input: {
  appUrl: string;
  appPid: number;
  pool: pg.Pool;
  service: ServiceUnderTest;
  concurrency: number;
  count: number;
  label: string;
  image: Buffer;
  addresses: () => string;
}): Promise<LevelFigures> {
  const { concurrency, count } = input;
  const addresses = Array.from({ length: count }, () => input.addresses());
  process.stdout.write(
    `applications: ${count} applicants, ${concurrency} at once, through the pages to the documents …\n`,
  );
  const prepared = await inParallel(count, concurrency, (index) =>
    prepareApplicant({ ...input, index, address: addresses[index] ?? '127.0.0.2' }),
  );
  const applicants = succeeded(prepared);
  const prepareFailures = failedOf(prepared);
  // Each browser comes back on a new connection, as a citizen does after choosing the files.
  for (const applicant of applicants) applicant.browser.reconnect();
  await new Promise((resolve) => setTimeout(resolve, 1000));

  const before = await countApplications(input.pool);
  const rssBefore = await rssMegabytes(input.appPid);
  const resetWorked = await resetPeakRss(input.appPid);
  process.stdout.write(`applications: ${applicants.length} submissions, ${concurrency} at once …\n`);
  const cpuBefore = await processTreeCpuMs(input.appPid);
  const submitted = await inParallel(applicants.length, concurrency, async (index) => {
    const applicant = applicants[index] as Applicant;
    return { applicant, submitted: await submitApplicant(applicant) };
  });
  const peak = await peakRssMegabytes(input.appPid);
  const done = succeeded(submitted);
  const cpu = await cpuPerItem(input.appPid, cpuBefore, done.length);
  for (const applicant of applicants) applicant.browser.close();
  const submitFailures = failedOf(submitted);
  const after = await countApplications(input.pool);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const rssAfter = await rssMegabytes(input.appPid);
  const check = await checkSubmissions(input.pool, done);
  const byIndex = new Map(done.map((entry) => [entry.applicant.index, entry]));
  const cases = [...check.caseIds].map(([index, caseId]) => {
    const entry = byIndex.get(index);
    return {
      caseId,
      caseNumber: entry?.submitted.caseNumber ?? '',
      lookupCode: entry?.submitted.lookupCode ?? '',
      address: addresses[index] ?? '127.0.0.2',
    };
  });
  const submission = figuresOf(
    done.map((entry) => entry.submitted.ms),
    submitted.elapsedMs,
  );
  const journey = figuresOf(
    applicants.map((applicant) => applicant.journeyMs),
    prepared.elapsedMs,
  );
  const whole = done.map((entry) => entry.applicant.journeyMs + entry.submitted.ms);
  const perRequest = [0, 1, 2, 3].map((position) => {
    const values = done.map((entry) => entry.submitted.requestMs[position] ?? 0);
    return { p50: percentile(values, 0.5), p95: percentile(values, 0.95) };
  });
  const figures: LevelFigures = {
    concurrency,
    wanted: count,
    journey: {
      ...journey,
      failures: prepareFailures.length,
      failureSample: prepareFailures[0]?.message ?? '',
      requests: applicants[0]?.journeyRequests ?? 0,
      notStarted: prepared.notStarted,
    },
    submission: {
      ...submission,
      failures: submitFailures.length,
      failureSample: submitFailures[0]?.message ?? '',
      notStarted: submitted.notStarted,
      seconds: round1(submitted.elapsedMs / 1000),
      perRequest,
    },
    whole: { p50: percentile(whole, 0.5), p95: percentile(whole, 0.95) },
    before,
    after,
    lost: check.wrong,
    lostSample: check.sample,
    unacknowledged: after.cases - before.cases - done.length,
    memory: { before: rssBefore, peak, after: rssAfter, resetWorked },
    cpu,
    pdfBytes: applicants[0]?.files[0]?.pdf.bytes ?? 0,
    cases,
  };
  process.stdout.write(
    `applications at ${concurrency}: ${submission.perSecond}/s, p95 ${submission.p95} ms, ${figures.submission.failures} failed, ${figures.lost} lost; peak RSS ${peak} MB\n`,
  );
  return figures;
}

// ---------------------------------------------------------------------------------------------------------
// The supplement (補正)

/** A handler of the service's unit, added with the bench's password and signed in through the real pages. */
async function benchHandler(appUrl: string, pool: pg.Pool, unitCode: string): Promise<StaffSession> {
  const email = `bench-applications-handler@${unitCode}.example.test`;
  await insertBenchStaff(
    drizzle(pool) as unknown as Database,
    [{ email, role: 'handler', unitCode }],
    () => '效能測試承辦人',
  );
  return signIn(appUrl, email, benchPassword);
}

/** A staff request with the session's cookie (and token, for JSON), from 127.0.0.1. */
function staffSend(
  appUrl: string,
  session: StaffSession,
  path: string,
  options: { json?: unknown; form?: Record<string, string>; agent: http.Agent },
): Promise<Answer> {
  const headers: Record<string, string> = { cookie: session.cookie, 'accept-language': 'zh-TW' };
  let parts: Buffer[] | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    headers.accept = 'application/json';
    headers['x-csrf-token'] = session.csrfToken;
    parts = [Buffer.from(JSON.stringify(options.json), 'utf8')];
  } else if (options.form !== undefined) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    parts = [Buffer.from(new URLSearchParams(options.form).toString(), 'utf8')];
  }
  return send(`${appUrl}${path}`, {
    method: parts === undefined ? 'GET' : 'POST',
    headers,
    agent: options.agent,
    ...(parts === undefined ? {} : { parts }),
  });
}

/** The date to supplement by: 15 days after today in Taipei (what the issuing page proposes). */
function supplementByDate(): string {
  return new Date(Date.now() + 8 * 3_600_000 + 15 * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A case to its notice as its handler does it: `accept` through the case API, then the issuing page and its
 * form posted with the two documents ticked, a note each and the date: the notice is issued and the case
 * waits for the supplement.
 */
async function issueBenchNotice(
  appUrl: string,
  handler: StaffSession,
  agent: http.Agent,
  service: ServiceUnderTest,
  entry: { caseNumber: string },
  version: number,
): Promise<void> {
  const accepted = await staffSend(appUrl, handler, `/api/staff/cases/${entry.caseNumber}/events`, {
    json: { event: 'accept', expectedVersion: version },
    agent,
  });
  if (accepted.status !== 200)
    throw new StepError(
      'accept',
      null,
      `POST /api/staff/cases/…/events (accept) answered ${accepted.status}: ${accepted.body.toString('utf8').slice(0, 300)}`,
    );
  const issuePath = `/staff/cases/${entry.caseNumber}/deficiency`;
  const page = await staffSend(appUrl, handler, issuePath, { agent });
  if (page.status !== 200) throw new StepError('notice page', page, `GET ${issuePath} is not 200`);
  const form = formOf(page.body.toString('utf8'), '/deficiency');
  if (form === null) throw new StepError('notice page', page, 'no issuing form');
  const posted: Record<string, string> = { ...form.hidden, supplementBy: supplementByDate() };
  for (const item of service.documents) {
    posted[`tick.checklist.${item.id}`] = 'yes';
    posted[`note.checklist.${item.id}`] = '效能測試：請補送最新版本（須簽章）。';
  }
  const answer = await staffSend(appUrl, handler, form.action === '' ? issuePath : form.action, {
    form: posted,
    agent,
  });
  if (answer.status !== 303 || !/\/deficiency\/[0-9a-f-]{36}/.test(String(answer.headers?.location ?? '')))
    throw new StepError('issue', answer, `POST ${issuePath} did not issue the notice`);
}

interface SupplementApplicant {
  index: number;
  caseId: string;
  browser: Browser;
  action: string;
  fields: Record<string, string>;
  files: { input: string; pdf: BenchPdf }[];
}

interface SupplementCounts {
  awaiting: number;
  supplemented: number;
  files: number;
}

interface SupplementFigures extends Figures {
  concurrency: number;
  wanted: number;
  failures: number;
  failureSample: string;
  /** Notices that could not be issued or supplement pages that did not open (before the measured part). */
  prepareFailures: number;
  prepareSample: string;
  notStarted: number;
  before: SupplementCounts;
  after: SupplementCounts;
  lost: number;
  lostSample: string;
  memory: Memory;
  cpu: ServerCpu;
  pdfBytes: number;
  /** Notices issued per second by the handler's requests (10 at once; not a target). */
  issuedPerSecond: number;
}

async function countSupplements(pool: pg.Pool): Promise<SupplementCounts> {
  const result = await pool.query<SupplementCounts>(
    `select (select count(*)::int from cases where service_code = $1 and state = 'awaiting_supplement') as awaiting,
            (select count(*)::int from deficiency_notices where service_code = $1 and state = 'supplemented') as supplemented,
            (select count(*)::int from case_attachments a join cases c on c.id = a.case_id
              where c.service_code = $1 and a.purpose = 'supplement') as files`,
    [serviceCode],
  );
  return result.rows[0] ?? { awaiting: 0, supplemented: 0, files: 0 };
}

/**
 * Every acknowledged supplement against the database: the case back in `in_progress`, its notice
 * `supplemented` online, and exactly its two files as attachments of purpose `supplement` naming the notice
 * (by SHA-256, each listed in `stored_files`).
 */
async function checkSupplements(
  pool: pg.Pool,
  done: SupplementApplicant[],
): Promise<{ wrong: number; sample: string }> {
  const rows = await pool.query<{
    case_id: string;
    state: string;
    notice_state: string;
    via: string | null;
    shas: string[];
    listed: number;
  }>(
    `select c.id as case_id, c.state, n.state as notice_state, n.supplemented_via as via,
            coalesce(array_agg(a.sha256 order by a.sha256) filter (where a.id is not null), '{}') as shas,
            count(s.sha256)::int as listed
       from cases c
       join deficiency_notices n on n.case_id = c.id
       left join case_attachments a
         on a.case_id = c.id and a.purpose = 'supplement' and a.deficiency_notice_id = n.id
       left join stored_files s on s.sha256 = a.sha256
      where c.id = any($1::uuid[])
      group by c.id, c.state, n.id, n.state, n.supplemented_via`,
    [done.map((entry) => entry.caseId)],
  );
  const byCase = new Map<string, (typeof rows.rows)[number][]>();
  for (const row of rows.rows) byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), row]);
  let wrong = 0;
  let sample = '';
  for (const entry of done) {
    const notices = byCase.get(entry.caseId) ?? [];
    const row = notices[0];
    const expected = entry.files.map((file) => file.pdf.sha256).sort();
    const problem =
      row === undefined || notices.length !== 1
        ? `${notices.length} notices on the case`
        : row.state !== 'in_progress'
          ? `the case is ${row.state}`
          : row.notice_state !== 'supplemented' || row.via !== 'online'
            ? `the notice is ${row.notice_state} (${row.via ?? 'not supplemented'})`
            : row.shas.join(',') !== expected.join(',')
              ? `${row.shas.length} supplement files, not exactly its ${expected.length}`
              : row.listed !== expected.length
                ? 'a file not listed in stored_files'
                : '';
    if (problem !== '') {
      wrong += 1;
      if (sample === '') sample = `case ${entry.index}: ${problem}`;
    }
  }
  return { wrong, sample };
}

/**
 * The supplement for the cases of one level. Not timed: each case accepted and given a deficiency notice
 * listing the two documents, by a handler through the real pages (10 at once); the applicant's supplement
 * page opened from the applicant's own address (/track/supplement with the number and lookup code, as the
 * e-mail's link does). Measured, `concurrency` at once: the page's multipart POST with two new ~200 KiB
 * PDFs, answered by the tracking page saying the supplement was received.
 */
async function supplementLevel(input: {
  appUrl: string;
  appPid: number;
  pool: pg.Pool;
  service: ServiceUnderTest;
  handler: StaffSession;
  concurrency: number;
  cases: LevelFigures['cases'];
  label: string;
  image: Buffer;
}): Promise<SupplementFigures> {
  const { appUrl, concurrency, cases } = input;
  process.stdout.write(`supplements: ${cases.length} notices issued by a handler …\n`);
  const versions = await input.pool.query<{ id: string; version: number }>(
    'select id, version from cases where id = any($1::uuid[])',
    [cases.map((entry) => entry.caseId)],
  );
  const versionOf = new Map(versions.rows.map((row) => [row.id, row.version]));
  const staffAgent = new http.Agent({ keepAlive: true, maxSockets: 10 });
  let issued: PoolRun<number>;
  try {
    issued = await inParallel(cases.length, 10, async (index) => {
      const entry = cases[index] as LevelFigures['cases'][number];
      await issueBenchNotice(
        appUrl,
        input.handler,
        staffAgent,
        input.service,
        entry,
        versionOf.get(entry.caseId) ?? 1,
      );
      return index;
    });
  } finally {
    staffAgent.destroy();
  }
  const issuedIndexes = succeeded(issued);
  const issueFailures = failedOf(issued);
  // No notice at all: the route or the workflow is not as the bench expects; say why.
  if (issuedIndexes.length === 0) throw issueFailures[0] ?? new Error('no case to issue a notice on');

  process.stdout.write(`supplements: ${issuedIndexes.length} supplement pages opened …\n`);
  const opened = await inParallel(
    issuedIndexes.length,
    concurrency,
    async (position): Promise<SupplementApplicant> => {
      const index = issuedIndexes[position] ?? 0;
      const entry = cases[index] as LevelFigures['cases'][number];
      const browser = new Browser(appUrl, entry.address);
      try {
        const page = await browser.page(
          'supplement page',
          supplementHref(entry.caseNumber, entry.lookupCode),
        );
        const html = page.body.toString('utf8');
        const form = formOf(html, '/track/supplement');
        if (form === null) throw new StepError('supplement page', page, 'no supplement form');
        const inputs = [...html.matchAll(/<input\b[^>]*>/g)]
          .map((match) => match[0])
          .filter((tag) => /\btype="file"/.test(tag))
          .map((tag) => decodeHtml(/\bname="([^"]*)"/.exec(tag)?.[1] ?? ''));
        if (inputs.length !== 2)
          throw new StepError('supplement page', page, `${inputs.length} file inputs, not the notice's two`);
        // The applicant chooses the files and comes back on a new connection.
        browser.reconnect();
        return {
          index,
          caseId: entry.caseId,
          browser,
          action: form.action,
          fields: form.hidden,
          files: inputs.map((name) => ({
            input: name,
            pdf: benchPdf(input.image, `${input.label} ${index} ${name}`),
          })),
        };
      } catch (error) {
        browser.close();
        throw error;
      }
    },
  );
  const applicants = succeeded(opened);
  const openFailures = failedOf(opened);
  await new Promise((resolve) => setTimeout(resolve, 1000));

  const doneText = deficiencyText('zh-TW', 'supplementDone');
  const before = await countSupplements(input.pool);
  const rssBefore = await rssMegabytes(input.appPid);
  const resetWorked = await resetPeakRss(input.appPid);
  process.stdout.write(`supplements: ${applicants.length} supplements, ${concurrency} at once …\n`);
  const cpuBefore = await processTreeCpuMs(input.appPid);
  const latencies: number[] = [];
  const sent = await inParallel(applicants.length, concurrency, async (position) => {
    const applicant = applicants[position] as SupplementApplicant;
    const body = multipart(
      applicant.fields,
      applicant.files.map((file) => ({
        name: file.input,
        fileName: file.pdf.fileName,
        contentType: 'application/pdf',
        parts: file.pdf.parts,
      })),
    );
    const answer = await applicant.browser.request(applicant.action, { method: 'POST', body });
    if (answer.status !== 200 || !answer.body.toString('utf8').includes(doneText))
      throw new StepError('supplement', answer, 'the tracking page does not say the supplement was received');
    latencies.push(answer.ms);
    return applicant;
  });
  const peak = await peakRssMegabytes(input.appPid);
  const cpu = await cpuPerItem(input.appPid, cpuBefore, latencies.length);
  for (const applicant of applicants) applicant.browser.close();
  const after = await countSupplements(input.pool);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const rssAfter = await rssMegabytes(input.appPid);
  const done = succeeded(sent);
  const sendFailures = failedOf(sent);
  const check = await checkSupplements(input.pool, done);
  const figures: SupplementFigures = {
    ...figuresOf(latencies, sent.elapsedMs),
    concurrency,
    wanted: cases.length,
    failures: sendFailures.length,
    failureSample: sendFailures[0]?.message ?? '',
    prepareFailures: issueFailures.length + failedOf(opened).length,
    prepareSample: issueFailures[0]?.message ?? openFailures[0]?.message ?? '',
    notStarted: sent.notStarted + opened.notStarted + issued.notStarted,
    before,
    after,
    lost: check.wrong,
    lostSample: check.sample,
    memory: { before: rssBefore, peak, after: rssAfter, resetWorked },
    cpu,
    pdfBytes: applicants[0]?.files[0]?.pdf.bytes ?? 0,
    issuedPerSecond: round1((issuedIndexes.length / Math.max(1, issued.elapsedMs)) * 1000),
  };
  process.stdout.write(
    `supplements at ${concurrency}: ${figures.perSecond}/s, p95 ${figures.p95} ms, ${figures.failures} failed, ${figures.lost} lost; peak RSS ${peak} MB\n`,
  );
  return figures;
}

// ---------------------------------------------------------------------------------------------------------
// The section

export async function applicationsSection(): Promise<string[]> {
  const sectionStarted = performance.now();
  const data = await benchDataDir(process.env.BENCH_APPLICATIONS_DIR, 'onewindow-bench-applications-');
  const loadAverages: number[] = [];
  return withBenchApp(data, async ({ app, appUrl, pool }) => {
    const appPid = app.pid ?? 0;
    const service = await serviceUnderTest(pool);
    const image = randomBytes(imageWidth * imageHeight);
    const addresses = loopbackAddresses();
    const runLabel = `r${Date.now().toString(36)}`;
    const rssAtStart = await rssMegabytes(appPid);
    // One applicant first, start to finish, not counted: the pages' code is loaded as in a running app.
    const warmUp = await prepareApplicant({
      appUrl,
      pool,
      service,
      index: 0,
      label: `${runLabel}w`,
      address: addresses(),
      image,
    });
    try {
      await submitApplicant(warmUp);
    } finally {
      warmUp.browser.close();
    }
    const results: LevelFigures[] = [];
    const supplements: SupplementFigures[] = [];
    let supplementMissing = '';
    let handler: StaffSession | null = null;
    for (const [position, concurrency] of levels.entries()) {
      loadAverages.push(os.loadavg()[0] ?? 0);
      const level = await applicationLevel({
        appUrl,
        appPid,
        pool,
        service,
        concurrency,
        count: applicantsPerLevel,
        label: `${runLabel}l${position}`,
        image,
        addresses,
      });
      results.push(level);
      if (supplementMissing !== '') continue;
      try {
        handler ??= await benchHandler(appUrl, pool, service.facts.unitCode);
        supplements.push(
          await supplementLevel({
            appUrl,
            appPid,
            pool,
            service,
            handler,
            concurrency,
            cases: level.cases,
            label: `${runLabel}s${position}`,
            image,
          }),
        );
      } catch (error) {
        // The applications' figures stand; the section says why the supplement's are missing.
        supplementMissing = (error as Error).message;
        process.stdout.write(`supplement not measured: ${supplementMissing}\n`);
      }
    }
    loadAverages.push(os.loadavg()[0] ?? 0);
    return sectionLines({
      service,
      results,
      supplements,
      supplementMissing,
      rssAtStart,
      loadAverages,
      minutes: round1((performance.now() - sectionStarted) / 60_000),
    });
  });
}

function sectionLines(input: {
  service: ServiceUnderTest;
  results: LevelFigures[];
  supplements: SupplementFigures[];
  supplementMissing: string;
  rssAtStart: number;
  loadAverages: number[];
  minutes: number;
}): string[] {
  const { service, results } = input;
  const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KiB`;
  const pdfBytes = results[0]?.pdfBytes ?? 0;
  const documents = service.documents.map((item) => `「${item.labelZh}」(\`${item.id}\`)`).join(' and ');
  const atTarget = results.find((result) => result.concurrency === targetConcurrency);
  const failuresLine = (result: LevelFigures) =>
    [
      result.journey.failureSample === ''
        ? ''
        : ` First failure before the upload: ${result.journey.failureSample}.`,
      result.submission.failureSample === ''
        ? ''
        : ` First failed submission: ${result.submission.failureSample}.`,
      result.lostSample === '' ? '' : ` First lost: ${result.lostSample}.`,
    ].join('');
  const supplementAtTarget = input.supplements.find((result) => result.concurrency === targetConcurrency);
  const supplementMet =
    supplementAtTarget !== undefined &&
    supplementAtTarget.perSecond >= 100 &&
    supplementAtTarget.lost === 0 &&
    supplementAtTarget.failures === 0 &&
    supplementAtTarget.after.supplemented - supplementAtTarget.before.supplemented ===
      supplementAtTarget.count;
  const submissionMet =
    atTarget !== undefined &&
    atTarget.submission.perSecond >= 100 &&
    atTarget.lost === 0 &&
    atTarget.submission.failures === 0 &&
    atTarget.unacknowledged === 0;
  return [
    ...sectionHead('Online applications (issue 11)', {
      when: 'before each level of applicants at once and at the end',
      averages: input.loadAverages,
    }),
    '',
    `A fresh database (migrated and seeded by the app at start: the demo catalogue), the app started as \`npm start\` runs it (RSS ${input.rssAtStart} MB once ready). The service: \`${serviceCode}\` (${service.facts.nameZh}; ${service.steps.length} pages: ${service.steps.join(', ')}), whose documents page asks for ${documents}. Every applicant is a browser without JavaScript from its own loopback address (127.x.y.z) with its own cookies (the anonymous CSRF cookie), fetching every page it is sent to and posting its forms, as the pages are; one applicant went through first, not counted.`,
    '',
    `**Before the measured part** (timed, but not the target): ${applicantsPerLevel} applicants per level, as many at once as the level says, each through the start page, "start" (a draft addressed by the secret in its URL), who you are, the e-mail address, the one-time code, the service's questions and the documents page — ${results[0]?.journey.requests ?? 0} requests. **Shortcut of the bench:** the one-time code is read from the e-mail's row the app queued in \`notification_deliveries\` (its subject), as the applicant reads the e-mail; nothing is set in the database by hand.`,
    '',
    `**The submission, measured** (what a citizen's last steps cost, end to end): the documents page's multipart POST with two PDFs (one per document asked for; each a one-page A4 PDF a viewer opens, ${kib(pdfBytes)}: a line of text naming the applicant and a 640 × 320 grey image of noise, uncompressed like a scan, so every file differs and is sniffed, hashed and stored anew) → the check-your-answers page the browser is sent to → "submit" (\`POST …/check\`) → the confirmation page, whose case number and lookup code are read. A submission counts when all four answered as they should (303 to the next page, 200, 303 to done, 200 with the numbers); its latency is the four requests' together. Every browser opens a new connection for it. Cases of the service (channel \`web\`) and their documents counted before and after; then every acknowledged submission checked in SQL: its draft's case has the number and lookup code the confirmation page showed, channel \`web\`, and exactly its two documents by SHA-256, each listed in \`stored_files\`. The app's VmHWM is reset (\`/proc/PID/clear_refs\` 5) just before the submissions and read when the last answered; RSS after, 3 s later.`,
    '',
    '| applicants at once | submissions | per second | p50 ms | p95 ms | p99 ms | max ms | failed | lost | cases before → after | documents before → after | app RSS before / peak / after MB | server CPU per submission: app + PostgreSQL ms (ceiling on these cores) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|',
    ...results.map(
      (result) =>
        `| ${result.concurrency} | ${result.submission.count} of ${result.wanted} | ${result.submission.perSecond} | ${result.submission.p50} | ${result.submission.p95} | ${result.submission.p99} | ${round1(result.submission.max)} | ${result.submission.failures + result.journey.failures + result.submission.notStarted + result.journey.notStarted} | ${result.lost} | ${result.before.cases.toLocaleString('en')} → ${result.after.cases.toLocaleString('en')} | ${result.before.documents.toLocaleString('en')} → ${result.after.documents.toLocaleString('en')} | ${result.memory.before} / ${result.memory.peak}${result.memory.resetWorked ? '' : ' (reset refused: includes earlier peaks)'} / ${result.memory.after} | ${cpuWords(result.cpu)} |`,
    ),
    '',
    `Server CPU: user + system time of the app process and, apart, of its descendants (the embedded PostgreSQL server and its backends) over the measured submissions, per submission; the ceiling is what that CPU alone allows on the machine's ${os.cpus().length} cores (cores × 1000 / ms), whatever else ran meanwhile — steadier than the rate on a busy machine. "client" is the bench's own process (the load client) per submission, which shares the cores.`,
    '',
    'Each request of the submission, p50 / p95 ms:',
    '',
    '| applicants at once | upload (2 PDFs) | check page | submit | confirmation page | pages before (per applicant, requests together) | applicants/s through them | whole journey per applicant (all requests together) |',
    '|---:|---|---|---|---|---|---:|---|',
    ...results.map((result) => {
      const [upload, checkPage, submit, donePage] = result.submission.perRequest;
      const pair = (value: { p50: number; p95: number } | undefined) =>
        `${value?.p50 ?? '—'} / ${value?.p95 ?? '—'}`;
      return `| ${result.concurrency} | ${pair(upload)} | ${pair(checkPage)} | ${pair(submit)} | ${pair(donePage)} | ${result.journey.p50} / ${result.journey.p95} | ${result.journey.perSecond} | ${result.whole.p50} / ${result.whole.p95} |`;
    }),
    '',
    ...results.flatMap((result) => {
      const words = failuresLine(result);
      const extra =
        result.unacknowledged === 0
          ? ''
          : ` ${result.unacknowledged} cases were made for submissions that were not acknowledged.`;
      return words === '' && extra === '' ? [] : [`At ${result.concurrency} at once:${words}${extra}`, ''];
    }),
    ...supplementLines(input.supplements, input.supplementMissing, kib),
    '| target (issue 11) | wanted | measured | |',
    '|---|---|---|---|',
    atTarget === undefined
      ? `| online submission with two ${kib(pdfBytes)} PDFs, ${targetConcurrency} at once | ≥ 100/s, nothing lost | not run (BENCH_APPLICATIONS_CONCURRENCY) | |`
      : `| online submission with two ${kib(pdfBytes)} PDFs, end to end, ${targetConcurrency} at once | ≥ 100/s, nothing lost | ${atTarget.submission.perSecond}/s, ${atTarget.lost} lost, ${atTarget.submission.failures} failed | ${verdict(submissionMet)} |`,
    atTarget === undefined ? '' : `| its p95 | (reported) | ${atTarget.submission.p95} ms | |`,
    atTarget === undefined
      ? ''
      : `| app peak RSS while ${targetConcurrency} submit at once | (reported) | ${atTarget.memory.peak} MB (before ${atTarget.memory.before} MB, after ${atTarget.memory.after} MB) | |`,
    supplementAtTarget === undefined
      ? `| supplement with two PDFs, ${targetConcurrency} at once | ≥ 100/s, nothing lost | not measured | |`
      : `| supplement with two ${kib(supplementAtTarget.pdfBytes)} PDFs, end to end, ${targetConcurrency} at once | ≥ 100/s, nothing lost | ${supplementAtTarget.perSecond}/s, ${supplementAtTarget.lost} lost, ${supplementAtTarget.failures} failed | ${verdict(supplementMet)} |`,
    supplementAtTarget === undefined ? '' : `| its p95 | (reported) | ${supplementAtTarget.p95} ms | |`,
    supplementAtTarget === undefined
      ? ''
      : `| app peak RSS while ${targetConcurrency} supplement at once | (reported) | ${supplementAtTarget.memory.peak} MB (before ${supplementAtTarget.memory.before} MB, after ${supplementAtTarget.memory.after} MB) | |`,
    '',
    `Section run: ${input.minutes} min.`,
  ].filter((line, index, lines) => !(line === '' && lines[index - 1] === ''));
}

/** The supplement's paragraph and table (or why it was not measured). */
function supplementLines(
  supplements: readonly SupplementFigures[],
  missing: string,
  kib: (bytes: number) => string,
): string[] {
  if (supplements.length === 0)
    return [`**The supplement** was not measured${missing === '' ? '' : `: ${missing}`}.`, ''];
  const pdfBytes = supplements[0]?.pdfBytes ?? 0;
  return [
    `**The supplement (補正), measured likewise**, on the cases each level's applicants made. Not timed: a handler of the unit (added with the bench's password, signed in through the sign-in page) accepts each case through the case API (\`POST /api/staff/cases/:number/events\`) and issues the one-time deficiency notice through its page (\`GET\` and \`POST /staff/cases/:number/deficiency\`: both documents ticked, a note each, the date 15 days on), 10 at once (${supplements.map((result) => `${result.issuedPerSecond} notices/s`).join(', ')}); then each applicant opens the supplement page from their own address, as the e-mail's link does (\`/track/supplement?case=…&code=…\`: the number and lookup code checked as /track checks them, per-address limits included), which asks for the notice's two documents. Measured, as many at once as the level says: the page's multipart POST with two new PDFs (${kib(pdfBytes)}, made as above), a supplement counting when the answer is the tracking page saying it was received (200). Then in SQL, for every acknowledged one: the case back in \`in_progress\`, its notice \`supplemented\` online, and exactly its two files as attachments of purpose \`supplement\` naming the notice (by SHA-256, each listed in \`stored_files\`). VmHWM reset just before, as above.`,
    '',
    '| supplements at once | supplements | per second | p50 ms | p95 ms | p99 ms | max ms | failed | lost | notices supplemented before → after | supplement files before → after | app RSS before / peak / after MB | server CPU per supplement: app + PostgreSQL ms (ceiling) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|',
    ...supplements.map(
      (result) =>
        `| ${result.concurrency} | ${result.count} of ${result.wanted} | ${result.perSecond} | ${result.p50} | ${result.p95} | ${result.p99} | ${round1(result.max)} | ${result.failures + result.prepareFailures + result.notStarted} | ${result.lost} | ${result.before.supplemented.toLocaleString('en')} → ${result.after.supplemented.toLocaleString('en')} | ${result.before.files.toLocaleString('en')} → ${result.after.files.toLocaleString('en')} | ${result.memory.before} / ${result.memory.peak}${result.memory.resetWorked ? '' : ' (reset refused: includes earlier peaks)'} / ${result.memory.after} | ${cpuWords(result.cpu)} |`,
    ),
    '',
    ...supplements.flatMap((result) => {
      const words = [
        result.prepareSample === '' ? '' : ` First failure before the supplement: ${result.prepareSample}.`,
        result.failureSample === '' ? '' : ` First failed supplement: ${result.failureSample}.`,
        result.lostSample === '' ? '' : ` First lost: ${result.lostSample}.`,
      ].join('');
      return words === '' ? [] : [`Supplements at ${result.concurrency} at once:${words}`, ''];
    }),
    ...(missing === '' ? [] : [`A later level's supplement was not measured: ${missing}.`, '']),
  ];
}

/** Server CPU per item, and the rate that CPU alone allows on this machine's cores. */
function cpuWords(cpu: ServerCpu): string {
  const total = cpu.appMs + cpu.databaseMs;
  const ceiling = total > 0 ? Math.round((os.cpus().length * 1000) / total) : 0;
  return `${cpu.appMs} + ${cpu.databaseMs} (≤ ${ceiling}/s); client ${cpu.clientMs}`;
}
