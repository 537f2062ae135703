import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { anApplicantAtDocuments } from '../src/modules/applications/application-test-support.ts';
import { applicationDraftFiles } from '../src/modules/applications/applications-schema.ts';
import { storedFiles } from '../src/platform/files/files-schema.ts';
import { filesOnDisk } from '../src/platform/uploads/upload-app-test-support.ts';
import { docxBomb, htmlPdfPolyglot, samplePdf } from '../src/platform/uploads/upload-test-support.ts';
import type { Lang } from '../src/platform/web/i18n.ts';
import { summaryOf } from './helpers/html.ts';
import { buildTestApp } from './helpers/test-app.ts';

/**
 * Issue 13 §4 over HTTP: a citizen's documents page (the online application's upload, a real route into
 * the real database and file store) refuses the 1 MB .docx that inflates to 1 GiB — whose headers lie
 * about it, so only inflating tells — and the HTML page that starts with `%PDF-` and ends with `%%EOF`,
 * with the usual message in the reader's language, and keeps nothing of them: no stored file, no row,
 * nothing temporary left on disk. In test/ because it uses the applications module.
 */

const subject = await buildTestApp();
const { db } = subject.database;
after(() => subject.app.close());

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** An applicant at the documents page of the building-work start, in `lang`. */
const atDocuments = (lang: Lang) => anApplicantAtDocuments(subject, lang);

const refused = {
  'zh-TW': (name: string) =>
    `施工計畫書：「${name}」不是可接受的檔案類型，請改用 PDF、JPEG、PNG、WebP、HEIC、TIFF、ODT、ODS、DOCX、XLSX 檔。`,
  en: (name: string) =>
    `Construction plan: “${name}” is not an accepted type of file; send a PDF, JPEG, PNG, WebP, HEIC, TIFF, ODT, ODS, DOCX or XLSX file.`,
};

describe('uploads: the content checks over HTTP (issue 13)', () => {
  const bomb = docxBomb({ declaredBytes: 48 * 1024 });
  const polyglot = htmlPdfPolyglot();

  for (const lang of ['zh-TW', 'en'] as const) {
    it(`refuses the lying .docx bomb and the HTML-as-PDF polyglot (${lang}), stores nothing of them, and still takes a real PDF`, async () => {
      const applicant = await atDocuments(lang);
      for (const [name, content, type] of [
        ['施工計畫書.docx', bomb, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        ['施工計畫書.pdf', polyglot, 'application/pdf'],
      ] as const) {
        const response = await applicant.upload([{ field: 'file.construction-plan', name, type, content }]);
        assert.equal(response.statusCode, 400, name);
        assert.deepEqual(summaryOf(response.body), [['file-construction-plan', refused[lang](name)]], name);
        assert.equal(await subject.files.has(sha256(content)), false, `${name} is not in the store`);
        assert.deepEqual(
          await db
            .select()
            .from(storedFiles)
            .where(eq(storedFiles.sha256, sha256(content))),
          [],
        );
      }
      const draft = await applicant.draft();
      assert.deepEqual(
        await db.select().from(applicationDraftFiles).where(eq(applicationDraftFiles.draftId, draft.id)),
        [],
      );
      const temporary = (await filesOnDisk(subject.files.dir)).filter((file) => file.startsWith('tmp'));
      assert.deepEqual(temporary, [], 'nothing temporary left');

      // The same page takes a real PDF (so the refusals above are about the content, not the page).
      const pdf = samplePdf(`upload-checks-${lang}`);
      const good = await applicant.upload([
        { field: 'file.construction-plan', name: '施工計畫書.pdf', type: 'application/pdf', content: pdf },
      ]);
      assert.ok(good.statusCode === 303 || good.statusCode === 400, String(good.statusCode));
      assert.equal(await subject.files.has(sha256(pdf)), true, 'the real PDF is stored');
      const [kept] = await db
        .select()
        .from(applicationDraftFiles)
        .where(eq(applicationDraftFiles.draftId, draft.id));
      assert.equal(kept?.sha256, sha256(pdf));
    });
  }
});
