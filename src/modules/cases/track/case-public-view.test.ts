import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseRow } from '../core/case-actor.ts';
import type { CaseDetail } from '../core/case-queries.ts';
import { caseEvents } from '../core/workflows.ts';
import { publicCaseView } from './case-public-view.ts';
import { type TrackTextKey, trackText } from './track-messages.ts';

type TimelineRow = CaseDetail['timeline'][number];

const receivedAt = new Date('2026-03-02T02:00:00Z'); // Monday 10:00 in Taipei
const staffId = '5f0c1f7e-1111-4c2b-9d3e-000000000001';
const secretaryName = '林秘書';
const handlerName = '陳承辦';
const supervisorName = '張股長';

/** A petition (the petition workflow) unless the overrides say otherwise. */
function aRow(overrides: Partial<CaseRow> = {}): CaseRow {
  return {
    id: '0b6f3c2a-2222-4c2b-9d3e-000000000002',
    caseNumber: '1150302-0007',
    lookupCode: 'K7MX3Q9P',
    kind: 'petition',
    channel: 'counter',
    serviceCode: 'road-maintenance-petition',
    serviceVersion: 1,
    unitCode: 'parks',
    handlerId: staffId,
    state: 'in_progress',
    version: 6,
    applicantType: 'person',
    applicantName: '王小明',
    applicantCompany: null,
    applicantPhone: '0912345678',
    applicantEmail: 'wang.xiaoming@example.tw',
    applicantAddress: '高雄市苓雅區四維三路2號5樓',
    applicantLang: 'zh-TW',
    consentAt: receivedAt,
    subject: '王小明家門前人行道',
    description: '王小明說家門口地磚鬆動，電話 0912345678。',
    formData: {},
    checklistReceived: [],
    districtCode: null,
    address: '高雄市新興區中正三路 50 號前',
    latitude: null,
    longitude: null,
    receivedAt,
    deadlineRule: { kind: 'working_days', days: 5 },
    pauses: [],
    extensionAmount: 3,
    dueAtAnswer: null,
    outerLimitWorkingDays: null,
    needsAnswerApproval: false,
    dueAt: new Date('2026-03-12T15:59:59.999Z'),
    atRiskAt: new Date('2026-03-11T16:00:00Z'),
    expectedCompletionDate: '2026-03-12',
    feeAmountTwd: 0,
    feeLines: [],
    feePaidAt: null,
    feeRefundedAt: null,
    resolution: null,
    resolvedAt: null,
    closedAt: null,
    forwardedTo: null,
    mergedIntoId: null,
    createdAt: receivedAt,
    updatedAt: receivedAt,
    ...overrides,
  };
}

let nextEventId = 1;
function anEvent(overrides: Partial<TimelineRow> & Pick<TimelineRow, 'kind'>): TimelineRow {
  return {
    id: nextEventId++,
    caseId: '0b6f3c2a-2222-4c2b-9d3e-000000000002',
    occurredAt: receivedAt,
    fromState: null,
    toState: null,
    actorStaffId: staffId,
    actorLabel: handlerName,
    publicNote: null,
    internalNote: null,
    data: {},
    ...overrides,
  };
}

const at = (iso: string) => new Date(iso);

/** A case received by road maintenance, moved to parks, extended, and worked on, with notes of both kinds. */
function aDetail(row: CaseRow = aRow(), extra: TimelineRow[] = []): CaseDetail {
  return {
    row,
    serviceNameZh: '道路養護陳情',
    serviceNameEn: 'Road maintenance petition',
    unit: { code: 'parks', nameZh: '公園處', nameEn: 'Parks and Street Lights Office', phone: '07-3316841' },
    handler: { id: staffId, displayName: handlerName },
    timeline: [
      anEvent({
        kind: 'created',
        toState: 'received',
        actorLabel: '臨櫃收件員 李櫃檯',
        data: { channel: 'counter', unitCode: 'road-maintenance', serviceVersion: 1 },
      }),
      anEvent({
        kind: 'transfer',
        occurredAt: at('2026-03-02T06:30:00Z'),
        fromState: 'received',
        toState: 'received',
        actorLabel: secretaryName,
        publicNote: '此處為公園範圍，改由公園處辦理。',
        internalNote: '道路處說不是他們的，INTERNAL-TRANSFER-SECRET',
        data: { fromUnit: 'road-maintenance', toUnit: 'parks' },
      }),
      anEvent({
        kind: 'assigned',
        occurredAt: at('2026-03-03T01:00:00Z'),
        actorLabel: supervisorName,
        data: { handlerId: staffId, handlerName, previousHandlerId: null },
      }),
      anEvent({
        kind: 'accept',
        occurredAt: at('2026-03-03T02:00:00Z'),
        fromState: 'received',
        toState: 'accepted',
        internalNote: 'INTERNAL-ACCEPT-SECRET',
      }),
      anEvent({
        kind: 'extension_requested',
        occurredAt: at('2026-03-04T02:00:00Z'),
        internalNote: '需等廠商報價 INTERNAL-EXTENSION-REQUEST',
        data: { amount: 3 },
      }),
      anEvent({
        kind: 'extension_approved',
        occurredAt: at('2026-03-04T05:00:00Z'),
        actorLabel: supervisorName,
        publicNote: '需等待地磚材料到貨。',
        internalNote: 'INTERNAL-APPROVAL-NOTE',
        data: { amount: 3, expectedCompletionDate: '2026-03-12' },
      }),
      anEvent({
        kind: 'start',
        occurredAt: at('2026-03-05T01:15:00Z'),
        fromState: 'accepted',
        toState: 'in_progress',
        publicNote: '已派工勘查。',
        internalNote: '承辦人手機 0988777666，INTERNAL-START-SECRET',
      }),
      anEvent({ kind: 'note', occurredAt: at('2026-03-05T03:00:00Z'), internalNote: 'INTERNAL-NOTE-ONLY' }),
      ...extra,
    ],
    extensions: [],
    attachments: [],
    status: 'on_track',
  };
}

describe('publicCaseView', () => {
  it('never carries internal notes, staff names or the unmasked personal data, in either language', () => {
    for (const lang of ['zh-TW', 'en'] as const) {
      const json = JSON.stringify(publicCaseView(aDetail(), [], lang));
      assert.doesNotMatch(json, /INTERNAL-/, lang);
      for (const secret of [
        secretaryName,
        handlerName,
        supervisorName,
        '李櫃檯',
        staffId,
        '王小明',
        '0912345678',
        '0988777666',
        'wang.xiaoming',
        '四維三路2號',
        '5樓',
        'K7MX3Q9P',
        '中正三路',
        '地磚鬆動',
      ]) {
        assert.ok(!json.includes(secret), `${lang}: ${secret} leaked`);
      }
    }
  });

  it('masks the applicant: 王○明, 0912-***-678, w***@example.tw, the address to its district and road', () => {
    const view = publicCaseView(aDetail(), [], 'zh-TW');
    assert.deepEqual(view.applicant, {
      name: '王○明',
      company: null,
      phone: '0912-***-678',
      email: 'w***@example.tw',
      address: '高雄市苓雅區四維三路',
    });
    const company = publicCaseView(
      aDetail(
        aRow({
          applicantType: 'company',
          applicantName: 'John Smith',
          applicantCompany: '大成營造有限公司',
          applicantPhone: '073312345',
          applicantEmail: null,
          applicantAddress: null,
        }),
      ),
      [],
      'en',
    );
    assert.deepEqual(company.applicant, {
      name: 'J*** S***',
      company: '大○○○○○○司',
      phone: '07-***-345',
      email: null,
      address: null,
    });
  });

  it('a case waiting for a supplement says what is needed and exactly how to deliver it (issue 14)', () => {
    const unit = {
      phone: '07-3316841',
      addressZh: '802 高雄市苓雅區四維三路2號',
      addressEn: 'No. 2, Siwei 3rd Rd., Lingya District, Kaohsiung 802',
      email: 'pwb-parks@kcg.gov.tw',
      serviceHoursZh: '週一至週五 08:00–12:00、13:30–17:30',
      serviceHoursEn: 'Monday to Friday, 08:00–12:00 and 13:30–17:30',
      isContactVerified: false,
    };
    const waiting = aDetail(aRow({ state: 'awaiting_supplement' }), [
      anEvent({
        kind: 'request_supplement',
        occurredAt: at('2026-03-04T02:00:00Z'),
        fromState: 'in_progress',
        toState: 'awaiting_supplement',
        publicNote: '現場照片（含門牌）\n土地所有權狀影本',
      }),
    ]);
    const view = publicCaseView(waiting, [], 'zh-TW', null, { isOnline: false, unit });
    assert.deepEqual(view.supplement, {
      items: ['現場照片（含門牌）', '土地所有權狀影本'],
      isOnline: false,
      lead: '補正方式（請註明案號 1150302-0007）：',
      ways: [
        '臨櫃送件：802 高雄市苓雅區四維三路2號（週一至週五 08:00–12:00、13:30–17:30）',
        '郵寄：802 高雄市苓雅區四維三路2號（信封註明案號 1150302-0007）',
        '電子郵件：寄至 pwb-parks@kcg.gov.tw，主旨註明案號 1150302-0007（請另寫新郵件，系統通知信的回覆無人收閱）',
      ],
      caution: '上列地址、信箱與時間尚待本局確認；寄送或前往前，請先來電 07-3316841 確認。',
    });
    const english = publicCaseView(waiting, [], 'en', null, {
      isOnline: true,
      unit: { ...unit, isContactVerified: true },
    });
    assert.equal(english.supplement?.isOnline, true);
    assert.equal(english.supplement?.caution, null);
    assert.match(english.supplement?.ways[0] ?? '', /^At the counter: No\. 2, Siwei 3rd Rd\./);
    assert.equal(publicCaseView(aDetail(), [], 'zh-TW', null, { isOnline: false, unit }).supplement, null);
  });

  it('states the case in plain words with the unit, its phone and the 民國 expected date', () => {
    const view = publicCaseView(aDetail(), [], 'zh-TW');
    assert.equal(view.caseNumber, '1150302-0007');
    assert.equal(view.state, 'in_progress');
    assert.equal(view.stateLabel, '處理中');
    assert.equal(view.stateExplanation, '承辦人正在處理您的案件。');
    assert.equal(view.serviceName, '道路養護陳情');
    assert.deepEqual(view.unit, { code: 'parks', name: '公園處', phone: '07-3316841' });
    assert.equal(view.receivedOnText, '民國115年3月2日');
    assert.equal(view.expectedCompletionDate, '2026-03-12');
    assert.equal(view.expectedCompletionDateText, '民國115年3月12日');
    assert.equal(view.deadlineStatus, 'on_track');
    assert.equal(view.deadlineStatusText, '在處理期限內。');
    assert.equal(view.resolution, null);
    const english = publicCaseView(aDetail(), [], 'en');
    assert.equal(english.stateLabel, 'In progress');
    assert.equal(english.serviceName, 'Road maintenance petition');
    assert.equal(english.expectedCompletionDateText, '12 March 2026');
    assert.equal(english.unit.name, 'Parks and Street Lights Office');
  });

  it('the timeline: public events only, in order, with the public note, the unit at the time and the transfer target', () => {
    const view = publicCaseView(aDetail(), [], 'zh-TW');
    assert.deepEqual(
      view.timeline.map((event) => [event.kind, event.label, event.by, event.note, event.occurredAtText]),
      [
        ['created', '收件', '道路養護工程處', null, '民國115年3月2日 10:00'],
        [
          'transfer',
          '改由公園處辦理',
          '道路養護工程處',
          '此處為公園範圍，改由公園處辦理。',
          '民國115年3月2日 14:30',
        ],
        ['accept', '受理', '公園處', null, '民國115年3月3日 10:00'],
        [
          'extension_approved',
          '處理期限展延至民國115年3月12日',
          '公園處',
          '需等待地磚材料到貨。',
          '民國115年3月4日 13:00',
        ],
        ['start', '開始處理', '公園處', '已派工勘查。', '民國115年3月5日 09:15'],
      ],
    );
    assert.equal(view.timeline[0]?.occurredAt, '2026-03-02T02:00:00.000Z');
    const english = publicCaseView(aDetail(), [], 'en');
    assert.deepEqual(
      english.timeline.map((event) => event.label),
      [
        'Received',
        'Moved to Parks and Street Lights Office',
        'Accepted',
        'Time limit extended to 12 March 2026',
        'Work started',
      ],
    );
    assert.equal(english.timeline[1]?.by, 'Road Maintenance Engineering Office');
    assert.equal(english.timeline[4]?.occurredAtText, '5 March 2026, 09:15');
  });

  it('says who acted when it was the applicant, and names the agency of a 移文', () => {
    const forwarded = aDetail(
      aRow({ state: 'forwarded', forwardedTo: '高雄市政府水利局', closedAt: at('2026-03-06T02:00:00Z') }),
      [
        anEvent({
          kind: 'forward',
          occurredAt: at('2026-03-06T02:00:00Z'),
          publicNote: '排水溝屬水利局管理。',
          data: { agency: '高雄市政府水利局' },
        }),
      ],
    );
    const view = publicCaseView(forwarded, [], 'zh-TW');
    assert.equal(view.forwardedTo, '高雄市政府水利局');
    assert.equal(view.timeline.at(-1)?.label, '移請高雄市政府水利局處理');
    assert.equal(view.deadlineStatus, 'finished');
    assert.equal(view.expectedCompletionDate, null);
    assert.equal(view.closedOnText, '民國115年3月6日');

    const withdrawn = aDetail(aRow({ state: 'withdrawn', closedAt: at('2026-03-06T02:00:00Z') }), [
      anEvent({
        kind: 'withdraw',
        actorStaffId: null,
        actorLabel: 'applicant',
        occurredAt: at('2026-03-06T02:00:00Z'),
      }),
    ]);
    const last = publicCaseView(withdrawn, [], 'zh-TW').timeline.at(-1);
    assert.equal(last?.label, '申請人撤回');
    assert.equal(last?.by, '申請人');
  });

  it('shows the answer for resolved and closed cases, and says a resolved case is answered, not paused', () => {
    const resolved = aDetail(aRow({ state: 'resolved', resolution: '已更換破損地磚 12 塊。', dueAt: null }));
    resolved.status = 'paused';
    const view = publicCaseView(resolved, [], 'zh-TW');
    assert.equal(view.resolution, '已更換破損地磚 12 塊。');
    assert.equal(view.deadlineStatus, 'answered');
    assert.equal(view.deadlineStatusText, '承辦單位已完成處理，期限不再計算。');
    const waiting = aDetail(aRow({ state: 'awaiting_supplement', dueAt: null }));
    waiting.status = 'paused';
    const paused = publicCaseView(waiting, [], 'en');
    assert.equal(paused.deadlineStatus, 'paused');
    assert.equal(paused.stateLabel, 'Waiting for you');
    assert.match(paused.deadlineStatusText, /Paused/);
    assert.equal(paused.expectedCompletionDateText, '12 March 2026');
  });

  it('has the applicant’s words for every event of every workflow, in both languages', () => {
    for (const kind of [...caseEvents, 'created', 'extension_approved'])
      for (const lang of ['zh-TW', 'en'] as const) {
        const words = trackText(lang, `event_${kind}` as TrackTextKey);
        assert.ok(typeof words === 'string' && words.trim() !== '', `${lang} event_${kind}`);
      }
  });

  it('a field report in its own words: a crew assigned, then fixed with the crew’s note and finished', () => {
    const report = { kind: 'field_report', serviceCode: 'pothole-report' } as const;
    const dispatched = publicCaseView(aDetail(aRow({ ...report, state: 'dispatched' })), [], 'zh-TW');
    assert.equal(dispatched.stateLabel, '已派工');
    assert.equal(dispatched.stateExplanation, '已指派維修人員前往處理。');
    assert.equal(dispatched.deadlineStatus, 'on_track');
    assert.equal(dispatched.resolution, null);
    const fixedAt = at('2026-03-04T06:00:00Z');
    const fixed = aDetail(
      aRow({ ...report, state: 'fixed', resolution: '已以冷料填補。', dueAt: null, closedAt: fixedAt }),
    );
    fixed.status = 'finished';
    const view = publicCaseView(fixed, [], 'en');
    assert.equal(view.stateLabel, 'Fixed');
    assert.equal(view.resolution, '已以冷料填補。');
    assert.equal(view.deadlineStatus, 'finished');
    assert.equal(view.expectedCompletionDate, null);
    assert.equal(view.closedOnText, '4 March 2026');
  });

  it('lists attachments by name, type and size only', () => {
    const view = publicCaseView(
      aDetail(),
      [
        {
          id: 'a1',
          fileName: '現場照片.jpg',
          mediaType: 'image/jpeg',
          sizeBytes: 2048,
          // Extra fields of the stored row must not pass through.
          ...({ uploadedByStaffId: staffId, sha256: 'abc' } as object),
        },
      ],
      'zh-TW',
    );
    assert.deepEqual(view.attachments, [
      { id: 'a1', fileName: '現場照片.jpg', mediaType: 'image/jpeg', sizeBytes: 2048, isIssued: false },
    ]);
    const issued = publicCaseView(
      aDetail(),
      [{ id: 'a2', fileName: 'permit.pdf', mediaType: 'application/pdf', sizeBytes: 900, purpose: 'issued' }],
      'en',
    );
    assert.equal(issued.attachments[0]?.isIssued, true, 'the document issued with the decision');
  });
});
