/**
 * Builders for the fee's tests: an app whose e-mail goes over SMTP, staff, and application cases owing a fee
 * (the sidewalk petition made an application of the road maintenance office with the road-excavation fee
 * lines, as the permission matrix does), moved to awaiting_payment. Not a test file itself.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { withEmailDelivery } from '../../../../test/helpers/notification-delivery.ts';
import { buildTestApp, TestClock } from '../../../../test/helpers/test-app.ts';
import { aStaffMember, type TestStaffMember } from '../../../platform/auth/auth-test-support.ts';
import type { Database } from '../../../platform/db/database.ts';
import { simulatedProvider } from '../../../platform/payments/simulated-provider.ts';
import type { CaseRow } from '../core/case-actor.ts';
import type { StoredFeeLine } from '../core/case-vocabulary.ts';
import { cases } from '../core/cases-schema.ts';
import { caseActorOf, moveCase, sidewalkPetition, testCasesContext } from '../core/cases-test-support.ts';
import { openCase } from '../core/open-case.ts';
import { casePayments, paymentCallbacks } from './payment-schema.ts';
import { startOnlinePayment } from './payment-service.ts';

export const roadExcavationLines: StoredFeeLine[] = [
  {
    labelZh: '道路挖掘審查費',
    labelEn: 'Excavation review fee',
    unitAmountTwd: 1000,
    quantity: 1,
    amountTwd: 1000,
  },
  {
    labelZh: '路面修復費（每平方公尺）',
    labelEn: 'Road reinstatement fee (per square metre)',
    unitAmountTwd: 1600,
    quantity: 2.5,
    amountTwd: 4000,
  },
];

/** A case opened as a petition made an application with these fee lines (the counter's services are free). */
export async function asApplicationWithFee(
  db: Database,
  caseId: string,
  lines: StoredFeeLine[] = roadExcavationLines,
): Promise<CaseRow> {
  const [row] = await db
    .update(cases)
    .set({
      kind: 'application',
      feeAmountTwd: lines.reduce((sum, line) => sum + line.amountTwd, 0),
      feeLines: lines,
    })
    .where(eq(cases.id, caseId))
    .returning();
  assert.ok(row, `case ${caseId}`);
  return row;
}

export async function paymentTestBed() {
  const clock = new TestClock(new Date('2026-03-02T02:00:00Z'));
  const { app: subject, smtp } = await withEmailDelivery((environment) =>
    buildTestApp({ environment, clock }),
  );
  after(() => subject.app.close());
  const db = subject.database.db;
  const provider = simulatedProvider({
    secret: subject.config.paymentSigningSecret,
    publicBaseUrl: subject.config.publicBaseUrl,
  });
  let staff: { clerk: TestStaffMember; handler: TestStaffMember } | null = null;
  before(async () => {
    staff = {
      clerk: await aStaffMember(db, { role: 'counter_clerk', displayName: '李櫃台' }),
      handler: await aStaffMember(db, { role: 'handler', displayName: '陳道路承辦' }),
    };
  });
  const members = () => {
    assert.ok(staff, 'the staff are made before the first test');
    return staff;
  };
  const context = () => testCasesContext(subject);
  let emails = 0;

  /** An application of the road maintenance office owing `amount` (0: free), accepted by its handler. */
  async function anAcceptedApplication(
    options: { lines?: StoredFeeLine[]; email?: string } = {},
  ): Promise<CaseRow> {
    const lines = options.lines ?? roadExcavationLines;
    const opened = await openCase(
      context(),
      sidewalkPetition({ applicantEmail: options.email ?? `payer${++emails}@example.tw` }),
      caseActorOf(members().clerk),
    );
    const application = await asApplicationWithFee(db, opened.id, lines);
    return moveCase(subject, application, 'accept', {}, caseActorOf(members().handler));
  }

  async function anAwaitingCase(options: { email?: string } = {}): Promise<CaseRow> {
    const accepted = await anAcceptedApplication(options);
    return moveCase(subject, accepted, 'request_payment', {}, caseActorOf(members().handler));
  }

  async function currentRow(id: string): Promise<CaseRow> {
    const [row] = await db.select().from(cases).where(eq(cases.id, id));
    assert.ok(row);
    return row;
  }

  const paymentsOf = (caseId: string) =>
    db
      .select()
      .from(casePayments)
      .where(eq(casePayments.caseId, caseId))
      .orderBy(asc(casePayments.createdAt));

  const callbacksOf = (paymentId: string) =>
    db
      .select()
      .from(paymentCallbacks)
      .where(eq(paymentCallbacks.paymentId, paymentId))
      .orderBy(asc(paymentCallbacks.id));

  /** A pending online payment of the case, as the Pay button makes it; its id. */
  async function aPendingPayment(row: CaseRow): Promise<string> {
    const started = await startOnlinePayment({ ...context(), provider }, { caseId: row.id });
    assert.ok('redirectUrl' in started);
    const paymentId = new URL(started.redirectUrl, subject.config.publicBaseUrl).searchParams.get('payment');
    assert.ok(paymentId);
    return paymentId;
  }

  /** The provider's callback, posted as its server would. */
  const postCallback = (fields: Record<string, string>) =>
    subject.app.inject({
      method: 'POST',
      url: '/payment/callback',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });

  return {
    clock,
    subject,
    smtp,
    db,
    provider,
    members,
    anAcceptedApplication,
    anAwaitingCase,
    currentRow,
    paymentsOf,
    callbacksOf,
    aPendingPayment,
    postCallback,
  };
}
