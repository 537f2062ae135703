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
 *     in `stored_files`).
 *   - the supplement (補正): see supplementLevel below.
 * Returns the section's lines for docs/benchmarks.md. Everything goes to 127.x.y.z, every step is bounded in
 * time (BENCH_APPLICATIONS_STEP_SECONDS, 180 s: what is left is not sent and the counts say so).
 *
 * Environment: BENCH_APPLICATIONS (applicants per level, 1000), BENCH_APPLICATIONS_CONCURRENCY (20,50),
 * BENCH_APPLICATIONS_SERVICE (building-construction-start: online, free, two documents asked for),
 * BENCH_APPLICATIONS_DIR (keep the database there; default: a temporary folder, removed).
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
import {
  currentServiceVersion,
  type FormField,
  type ServiceVersionFacts,
} from '../src/modules/catalogue/index.ts';
import type { Database } from '../src/platform/db/database.ts';
import { benchDataDir, sectionHead, verdict, withBenchApp } from './bench-support.ts';
import { loopbackAddresses, percentile } from './load-client.ts';
import { peakRssMegabytes, resetPeakRss, rssMegabytes } from './process-memory.ts';
import { type Answer, multipart, send } from './reports-bench.ts';

const applicantsPerLevel = Number(process.env.BENCH_APPLICATIONS ?? 1000);
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

/** The hidden inputs of the page's form whose action contains `actionPart` (the first form when ''). */
export function formOf(
  html: string,
  actionPart: string,
): { action: string; hidden: Record<string, string> } | null {
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const action = decodeHtml(/\baction="([^"]*)"/.exec(match[1] ?? '')?.[1] ?? '');
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

interface Figures {
  count: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function figuresOf(latencies: number[], elapsedMs: number): Figures {
  return {
    count: latencies.length,
    perSecond: round1((latencies.length / Math.max(1, elapsedMs)) * 1000),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    max: percentile(latencies, 1),
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
  const submitted = await inParallel(applicants.length, concurrency, async (index) => {
    const applicant = applicants[index] as Applicant;
    return { applicant, submitted: await submitApplicant(applicant) };
  });
  const peak = await peakRssMegabytes(input.appPid);
  for (const applicant of applicants) applicant.browser.close();
  const done = succeeded(submitted);
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
    pdfBytes: applicants[0]?.files[0]?.pdf.bytes ?? 0,
    cases,
  };
  process.stdout.write(
    `applications at ${concurrency}: ${submission.perSecond}/s, p95 ${submission.p95} ms, ${figures.submission.failures} failed, ${figures.lost} lost; peak RSS ${peak} MB\n`,
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
    for (const [position, concurrency] of levels.entries()) {
      loadAverages.push(os.loadavg()[0] ?? 0);
      results.push(
        await applicationLevel({
          appUrl,
          appPid,
          pool,
          service,
          concurrency,
          count: applicantsPerLevel,
          label: `${runLabel}l${position}`,
          image,
          addresses,
        }),
      );
    }
    loadAverages.push(os.loadavg()[0] ?? 0);
    return sectionLines({
      service,
      results,
      rssAtStart,
      loadAverages,
      minutes: round1((performance.now() - sectionStarted) / 60_000),
    });
  });
}

function sectionLines(input: {
  service: ServiceUnderTest;
  results: LevelFigures[];
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
    '| applicants at once | submissions | per second | p50 ms | p95 ms | p99 ms | max ms | failed | lost | cases before → after | documents before → after | app RSS before / peak / after MB |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|',
    ...results.map(
      (result) =>
        `| ${result.concurrency} | ${result.submission.count} of ${result.wanted} | ${result.submission.perSecond} | ${result.submission.p50} | ${result.submission.p95} | ${result.submission.p99} | ${round1(result.submission.max)} | ${result.submission.failures + result.journey.failures + result.submission.notStarted + result.journey.notStarted} | ${result.lost} | ${result.before.cases.toLocaleString('en')} → ${result.after.cases.toLocaleString('en')} | ${result.before.documents.toLocaleString('en')} → ${result.after.documents.toLocaleString('en')} | ${result.memory.before} / ${result.memory.peak}${result.memory.resetWorked ? '' : ' (reset refused: includes earlier peaks)'} / ${result.memory.after} |`,
    ),
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
    '| target (issue 11) | wanted | measured | |',
    '|---|---|---|---|',
    atTarget === undefined
      ? `| online submission with two ${kib(pdfBytes)} PDFs, ${targetConcurrency} at once | ≥ 100/s, nothing lost | not run (BENCH_APPLICATIONS_CONCURRENCY) | |`
      : `| online submission with two ${kib(pdfBytes)} PDFs, end to end, ${targetConcurrency} at once | ≥ 100/s, nothing lost | ${atTarget.submission.perSecond}/s, ${atTarget.lost} lost, ${atTarget.submission.failures} failed | ${verdict(submissionMet)} |`,
    atTarget === undefined ? '' : `| its p95 | (reported) | ${atTarget.submission.p95} ms | |`,
    atTarget === undefined
      ? ''
      : `| app peak RSS while ${targetConcurrency} submit at once | (reported) | ${atTarget.memory.peak} MB (before ${atTarget.memory.before} MB, after ${atTarget.memory.after} MB) | |`,
    '',
    `Section run: ${input.minutes} min.`,
  ].filter((line, index, lines) => !(line === '' && lines[index - 1] === ''));
}
