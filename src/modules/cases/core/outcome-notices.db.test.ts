import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { withEmailDelivery } from '../../../../test/helpers/notification-delivery.ts';
import type { ReceivedMessage } from '../../../../test/helpers/smtp-server.ts';
import { buildTestApp, TestClock } from '../../../../test/helpers/test-app.ts';
import { waitUntil } from '../../../../test/helpers/wait-until.ts';
import { aStaffMember } from '../../../platform/auth/auth-test-support.ts';
import type { CaseRow } from './case-actor.ts';
import { caseActorOf, moveCase, sidewalkPetition, testCasesContext } from './cases-test-support.ts';
import { openCase } from './open-case.ts';

/**
 * Issue 14 #2, through the real SMTP protocol: each way a case ends reaches the applicant in its own words —
 * a rejection says it was not accepted, why and what they can do (never "closed"), a withdrawal is
 * confirmed, a merge names the case that carries the matter on.
 */

const clock = new TestClock(new Date('2026-03-03T02:00:00Z'));
const { app: subject, smtp } = await withEmailDelivery((environment) => buildTestApp({ environment, clock }));
const db = subject.database.db;
after(async () => {
  await subject.app.close();
});

const handler = caseActorOf(await aStaffMember(db, { role: 'handler', unitCode: 'road-maintenance' }));
const clerk = caseActorOf(await aStaffMember(db, { role: 'counter_clerk' }));

async function aPetition(email: string, lang: 'zh-TW' | 'en' = 'zh-TW'): Promise<CaseRow> {
  return openCase(
    testCasesContext(subject),
    sidewalkPetition({ applicantEmail: email, applicantLang: lang, applicantPhone: '' }),
    handler,
  );
}

async function mailAbout(email: string, subjectPattern: RegExp): Promise<ReceivedMessage> {
  const messages = await waitUntil(
    async () =>
      smtp.messages.filter(
        (message) => message.envelopeTo.includes(email) && subjectPattern.test(message.subject),
      ),
    (received) => received.length >= 1,
    { what: `a message to ${email} about ${subjectPattern}`, timeoutMs: 20_000 },
  );
  assert.equal(messages.length, 1, 'once');
  const message = messages[0];
  assert.ok(message);
  return message;
}

describe('each outcome in its own words (issue 14 #2)', () => {
  it('a rejected petition: not accepted, the reason, what the applicant can do; never 結案', async () => {
    const email = 'outcome.rejected@example.tw';
    let row = await aPetition(email);
    row = await moveCase(subject, row, 'reject', { reason: '該路段為私人道路，非本局管養。' }, handler);
    const mail = await mailAbout(email, /不予受理/);
    assert.equal(mail.subject, `【高雄市政府工務局】不予受理（駁回）通知（案號 ${row.caseNumber}）`);
    assert.match(mail.text, /不予受理（駁回），理由如下：\n\n該路段為私人道路，非本局管養。/);
    assert.match(
      mail.text,
      new RegExp(`您可以：\n・情況有變或問題仍在時，請再次陳情或通報，並註明本案號 ${row.caseNumber}。`),
    );
    assert.match(mail.text, /・如認為本決定有誤，請儘速來電道路養護工程處（07-3368333）。/);
    assert.doesNotMatch(mail.text, /結案|訴願/);
  });

  it('a withdrawal is confirmed, in the applicant’s language', async () => {
    const email = 'outcome.withdrawn@example.tw';
    let row = await aPetition(email, 'en');
    row = await moveCase(subject, row, 'withdraw', {}, clerk);
    const mail = await mailAbout(email, /withdrawn/);
    assert.match(mail.subject, new RegExp(`^Your request is withdrawn \\(case ${row.caseNumber}\\) – `));
    assert.match(mail.text, /is withdrawn: we will not handle it further\./);
    assert.doesNotMatch(mail.text, /is closed\. Our answer/);
  });

  it('a merge names the case that carries the matter on', async () => {
    const email = 'outcome.merged@example.tw';
    const kept = await aPetition('outcome.kept@example.tw');
    let row = await aPetition(email);
    row = await moveCase(subject, row, 'merge', { targetCase: kept.caseNumber }, handler);
    const mail = await mailAbout(email, /併案/);
    assert.equal(mail.subject, `【高雄市政府工務局】案件已併案處理（案號 ${row.caseNumber}）`);
    assert.match(mail.text, new RegExp(`與案號 ${kept.caseNumber} 的案件為同一事項，已併入該案一併處理`));
    assert.match(mail.text, new RegExp(`併入案號：${kept.caseNumber}`));
    assert.match(mail.text, new RegExp(`/track\\?case=${row.caseNumber}`), 'the same tracking link');
  });
});
