import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { mainOf } from '../../../../test/helpers/html.ts';
import { auditLog } from '../../../platform/auth/auth-schema.ts';
import { aSignedInMember, csrfTokenIn } from '../../../platform/auth/auth-test-support.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import type { CaseRow } from '../core/case-actor.ts';
import { caseActorOf, moveCase } from '../core/cases-test-support.ts';
import { errorSummaryItems, Visitor } from '../track/track-test-support.ts';
import { paymentTestBed } from './payment-test-support.ts';

/**
 * The fee (issue 11 §3) through the real app, PostgreSQL and an SMTP server: asking for it, paying online
 * through the simulated provider (Pay → simulator → callback and return), every bad callback refused or a
 * no-op with nothing changed, the counter payment, the receipt and the refund.
 */

const bed = await paymentTestBed();
const { subject, smtp, db, provider, members, currentRow, paymentsOf, callbacksOf, postCallback } = bed;

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof DomainError, String(error));
    return error;
  }
  assert.fail('expected a refusal');
}

/** The case and its payments as they are, to check nothing changed. */
async function snapshot(row: CaseRow) {
  const current = await currentRow(row.id);
  return {
    state: current.state,
    version: current.version,
    feePaidAt: current.feePaidAt,
    payments: (await paymentsOf(row.id)).map((payment) => ({ ...payment })),
  };
}

async function refusedAudits(paymentId: string) {
  return db
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'payment.callback_refused'), eq(auditLog.targetId, paymentId)));
}

/** The applicant's e-mail address of a case (each case of the bed has its own). */
const payerOf = (row: CaseRow) => row.applicantEmail ?? '';

describe('asking for the fee and deciding', () => {
  it('request_payment is refused for a case that owes nothing, in the user’s language, and changes nothing', async () => {
    const free = await bed.anAcceptedApplication({ lines: [] });
    const error = await refusal(
      moveCase(subject, free, 'request_payment', {}, caseActorOf(members().handler)),
    );
    assert.equal(error.code, 'VALIDATION_FAILED');
    assert.deepEqual(
      error.problems.map((problem) => [problem.code, problem.message]),
      [['no_fee_owed', '這個案件不需繳費或已繳清，無須通知繳費。']],
    );
    const after = await currentRow(free.id);
    assert.equal(after.state, 'accepted');
    assert.equal(after.version, free.version);
  });

  it('resolve is refused while the fee is owed and unpaid; asking for it pauses the clock and e-mails the amount and lines', async () => {
    const email = 'owed-fee@example.tw';
    const accepted = await bed.anAcceptedApplication({ email });
    const started = await moveCase(subject, accepted, 'start', {}, caseActorOf(members().handler));
    const error = await refusal(
      moveCase(subject, started, 'resolve', { resolution: '准予挖掘。' }, caseActorOf(members().handler)),
    );
    assert.deepEqual(
      error.problems.map((problem) => problem.code),
      ['fee_not_paid'],
    );
    assert.equal((await currentRow(started.id)).state, 'in_progress');

    const awaiting = await moveCase(subject, started, 'request_payment', {}, caseActorOf(members().handler));
    assert.equal(awaiting.state, 'awaiting_payment');
    assert.equal(awaiting.dueAt, null, 'the clock stops while the fee is owed');
    const message = await waitForMail(email, /請繳納規費 NT\$5,000/);
    assert.match(message.text, /1\. 道路挖掘審查費：NT\$1,000/);
    assert.match(message.text, /2\. 路面修復費（每平方公尺）：NT\$1,600 × 2\.5 = NT\$4,000/);
    assert.match(message.text, new RegExp(`/track\\?case=${awaiting.caseNumber}`));
  });
});

async function waitForMail(recipient: string, subjectPattern: RegExp) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = smtp.messages.find(
      (message) => message.envelopeTo.includes(recipient) && subjectPattern.test(message.subject),
    );
    if (found) return found;
    if (Date.now() > deadline) assert.fail(`no message to ${recipient} matching ${subjectPattern}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('paying online through the simulated provider', () => {
  it('Pay → the simulator page → pay: the callback applies it once, the return shows the receipt, the receipt is e-mailed', async () => {
    const email = 'online-payer@example.tw';
    const row = await bed.anAwaitingCase({ email });
    const visitor = new Visitor(subject.app);
    const result = await visitor.lookUp(row.caseNumber, row.lookupCode);
    assert.equal(result.statusCode, 200);
    const payPage = await visitor.submitForm(result, '/track/payment');
    assert.equal(payPage.statusCode, 200);
    const payMain = mainOf(payPage.body);
    assert.match(payMain, /data-fee-total="5000"/);
    assert.match(payMain, /路面修復費（每平方公尺） \(NT\$1,600 × 2\.5\)/);

    const toProvider = await visitor.submitForm(payPage, '/track/payment/start');
    assert.equal(toProvider.statusCode, 303);
    const providerUrl = new URL(String(toProvider.headers.location), subject.config.publicBaseUrl);
    assert.equal(providerUrl.pathname, '/payment-simulator');
    const [pending] = await paymentsOf(row.id);
    assert.ok(pending);
    assert.deepEqual(
      [pending.state, pending.amountTwd, pending.method, pending.provider],
      ['pending', 5000, 'online', 'simulated'],
    );

    const simulator = await visitor.get(`${providerUrl.pathname}${providerUrl.search}`);
    assert.equal(simulator.statusCode, 200);
    const simulatorMain = mainOf(simulator.body);
    assert.match(simulatorMain, /模擬付款/);
    assert.match(simulatorMain, /data-amount="5000"/);
    const back = await visitor.submitForm(simulator, '/payment-simulator', { outcome: 'paid' });
    assert.equal(back.statusCode, 303);

    // The callback (server to server) was applied before the browser came back.
    const paid = await currentRow(row.id);
    assert.equal(paid.state, 'in_progress');
    assert.ok(paid.feePaidAt !== null);
    assert.ok(paid.dueAt !== null, 'the clock runs again');
    const [payment] = await paymentsOf(row.id);
    assert.equal(payment?.state, 'paid');
    assert.match(payment?.receiptNumber ?? '', new RegExp(`^W${row.caseNumber}-[0-9A-F]{8}$`));
    assert.match(payment?.providerReference ?? '', /^SIM\./);

    const returned = await visitor.get(String(back.headers.location));
    assert.equal(returned.statusCode, 200);
    assert.match(mainOf(returned.body), new RegExp(`data-receipt-number="true">${payment?.receiptNumber}<`));
    assert.deepEqual(
      (await callbacksOf(pending.id)).map((callback) => [callback.outcome, callback.details.via]),
      [
        ['applied', 'callback'],
        ['duplicate', 'return'],
      ],
    );
    const after = await currentRow(row.id);
    assert.equal(after.version, paid.version, 'the return changed nothing');

    const receipt = await waitForMail(email, /繳費收據/);
    assert.match(receipt.subject, new RegExp(`繳費收據 ${payment?.receiptNumber}`));
    assert.match(receipt.text, /付款方式：線上付款/);
    assert.match(receipt.text, /金額：NT\$5,000/);

    // The receipt page on /track.
    const tracked = await visitor.lookUp(row.caseNumber, row.lookupCode);
    const receiptPage = await visitor.submitForm(tracked, '/track/payment/receipt');
    assert.equal(receiptPage.statusCode, 200);
    const receiptMain = mainOf(receiptPage.body);
    assert.match(receiptMain, new RegExp(`data-receipt="${payment?.receiptNumber}"`));
    assert.match(receiptMain, /線上付款/);
    assert.match(receiptMain, /道路挖掘審查費：NT\$1,000/);

    // The same callback again (a replay): a no-op, recorded as a duplicate.
    const replay = await postCallback(
      provider.settle({ paymentId: pending.id, amount: 5000, currency: 'TWD' }, 'paid', bed.clock.now()),
    );
    assert.equal(replay.statusCode, 200);
    assert.deepEqual(replay.json(), { outcome: 'duplicate' });
    assert.equal((await currentRow(row.id)).version, paid.version);
    assert.equal((await callbacksOf(pending.id)).at(-1)?.outcome, 'duplicate');
  });

  it('the same callback twice, at once: applied once, the other a duplicate', async () => {
    const row = await bed.anAwaitingCase();
    const paymentId = await bed.aPendingPayment(row);
    const fields = provider.settle({ paymentId, amount: 5000, currency: 'TWD' }, 'paid', bed.clock.now());
    const answers = await Promise.all([postCallback(fields), postCallback(fields)]);
    assert.deepEqual(answers.map((answer) => answer.json().outcome).sort(), ['applied', 'duplicate']);
    const after = await currentRow(row.id);
    assert.equal(after.state, 'in_progress');
    assert.equal(after.version, row.version + 1);
    assert.deepEqual(
      (await paymentsOf(row.id)).map((payment) => payment.state),
      ['paid'],
    );
  });

  it('a forged callback (bad signature) is refused with 400, audited without personal data, and changes nothing', async () => {
    const row = await bed.anAwaitingCase();
    const paymentId = await bed.aPendingPayment(row);
    const before = await snapshot(row);
    const fields = provider.settle({ paymentId, amount: 5000, currency: 'TWD' }, 'paid', bed.clock.now());
    const forged = await postCallback({ ...fields, amount: '1' });
    assert.equal(forged.statusCode, 400);
    assert.deepEqual(forged.json(), { outcome: 'bad_signature' });
    const noSignature = await postCallback({ ...fields, signature: '' });
    assert.equal(noSignature.statusCode, 400);
    assert.deepEqual(await snapshot(row), before);
    assert.deepEqual(
      (await callbacksOf(paymentId)).map((callback) => callback.outcome),
      ['bad_signature', 'bad_signature'],
    );
    const audits = await refusedAudits(paymentId);
    assert.equal(audits.length, 2);
    assert.deepEqual(audits[0]?.details, {
      outcome: 'bad_signature',
      via: 'callback',
      provider: 'simulated',
    });
  });

  it('a signed callback for the wrong amount or currency is refused (400) and changes nothing', async () => {
    const row = await bed.anAwaitingCase();
    const paymentId = await bed.aPendingPayment(row);
    const before = await snapshot(row);
    const wrongAmount = await postCallback(
      provider.settle({ paymentId, amount: 4999, currency: 'TWD' }, 'paid', bed.clock.now()),
    );
    assert.equal(wrongAmount.statusCode, 400);
    assert.deepEqual(wrongAmount.json(), { outcome: 'wrong_amount' });
    const wrongCurrency = await postCallback(
      provider.settle({ paymentId, amount: 5000, currency: 'USD' }, 'paid', bed.clock.now()),
    );
    assert.equal(wrongCurrency.statusCode, 400);
    assert.deepEqual(wrongCurrency.json(), { outcome: 'wrong_currency' });
    assert.deepEqual(await snapshot(row), before);
    assert.deepEqual(
      (await callbacksOf(paymentId)).map((callback) => callback.outcome),
      ['wrong_amount', 'wrong_currency'],
    );
    assert.equal((await refusedAudits(paymentId)).length, 2);
  });

  it('a callback for a case already paid by another payment, or for an unknown payment, is refused and changes nothing', async () => {
    const row = await bed.anAwaitingCase();
    const first = await bed.aPendingPayment(row);
    const second = await bed.aPendingPayment(row);
    const applied = await postCallback(
      provider.settle({ paymentId: first, amount: 5000, currency: 'TWD' }, 'paid', bed.clock.now()),
    );
    assert.deepEqual(applied.json(), { outcome: 'applied' });
    const before = await snapshot(row);
    const again = await postCallback(
      provider.settle({ paymentId: second, amount: 5000, currency: 'TWD' }, 'paid', bed.clock.now()),
    );
    assert.equal(again.statusCode, 409);
    assert.deepEqual(again.json(), { outcome: 'already_paid' });
    assert.deepEqual(await snapshot(row), before);

    const unknownId = '00000000-0000-4000-8000-000000000000';
    const unknown = await postCallback(
      provider.settle({ paymentId: unknownId, amount: 5000, currency: 'TWD' }, 'paid', bed.clock.now()),
    );
    assert.equal(unknown.statusCode, 404);
    assert.deepEqual(unknown.json(), { outcome: 'unknown_payment' });
    assert.deepEqual(await snapshot(row), before);
  });

  it('paid after the case was withdrawn: refused as not awaiting, the case does not move, and a refund is due', async () => {
    const row = await bed.anAwaitingCase();
    const paymentId = await bed.aPendingPayment(row);
    const withdrawn = await moveCase(
      subject,
      await currentRow(row.id),
      'withdraw',
      {},
      { kind: 'applicant' },
    );
    const late = await postCallback(
      provider.settle({ paymentId, amount: 5000, currency: 'TWD' }, 'paid', bed.clock.now()),
    );
    assert.equal(late.statusCode, 409);
    assert.deepEqual(late.json(), { outcome: 'not_awaiting' });
    const after = await currentRow(row.id);
    assert.equal(after.state, 'withdrawn');
    assert.ok(after.feePaidAt !== null, 'the money was taken: counted as paid, so a refund is due');
    assert.deepEqual(
      (await paymentsOf(row.id)).map((payment) => payment.state),
      ['paid'],
    );
    assert.equal(withdrawn.state, 'withdrawn');
    assert.equal((await refusedAudits(paymentId)).length, 1);
    const supervisor = await aSignedInMember(subject, { role: 'supervisor', unitCode: row.unitCode });
    assert.match(
      mainOf((await supervisor.get(`/staff/cases/${row.caseNumber}/payment`)).body),
      /data-refund-due/,
    );
  });

  it('in English: the Pay page, the simulator and the return speak English', async () => {
    const row = await bed.anAwaitingCase();
    const visitor = new Visitor(subject.app);
    const result = await visitor.lookUp(row.caseNumber, row.lookupCode, 'en');
    const payPage = await visitor.submitForm(result, '/en/track/payment');
    assert.match(mainOf(payPage.body), /Pay the fee: case/);
    assert.match(mainOf(payPage.body), /Road reinstatement fee \(per square metre\) \(NT\$1,600 × 2\.5\)/);
    const toProvider = await visitor.submitForm(payPage, '/en/track/payment/start');
    const location = String(toProvider.headers.location);
    assert.match(location, /^\/en\/payment-simulator\?/);
    const simulator = await visitor.get(location);
    assert.match(mainOf(simulator.body), /Simulated payment \(for testing\)/);
    const back = await visitor.submitForm(simulator, '/en/payment-simulator', { outcome: 'paid' });
    assert.match(String(back.headers.location), /^\/en\/payment\/return\?/);
    const returned = await visitor.get(String(back.headers.location));
    assert.match(mainOf(returned.body), /Payment complete/);
  });

  it('cancelling on the simulator leaves the case waiting and the payment failed; the return page says so', async () => {
    const row = await bed.anAwaitingCase();
    const paymentId = await bed.aPendingPayment(row);
    const fields = provider.settle(
      { paymentId, amount: 5000, currency: 'TWD' },
      'cancelled',
      bed.clock.now(),
    );
    const returned = await subject.app.inject({
      method: 'GET',
      url: `/payment/return?${new URLSearchParams(fields)}`,
    });
    assert.equal(returned.statusCode, 200);
    assert.match(mainOf(returned.body), /付款沒有完成/);
    const after = await currentRow(row.id);
    assert.equal(after.state, 'awaiting_payment');
    assert.deepEqual(
      (await paymentsOf(row.id)).map((payment) => payment.state),
      ['failed'],
    );
  });
});

describe('the counter payment and the refund', () => {
  it('a counter clerk records a payment; a receipt number used before is refused with every problem listed', async () => {
    const clerk = await aSignedInMember(subject, { role: 'counter_clerk' });
    const first = await bed.anAwaitingCase();
    // On the case page, "Fee paid" leads to the payment page's form, not the generic event form.
    const casePage = mainOf((await clerk.get(`/staff/cases/${first.caseNumber}`)).body);
    assert.match(casePage, new RegExp(`href="/staff/cases/${first.caseNumber}/payment"`));
    assert.doesNotMatch(casePage, /events\/payment_received/);
    assert.match(casePage, /data-fee-status="owed"/);
    const page = await clerk.get(`/staff/cases/${first.caseNumber}/payment`);
    assert.equal(page.statusCode, 200);
    assert.match(mainOf(page.body), /data-amount-due="5000"/);
    const receiptNumber = `A${first.caseNumber}`;
    const recorded = await clerk.post(`/staff/cases/${first.caseNumber}/payment`, {
      _csrf: csrfTokenIn(page.body),
      version: String(first.version),
      method: 'cash',
      receiptNumber,
    });
    assert.equal(recorded.statusCode, 303);
    const paid = await currentRow(first.id);
    assert.equal(paid.state, 'in_progress');
    assert.ok(paid.feePaidAt !== null);
    const [payment] = await paymentsOf(first.id);
    assert.deepEqual(
      [payment?.state, payment?.method, payment?.receiptNumber, payment?.amountTwd, payment?.recordedBy],
      ['paid', 'cash', receiptNumber, 5000, clerk.member.id],
    );

    const receipt = await waitForMail(payerOf(first), /繳費收據/);
    assert.match(receipt.text, /付款方式：現金/);
    assert.match(receipt.text, new RegExp(`收據號碼：${receiptNumber}`));

    const second = await bed.anAwaitingCase();
    const secondPage = await clerk.get(`/staff/cases/${second.caseNumber}/payment`);
    const empty = await clerk.post(`/staff/cases/${second.caseNumber}/payment`, {
      _csrf: csrfTokenIn(secondPage.body),
      version: String(second.version),
      method: '',
      receiptNumber: '',
    });
    assert.equal(empty.statusCode, 400);
    assert.equal(errorSummaryItems(empty.body).length, 2);
    const duplicate = await clerk.post(`/staff/cases/${second.caseNumber}/payment`, {
      _csrf: csrfTokenIn(secondPage.body),
      version: String(second.version),
      method: 'card',
      receiptNumber,
    });
    assert.equal(duplicate.statusCode, 400);
    assert.deepEqual(errorSummaryItems(duplicate.body), ['這個收據號碼已經記錄過，請確認收據上的號碼。']);
    assert.match(duplicate.body, new RegExp(`value="${receiptNumber}"`), 'what was typed is kept');
    // Only a counter clerk records a payment.
    const handler = await aSignedInMember(subject, { role: 'handler' });
    const forbidden = await handler.post(`/staff/cases/${second.caseNumber}/payment`, {
      _csrf: csrfTokenIn((await handler.get(`/staff/cases/${second.caseNumber}/payment`)).body),
      version: String(second.version),
      method: 'cash',
      receiptNumber: `B${second.caseNumber}`,
    });
    assert.equal(forbidden.statusCode, 403);
    const unchanged = await currentRow(second.id);
    assert.equal(unchanged.state, 'awaiting_payment');
    assert.equal(unchanged.version, second.version);
    assert.deepEqual(await paymentsOf(second.id), []);
  });

  it('the generic "fee paid" event without a recorded payment is refused', async () => {
    const row = await bed.anAwaitingCase();
    const error = await refusal(moveCase(subject, row, 'payment_received', {}, caseActorOf(members().clerk)));
    assert.deepEqual(
      error.problems.map((problem) => problem.code),
      ['payment_not_recorded'],
    );
  });

  it('a paid case that is rejected shows "refund due"; a supervisor records the refund, audited, and the applicant is told', async () => {
    const email = 'refund@example.tw';
    const clerk = await aSignedInMember(subject, { role: 'counter_clerk' });
    const row = await bed.anAwaitingCase({ email });
    const page = await clerk.get(`/staff/cases/${row.caseNumber}/payment`);
    const receiptNumber = `R${row.caseNumber}`;
    await clerk.post(`/staff/cases/${row.caseNumber}/payment`, {
      _csrf: csrfTokenIn(page.body),
      version: String(row.version),
      method: 'transfer',
      receiptNumber,
    });
    const rejected = await moveCase(
      subject,
      await currentRow(row.id),
      'reject',
      { reason: '挖掘路段為新鋪設路面，一年內不得挖掘。' },
      caseActorOf(members().handler),
    );
    assert.equal(rejected.state, 'rejected');

    const supervisor = await aSignedInMember(subject, { role: 'supervisor', unitCode: rejected.unitCode });
    assert.match(
      mainOf((await supervisor.get(`/staff/cases/${row.caseNumber}`)).body),
      /data-fee-status="refund_due"/,
    );
    const due = await supervisor.get(`/staff/cases/${row.caseNumber}/payment`);
    assert.match(mainOf(due.body), /data-refund-due/);
    const noReason = await supervisor.post(`/staff/cases/${row.caseNumber}/payment/refund`, {
      _csrf: csrfTokenIn(due.body),
      version: String(rejected.version),
      reason: '',
    });
    assert.equal(noReason.statusCode, 400);
    assert.deepEqual(errorSummaryItems(noReason.body).length, 1);
    const refunded = await supervisor.post(`/staff/cases/${row.caseNumber}/payment/refund`, {
      _csrf: csrfTokenIn(due.body),
      version: String(rejected.version),
      reason: '案件駁回，全額退還規費。',
    });
    assert.equal(refunded.statusCode, 303);
    const [payment] = await paymentsOf(row.id);
    assert.equal(payment?.state, 'refunded');
    assert.equal(payment?.refundedBy, supervisor.member.id);
    assert.equal(payment?.refundReason, '案件駁回，全額退還規費。');
    const after = await currentRow(row.id);
    // Still paid (the payment happened); the refund is its own fact, so nothing reads "fee owed".
    assert.ok(after.feePaidAt !== null, 'the case stays paid');
    assert.ok(after.feeRefundedAt !== null, 'and is marked refunded');
    assert.equal(after.state, 'rejected');
    const [audit] = await db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'payment.refunded'), eq(auditLog.targetId, row.id)));
    assert.deepEqual(audit?.details, { amountTwd: 5000, method: 'transfer' });
    const notice = await waitForMail(email, /規費退費通知/);
    assert.match(notice.text, new RegExp(`收據號碼 ${receiptNumber}`));
    assert.match(notice.text, /退費原因：案件駁回，全額退還規費。/);
    const again = await supervisor.get(`/staff/cases/${row.caseNumber}/payment`);
    assert.doesNotMatch(mainOf(again.body), /data-refund-due/);
    const casePage = mainOf((await supervisor.get(`/staff/cases/${row.caseNumber}`)).body);
    assert.match(casePage, /data-fee-status="refunded"/);
    assert.match(casePage, /已繳費（\d{4}-\d{2}-\d{2}），已退費（\d{4}-\d{2}-\d{2}）/);
    assert.doesNotMatch(casePage, /data-fee-status="owed"|待繳費：/);
    // The applicant's /track says paid and refunded, with the way to the receipt.
    const applicant = new Visitor(subject.app);
    const tracked = await applicant.lookUp(row.caseNumber, row.lookupCode);
    assert.equal(tracked.statusCode, 200);
    assert.match(mainOf(tracked.body), /規費 NT\$5,000 已於 .+ 繳清，並已於 .+ 退還。/);
    const receipt = await applicant.submitForm(tracked, '/track/payment/receipt');
    assert.equal(receipt.statusCode, 200);
    assert.match(mainOf(receipt.body), new RegExp(receiptNumber));
    // A second refund of the same case is refused: nothing is due any more.
    const twice = await supervisor.post(`/staff/cases/${row.caseNumber}/payment/refund`, {
      _csrf: csrfTokenIn(again.body),
      version: String(after.version),
      reason: '再退一次',
    });
    assert.equal(twice.statusCode, 400);
    assert.equal((await paymentsOf(row.id)).length, 1);
  });
});
