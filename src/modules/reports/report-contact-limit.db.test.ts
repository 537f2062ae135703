import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { multipartActionOf } from '../../../test/helpers/form-action.ts';
import { decode, mainOf } from '../../../test/helpers/html.ts';
import { buildTestApp, TestClock } from '../../../test/helpers/test-app.ts';
import { csrfTokenIn, TestBrowser } from '../../platform/auth/auth-test-support.ts';
import { cases } from '../cases/index.ts';

/**
 * The per-contact hourly limit (REPORT_LIMIT_PER_CONTACT_PER_HOUR, report-limits.ts) by phone number, not
 * only by e-mail: reports giving the same mobile number, typed three ways, from three client addresses, are
 * counted together; the one past the limit is refused with when to try again. The per-IP limit (20 an
 * hour) is never near: each report comes from an address of its own.
 */

// 10:25 in Taipei: the hour's window ends at 11:00, 35 minutes on.
const clock = new TestClock(new Date('2026-03-02T02:25:00Z'));
const subject = await buildTestApp({ clock, environment: { REPORT_LIMIT_PER_CONTACT_PER_HOUR: '2' } });
const { db } = subject.database;
after(() => subject.app.close());

/** What a TestBrowser keeps of an answer. */
type Response = ReturnType<TestBrowser['keep']>;

let clientCount = 0;
/** The form opened and sent from a browser of its own, at an address of its own. */
async function sendReport(fields: Record<string, string>) {
  clientCount += 1;
  const remoteAddress = `198.51.100.${clientCount}`;
  const browser = new TestBrowser(subject.app);
  const page = browser.keep(
    (await subject.app.inject({ method: 'GET', url: '/report', remoteAddress })) as unknown as Response,
  );
  const form = new FormData();
  form.append('_csrf', csrfTokenIn(page.body));
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return browser.keep(
    (await subject.app.inject({
      method: 'POST',
      url: multipartActionOf(page.body),
      remoteAddress,
      headers: { cookie: browser.cookieHeader() },
      payload: form,
    })) as unknown as Response,
  );
}

let pointCount = 0;
/** A pothole report giving only a phone number, each about 220 m from the last (no duplicate step). */
function aReportWithPhone(phone: string): Record<string, string> {
  pointCount += 1;
  return {
    serviceCode: 'pothole-report',
    latitude: (22.6203 + pointCount * 0.002).toFixed(6),
    longitude: '120.312000',
    address: '',
    districtCode: '',
    'answer.pothole-report.size': 'medium',
    description: '機車道有一個約 30 公分的坑洞，晚上很難看到。',
    applicantName: '',
    applicantEmail: '',
    applicantPhone: phone,
    showName: 'no',
    homepage: '',
  };
}

const sentNumberOf = (response: Response) => {
  assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
  const match = /^\/report\/sent\/(\d{7}-\d{4,6})$/.exec(String(response.headers.location));
  assert.ok(match?.[1], `a confirmation page: ${response.headers.location}`);
  return match[1];
};
const caseCount = async () => (await db.select({ n: count() }).from(cases))[0]?.n ?? 0;

describe('the per-contact hourly limit by phone number', () => {
  it('the same mobile typed 0912-345-678 and 0912345678 from different addresses counts as one contact: the third is refused with when to try again', async () => {
    const first = sentNumberOf(await sendReport(aReportWithPhone('0912-345-678')));
    const second = sentNumberOf(await sendReport(aReportWithPhone('0912345678')));
    const [stored] = await db
      .select({ phone: cases.applicantPhone })
      .from(cases)
      .where(eq(cases.caseNumber, second));
    assert.equal(stored?.phone, '0912345678');
    assert.notEqual(first, second);

    const before = await caseCount();
    const refused = await sendReport(aReportWithPhone('+886 912 345 678'));
    assert.equal(refused.statusCode, 429);
    assert.equal(refused.headers['retry-after'], String(35 * 60));
    const main = decode(mainOf(refused.body));
    assert.match(main, /短時間內送出太多通報/);
    assert.match(main, /請在 民國115年3月2日 11:00 以後（約 35 分鐘後）再試一次/);
    assert.equal(await caseCount(), before, 'nothing is written for the refused report');

    // Another number from the next address is not held back: the limit is the number's, not the form's.
    sentNumberOf(await sendReport(aReportWithPhone('07-336 8333')));

    // The limit is for the hour, not for ever: at 11:00 the same number may report again.
    clock.advance(35 * 60 * 1000);
    sentNumberOf(await sendReport(aReportWithPhone('0912 345 678')));
  });
});
