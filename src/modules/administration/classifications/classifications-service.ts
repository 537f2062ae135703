import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { type AuditActor, type RequestOrigin, recordAudit } from '../../../platform/auth/audit-log.ts';
import type { Database } from '../../../platform/db/database.ts';
import { announcePublished } from '../../../platform/db/publications.ts';
import { FileNotFoundError, type FileStore, isSha256 } from '../../../platform/files/file-store.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import {
  type ClassificationDiff,
  type ClassificationKind,
  diffClassifications,
} from '../../../platform/reference/classification-rows.ts';
import { readClassifications, replaceClassifications } from '../../../platform/reference/reference-repo.ts';
import type { UploadedDataFile } from '../../../platform/uploads/data-file.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import {
  auditDetailsOf,
  checkClassificationFile,
  maxClassificationFileBytes,
} from './classification-file.ts';
import { classificationsText as text } from './classifications-messages.ts';

export type Preview =
  | { ok: true; sha256: string; rowCount: number; diff: ClassificationDiff }
  | { ok: false; problems: string[] };

/**
 * Checks an uploaded code file and says what loading it would do, writing nothing. The upload reader already
 * put the file in the file store (readMultipartForm's `dataFiles`, by its SHA-256, which the confirmation
 * posts back: the server reads and checks the file again then, so nothing the browser sends is trusted). An
 * unlisted file is removed by the store's sweep later.
 */
export async function previewClassificationFile(
  db: Database,
  options: { kind: ClassificationKind; file: Pick<UploadedDataFile, 'text' | 'sha256'>; lang: Lang },
): Promise<Preview> {
  const checked = checkClassificationFile(Buffer.from(options.file.text, 'utf8'), options.lang);
  if (!checked.ok) return checked;
  const diff = diffClassifications(await readClassifications(db, options.kind), checked.rows);
  return { ok: true, sha256: options.file.sha256, rowCount: checked.rows.length, diff };
}

/** A kept file's bytes, at most the file limit; null when the store no longer has it. */
async function keptFile(files: FileStore, sha256: string): Promise<Buffer | null> {
  if (!isSha256(sha256)) return null;
  let stream: Readable;
  try {
    stream = await files.open(sha256);
  } catch (error) {
    if (error instanceof FileNotFoundError) return null;
    throw error;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxClassificationFileBytes + 1) {
      stream.destroy();
      break;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Loads the previewed file: read again from the store by the SHA-256 the confirmation posts, checked again
 * and written as `applyClassificationFile` says.
 */
export async function loadClassifications(
  db: Database,
  options: {
    files: FileStore;
    kind: ClassificationKind;
    sha256: string;
    actor: AuditActor;
    origin: RequestOrigin;
    now: Date;
    lang: Lang;
  },
): Promise<{ diff: ClassificationDiff; before: number; after: number }> {
  const { lang } = options;
  const bytes = await keptFile(options.files, options.sha256);
  if (bytes === null)
    throw new DomainError('VALIDATION_FAILED', text(lang, 'fileGone'), {
      problems: [{ field: 'file', code: 'file_gone', message: text(lang, 'fileGone') }],
    });
  return applyClassificationFile(db, { ...options, bytes });
}

/**
 * Loads a code file read another way than a form — `npx onewindow classifications:load` — with the same
 * checks, transaction and audit entry as the page (the CLI passes `cliActor`).
 */
export async function loadClassificationFileBytes(
  db: Database,
  options: {
    kind: ClassificationKind;
    bytes: Uint8Array;
    actor: AuditActor;
    origin: RequestOrigin;
    now: Date;
    lang: Lang;
  },
): Promise<{ diff: ClassificationDiff; before: number; after: number }> {
  const sha256 = createHash('sha256').update(options.bytes).digest('hex');
  return applyClassificationFile(db, { ...options, sha256 });
}

/**
 * The file checked (every problem at once, VALIDATION_FAILED), then in one transaction the scheme's codes
 * become the file's, the pages that show classifications are announced, and the load is recorded
 * (`classification.loaded`: counts before and after, the codes added, changed and removed).
 */
async function applyClassificationFile(
  db: Database,
  options: {
    kind: ClassificationKind;
    bytes: Uint8Array;
    sha256: string;
    actor: AuditActor;
    origin: RequestOrigin;
    now: Date;
    lang: Lang;
  },
): Promise<{ diff: ClassificationDiff; before: number; after: number }> {
  const { lang } = options;
  const checked = checkClassificationFile(options.bytes, lang);
  if (!checked.ok)
    throw new DomainError(
      'VALIDATION_FAILED',
      text(lang, 'fileProblems', { count: checked.problems.length }),
      {
        problems: checked.problems.map((message) => ({
          field: 'file',
          code: 'classification_file',
          message,
        })),
      },
    );
  return db.transaction(async (tx) => {
    const diff = await replaceClassifications(tx, options.kind, checked.rows);
    const details = auditDetailsOf(options.kind, options.sha256, diff);
    await recordAudit(tx, {
      occurredAt: options.now,
      actor: options.actor,
      action: 'classification.loaded',
      target: { type: 'classification_scheme', id: options.kind },
      origin: options.origin,
      details,
    });
    // Service pages and the search page show and filter by these codes.
    await announcePublished(tx, 'catalogue');
    await announcePublished(tx, 'search');
    return {
      diff,
      before: diff.unchanged + diff.changed.length + diff.removed.length,
      after: diff.unchanged + diff.changed.length + diff.added.length,
    };
  });
}
