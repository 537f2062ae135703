import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { testCasesContext } from '../../../../test/helpers/cases-context.ts';
import { decode, mainOf } from '../../../../test/helpers/html.ts';
import { buildTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { auditLog } from '../../../platform/auth/auth-schema.ts';
import { aSignedInMember, csrfTokenIn } from '../../../platform/auth/auth-test-support.ts';
import { caseFaqProposals } from '../../cases/faq-proposals/faq-proposal-schema.ts';
import { type CaseRow, openCase } from '../../cases/index.ts';
import { faqEntries } from './faq-schema.ts';

/**
 * "Propose as FAQ" (issue 15 §5): from the case page of a case the handler may read, the prefilled form
 * with its warning, the open proposal (audited); a handler of another unit is refused; the editors list
 * the proposals, turn one into an entry (the proposal used) or dismiss one.
 */
describe('answers proposed as FAQ from cases', () => {
  let subject: TestApp;
  let petition: CaseRow;
  const description = `中正三路人行道地磚鬆動，要找哪個單位修？${Date.now()}`;
  before(async () => {
    subject = await buildTestApp();
    petition = await openCase(
      testCasesContext(subject),
      {
        serviceCode: 'road-maintenance-petition',
        channel: 'counter',
        applicantType: 'person',
        applicantName: '王小明',
        applicantPhone: '0912345678',
        applicantLang: 'zh-TW',
        consent: true,
        description,
        formData: { 'place-kind': 'sidewalk' },
        address: '高雄市新興區中正三路 50 號前',
      },
      { kind: 'system' },
    );
  });
  after(() => subject.app.close());

  const proposalsOfCase = () =>
    subject.database.db.select().from(caseFaqProposals).where(eq(caseFaqProposals.caseId, petition.id));

  it('a handler of the case’s unit proposes its answer: prefilled, warned, every problem at once, then sent', async () => {
    const handler = await aSignedInMember(subject, { role: 'handler', unitCode: petition.unitCode });
    const casePage = await handler.get(`/staff/cases/${petition.caseNumber}`);
    assert.match(
      casePage.body,
      new RegExp(
        `<a class="govuk-link" href="/staff/cases/${petition.caseNumber}/faq-proposal">提報為常見問答</a>`,
      ),
    );
    const path = `/staff/cases/${petition.caseNumber}/faq-proposal`;
    const form = await handler.get(path);
    assert.equal(form.statusCode, 200);
    const main = decode(mainOf(form.body));
    assert.match(main, /id="faq-proposal-warning">請刪除姓名、電話、地址/);
    assert.match(main, new RegExp(`<textarea[^>]*name="question"[^>]*>[^<]*${description}</textarea>`));
    const english = decode(mainOf((await handler.get(`/en${path}`)).body));
    assert.match(english, /Remove names, phone numbers, addresses/);

    const bad = await handler.post(path, {
      _csrf: csrfTokenIn(form.body),
      question: '',
      answer: 'x'.repeat(4001),
    });
    assert.equal(bad.statusCode, 400);
    const badMain = decode(mainOf(bad.body));
    for (const target of ['question', 'answer', 'confirm'])
      assert.match(badMain, new RegExp(`<a href="#${target}">`), target);
    assert.equal((await proposalsOfCase()).length, 0);

    const sent = await handler.post(path, {
      _csrf: csrfTokenIn(form.body),
      question: '人行道地磚鬆動要找誰修？',
      answer: '請向養護工程處通報，五個工作天內派員查看。',
      confirm: 'yes',
    });
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, `${path}?sent=1`);
    const [proposal] = await proposalsOfCase();
    assert.equal(proposal?.state, 'open');
    assert.equal(proposal?.question, '人行道地磚鬆動要找誰修？');
    assert.equal(proposal?.proposedByStaffId, handler.member.id);
    const [audit] = await subject.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'case.faq_proposed'));
    assert.equal(audit?.targetId, petition.id);
    assert.deepEqual(audit?.details, { proposalId: proposal?.id });
  });

  it('a handler of another unit may not propose on a case they cannot read (403, nothing written)', async () => {
    const before = (await proposalsOfCase()).length;
    const stranger = await aSignedInMember(subject, { role: 'handler', unitCode: 'parks' });
    const path = `/staff/cases/${petition.caseNumber}/faq-proposal`;
    assert.equal((await stranger.get(path)).statusCode, 403);
    const token = csrfTokenIn((await stranger.get('/staff')).body);
    const posted = await stranger.post(path, {
      _csrf: token,
      question: '問題',
      answer: '回答',
      confirm: 'yes',
    });
    assert.equal(posted.statusCode, 403);
    assert.equal((await proposalsOfCase()).length, before);
    const editor = await aSignedInMember(subject, { role: 'web_editor' });
    assert.equal((await editor.get(path)).statusCode, 403);
  });

  it('the editors turn a proposal into an entry (the proposal used) and dismiss another', async () => {
    const { db } = subject.database;
    const [proposal] = await proposalsOfCase();
    assert.ok(proposal);
    const editor = await aSignedInMember(subject, { role: 'web_editor' });
    const list = decode(mainOf((await editor.get('/staff/faq/proposals')).body));
    assert.match(list, new RegExp(`data-proposal="${proposal.id}"[\\s\\S]*人行道地磚鬆動要找誰修？`));
    assert.match(list, new RegExp(`href="/staff/faq/new\\?proposal=${proposal.id}"`));
    const home = decode(mainOf((await editor.get('/staff/faq')).body));
    assert.match(home, /案件提報的問答建議（\d+ 則待處理）/);

    const form = await editor.get(`/staff/faq/new?proposal=${proposal.id}`);
    const formMain = decode(mainOf(form.body));
    assert.match(formMain, new RegExp(`<input type="hidden" name="proposalId" value="${proposal.id}"/>`));
    assert.match(formMain, /name="questionZh"[^>]*value="人行道地磚鬆動要找誰修？"/);
    assert.match(
      formMain,
      /<textarea[^>]*name="answerZh"[^>]*>請向養護工程處通報，五個工作天內派員查看。<\/textarea>/,
    );
    const created = await editor.post('/staff/faq/new', {
      _csrf: csrfTokenIn(form.body),
      proposalId: proposal.id,
      questionZh: '人行道地磚鬆動要找誰修？',
      answerZh: '請向養護工程處通報，五個工作天內派員查看。',
      unitCode: 'road-maintenance',
    });
    assert.equal(created.statusCode, 303);
    const [entry] = await db.select().from(faqEntries).where(eq(faqEntries.sourceProposalId, proposal.id));
    assert.ok(entry);
    const [used] = await proposalsOfCase();
    assert.equal(used?.state, 'used');
    assert.equal(used?.faqEntryId, entry.id);
    assert.equal(used?.closedByStaffId, editor.member.id);
    // The same proposal again: refused with its reason, no second entry.
    const twice = await editor.post('/staff/faq/new', {
      _csrf: csrfTokenIn(form.body),
      proposalId: proposal.id,
      questionZh: '人行道地磚鬆動要找誰修？',
      answerZh: '再一次',
      unitCode: 'road-maintenance',
    });
    assert.equal(twice.statusCode, 400);
    assert.match(decode(mainOf(twice.body)), /這則問答建議已處理過/);
    assert.equal(
      (await db.select().from(faqEntries).where(eq(faqEntries.sourceProposalId, proposal.id))).length,
      1,
    );

    const [other] = await db
      .insert(caseFaqProposals)
      .values({
        caseId: petition.id,
        question: '另一個問題',
        answer: '另一個回答',
        proposedByStaffId: editor.member.id,
      })
      .returning();
    assert.ok(other);
    const page = await editor.get('/staff/faq/proposals');
    const dismissed = await editor.post(`/staff/faq/proposals/${other.id}/dismiss`, {
      _csrf: csrfTokenIn(page.body),
    });
    assert.equal(dismissed.statusCode, 303);
    assert.equal(dismissed.headers.location, '/staff/faq/proposals?done=dismissed');
    const [closed] = await db.select().from(caseFaqProposals).where(eq(caseFaqProposals.id, other.id));
    assert.equal(closed?.state, 'dismissed');
    const again = await editor.post(`/staff/faq/proposals/${other.id}/dismiss`, {
      _csrf: csrfTokenIn(page.body),
    });
    assert.equal(again.statusCode, 409);
    const after = decode(mainOf((await editor.get('/staff/faq/proposals?done=dismissed')).body));
    assert.match(after, /已標示為不採用。/);
    assert.doesNotMatch(after, new RegExp(`data-proposal="${other.id}"`));
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'faq.proposal_dismiss'));
    assert.equal(audits.filter((row) => row.targetId === other.id).length, 1);
  });
});
