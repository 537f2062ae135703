import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sniffMediaType, sniffMediaTypeOf } from './sniff.ts';
import { htmlPdfPolyglot, samplePdf, samplePdfWithXrefStream } from './upload-test-support.ts';

/**
 * A PDF is a PDF's structure, not its first bytes (issue 13 §4): an HTML page that started with `%PDF-`
 * and ended with `%%EOF` was stored as a PDF and served inline to staff.
 */

const typeOf = async (bytes: Buffer) => (await sniffMediaType(bytes))?.mediaType ?? null;
const pdf = (text: string) => Buffer.from(text, 'latin1');

/** A PDF with a classic table, built as text so that each test can change one thing and keep offsets right. */
function classicPdf(
  options: { version?: string; head?: string; trailer?: string; after?: string } = {},
): Buffer {
  let body = `%PDF-${options.version ?? '1.7'}\n${options.head ?? '%\xe2\xe3\xcf\xd3\n'}`;
  const offsets: number[] = [];
  for (const object of ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']) {
    offsets.push(body.length);
    body += `${offsets.length} 0 obj\n${object}\nendobj\n`;
  }
  const xref = body.length;
  body += 'xref\n0 3\n0000000000 65535 f\r\n';
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n\r\n`;
  body += `trailer\n${options.trailer ?? '<< /Size 3 /Root 1 0 R /ID [<01ab><01ab>] >>'}\nstartxref\n${xref}\n%%EOF${options.after ?? '\n'}`;
  return pdf(body);
}

describe('PDF: what passes', () => {
  it('a PDF with a cross-reference table, one with a cross-reference stream, PDF 1.0 to 2.0, CR line ends, padding after %%EOF', async () => {
    assert.equal(await typeOf(samplePdf()), 'application/pdf');
    assert.equal(await typeOf(samplePdfWithXrefStream()), 'application/pdf');
    for (const version of ['1.0', '1.4', '1.7', '2.0'])
      assert.equal(await typeOf(classicPdf({ version })), 'application/pdf', version);
    assert.equal(await typeOf(classicPdf({ after: '\r\n\0\0  ' })), 'application/pdf');
    assert.equal(
      await typeOf(Buffer.from(classicPdf().toString('latin1').replaceAll('\n', '\r'), 'latin1')),
      'application/pdf',
    );
  });

  it('a PDF updated in place: the last startxref names the newest table, whose trailer repeats /Root', async () => {
    const first = classicPdf().toString('latin1');
    const firstXref = Number(/startxref\n(\d+)/.exec(first)?.[1]);
    const objectAt = first.length;
    let update = '3 0 obj\n<< /Producer (OneWindow) >>\nendobj\n';
    const xref = objectAt + update.length;
    update += `xref\n3 1\n${String(objectAt).padStart(10, '0')} 00000 n\r\n`;
    update += `trailer\n<< /Size 4 /Root 1 0 R /Info 3 0 R /Prev ${firstXref} >>\nstartxref\n${xref}\n%%EOF\n`;
    assert.equal(await typeOf(pdf(first + update)), 'application/pdf');
  });

  it('a linearized PDF: the last startxref names the first-page table near the start, its trailer names /Root', async () => {
    // The shape only (a linearization dictionary, the first-page table and trailer, then the rest).
    let body = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
    body += '4 0 obj\n<< /Linearized 1 /L 1000 /H [0 0] /O 1 /E 0 /N 1 /T 0 >>\nendobj\n';
    const firstPageXref = body.length;
    body +=
      'xref\n4 1\n0000000015 00000 n\r\ntrailer\n<< /Size 5 /Root 1 0 R /Prev 0 >>\nstartxref\n0\n%%EOF\n';
    body +=
      '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n';
    body += `xref\n0 3\n0000000000 65535 f\r\n${'0'.repeat(10)} 00000 n\r\n${'0'.repeat(10)} 00000 n\r\n`;
    body += `trailer\n<< /Size 3 >>\nstartxref\n${firstPageXref}\n%%EOF\n`;
    assert.equal(await typeOf(pdf(body)), 'application/pdf');
  });

  it('a PDF read in windows of any size gives the same answer', async () => {
    for (const bytes of [samplePdf(), samplePdfWithXrefStream(), htmlPdfPolyglot()]) {
      const expected = await sniffMediaType(bytes);
      for (const windowBytes of [7, 64, 64 * 1024]) {
        const source = {
          size: bytes.length,
          read: async (offset: number, length: number) => bytes.subarray(offset, offset + length),
        };
        assert.deepEqual(await sniffMediaTypeOf(source, { windowBytes }), expected);
      }
    }
  });
});

describe('PDF: what is refused', () => {
  it('the HTML page that starts with %PDF- and ends with %%EOF', async () => {
    assert.equal(await typeOf(htmlPdfPolyglot()), null);
  });

  it('HTML or SVG markup in the first KiB, even with a whole PDF structure around it', async () => {
    for (const markup of [
      '<html>',
      '<!DOCTYPE html>',
      '<SCRIPT>alert(1)</SCRIPT>',
      '<body onload=x>',
      '<svg onload=x>',
      '<iframe src=x>',
    ]) {
      assert.equal(await typeOf(classicPdf({ head: `%${markup}\n` })), null, markup);
    }
    assert.equal(await typeOf(classicPdf({ head: '% a comment, no markup\n' })), 'application/pdf');
  });

  it('a truncated PDF, and one cut just before %%EOF', async () => {
    const whole = samplePdf();
    assert.equal(await typeOf(whole.subarray(0, whole.length - 40)), null);
    assert.equal(await typeOf(whole.subarray(0, whole.length - 6)), null);
    assert.equal(await typeOf(whole.subarray(0, Math.floor(whole.length / 2))), null);
  });

  it('a startxref that points nowhere, past itself, into an object, or at a table without /Root', async () => {
    const text = samplePdf().toString('latin1');
    const xref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    const pointing = (offset: number) => pdf(text.replace(/startxref\n\d+/, `startxref\n${offset}`));
    assert.equal(await typeOf(pointing(xref)), 'application/pdf', 'the real offset');
    assert.equal(await typeOf(pointing(xref + 3)), null, 'the middle of the keyword');
    assert.equal(await typeOf(pointing(9)), null, 'the first object');
    assert.equal(await typeOf(pointing(text.length + 10)), null, 'past the end');
    assert.equal(await typeOf(classicPdf({ trailer: '<< /Size 3 >>' })), null, 'no /Root');
    assert.equal(await typeOf(pdf(text.replace(/startxref\n\d+\n/, 'startxref\n\n'))), null, 'no offset');
  });

  it('a cross-reference stream that is not one (no /Type /XRef or no /Root), a bad header, bytes after %%EOF', async () => {
    const stream = samplePdfWithXrefStream().toString('latin1');
    assert.equal(await typeOf(pdf(stream.replace('/Type /XRef', '/Type /XObj'))), null);
    assert.equal(await typeOf(pdf(stream.replace('/Root 1 0 R', '/Info 1 0 R'))), null);
    assert.equal(await typeOf(classicPdf({ version: '1.9' })), null);
    assert.equal(await typeOf(classicPdf({ version: '3.0' })), null);
    assert.equal(await typeOf(classicPdf({ after: '\n<html><script>alert(1)</script>' })), null);
    const prefixed = Buffer.concat([Buffer.from(' '), samplePdf()]);
    assert.equal(await typeOf(prefixed), null, 'not at offset 0');
  });
});
