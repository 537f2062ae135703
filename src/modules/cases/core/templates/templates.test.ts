import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { topicProblems } from '../../../../platform/notify/template-kit.ts';
import { caseTopics } from './index.ts';

describe('case notification templates', () => {
  it('every case topic renders its sample in both languages: a subject, a text with greeting and sign-off, an SMS', () => {
    for (const topic of Object.values(caseTopics)) assert.deepEqual(topicProblems(topic), [], topic.topic);
  });

  it('a sample that leaks missing data is caught', () => {
    const broken = {
      ...caseTopics.received,
      renderSample: () => ({ subject: 'x', text: 'undefined', sms: '' }),
    };
    assert.equal(topicProblems(broken).length, 10);
  });

  it('a supplement request lists every missing item at once, numbered, and the due date in 民國 years', () => {
    const data = {
      caseNumber: '1150302-0042',
      serviceName: '道路挖掘許可',
      items: ['交通維持計畫', '管線套繪圖', '施工保證金繳納證明'],
      dueDate: '2026-03-16',
      unitName: '道路養護工程處',
      unitPhone: '07-3368333',
      trackingUrl: 'https://onewindow.example.tw/track',
    };
    const zh = caseTopics.supplementRequested.render('zh-TW', data);
    assert.match(
      zh.text,
      /還需要以下3項文件或資料，請一次補齊：\n\n1\. 交通維持計畫\n2\. 管線套繪圖\n3\. 施工保證金繳納證明/,
    );
    assert.match(zh.text, /請於民國115年3月16日前補正。/);
    const withoutDate = caseTopics.supplementRequested.render('en', { ...data, dueDate: undefined });
    assert.doesNotMatch(withoutDate.text, /Please send them by/);
    assert.match(withoutDate.text, /the following 3 items/);
  });

  it('a supplement request says exactly how to deliver: online only when offered, the counter, post and e-mail, each quoting the case number (issue 14)', () => {
    const data = {
      caseNumber: '1150302-0042',
      serviceName: '人行道修繕',
      items: ['現場照片'],
      unitName: '道路養護工程處',
      unitPhone: '07-3368333',
      trackingUrl: 'https://onewindow.example.tw/track',
      howTo: {
        address: '802 高雄市苓雅區四維三路2號',
        hours: '週一至週五 08:00–12:00、13:30–17:30',
        email: 'pwb-road-maintenance@kcg.gov.tw',
        isContactVerified: false,
      },
    };
    const counterCase = caseTopics.supplementRequested.render('zh-TW', { ...data, isOnline: false });
    assert.ok(
      counterCase.text.includes(
        [
          '補正方式（請註明案號 1150302-0042）：',
          '・臨櫃送件：802 高雄市苓雅區四維三路2號（週一至週五 08:00–12:00、13:30–17:30）',
          '・郵寄：802 高雄市苓雅區四維三路2號（信封註明案號 1150302-0042）',
          '・電子郵件：寄至 pwb-road-maintenance@kcg.gov.tw，主旨註明案號 1150302-0042（請另寫新郵件，系統通知信的回覆無人收閱）',
          '上列地址、信箱與時間尚待本局確認；寄送或前往前，請先來電 07-3368333 確認。',
        ].join('\n'),
      ),
      counterCase.text,
    );
    assert.doesNotMatch(counterCase.text, /線上補正/, 'no online supplement where none is offered');

    const online = caseTopics.supplementRequested.render('en', {
      ...data,
      isOnline: true,
      howTo: { ...data.howTo, address: 'No. 2, Siwei 3rd Rd., Lingya District', isContactVerified: true },
    });
    assert.match(
      online.text,
      /How to send them \(quote case number 1150302-0042\):\n- Online: on the tracking page choose “Supplement online”/,
    );
    assert.match(online.text, /- At the counter: No\. 2, Siwei 3rd Rd\., Lingya District \(週一至週五/);
    assert.match(online.text, /- By post: .+ \(write case number 1150302-0042 on the envelope\)/);
    assert.match(
      online.text,
      /- By e-mail: to pwb-road-maintenance@kcg\.gov\.tw, with case number 1150302-0042 in the subject/,
    );
    assert.doesNotMatch(online.text, /still to be confirmed/, 'confirmed contacts carry no caution');
  });

  it('the closing notice carries the answer; the forward notice says where to ask', () => {
    const closed = caseTopics.closed.render('zh-TW', {
      caseNumber: '1150302-0042',
      serviceName: '路燈維修',
      answer: '已更換燈具。',
      unitName: '公園處',
      unitPhone: '07-3368333',
      trackingUrl: 'https://x.example/track',
      issuedDocuments: [],
      satisfactionUrl: null,
    });
    assert.equal(closed.subject, '【高雄市政府工務局】結案通知（案號 1150302-0042）');
    assert.match(closed.text, /已結案，處理結果如下：\n\n已更換燈具。/);
    assert.doesNotMatch(closed.text, /附於本郵件|滿意/, 'nothing issued, no question asked');
    const forwarded = caseTopics.forwarded.render('en', {
      caseNumber: '1150302-0042',
      serviceName: 'Damaged park facilities',
      agencyName: 'Water Resources Bureau',
      agencyContact: 'phone 07-1234567',
    });
    assert.match(forwarded.text, /Where to ask: phone 07-1234567/);
  });

  it('the closing notice names the documents issued and asks how we did; a rejection says not accepted, with the reasons', () => {
    const common = {
      caseNumber: '1150302-0042',
      serviceName: 'Road excavation permit',
      unitName: 'Road Maintenance Office',
      unitPhone: '07-3368333',
      trackingUrl: 'https://x.example/en/track?case=1150302-0042&code=ABCD2345',
    };
    const closed = caseTopics.closed.render('en', {
      ...common,
      answer: 'Approved.',
      issuedDocuments: ['permit.pdf'],
      satisfactionUrl: `${common.trackingUrl}#satisfaction`,
    });
    assert.match(closed.text, /attached to this e-mail[^\n]*\npermit\.pdf/);
    assert.match(
      closed.text,
      /Tell us how we did[^\n]*\nhttps:\/\/x\.example\/en\/track\?case=1150302-0042&code=ABCD2345#satisfaction/,
    );
    const rejected = caseTopics.rejected.render('zh-TW', {
      ...common,
      serviceName: '道路挖掘許可',
      unitName: '道路養護工程處',
      reason: '路段在保固期間內。',
      kind: 'application',
    });
    assert.equal(rejected.subject, '【高雄市政府工務局】不予受理（駁回）通知（案號 1150302-0042）');
    assert.match(rejected.text, /不予受理（駁回），理由如下：\n\n路段在保固期間內。/);
    assert.doesNotMatch(rejected.text, /結案/);
    // What the applicant can do (issue 14): apply again once the reasons are put right, or contest it.
    assert.ok(
      rejected.text.includes(
        [
          '您可以：',
          '・理由所述的文件或資料可以補齊時，備妥後重新申請，並註明本案號 1150302-0042。',
          '・如認為本決定有誤，請儘速來電道路養護工程處（07-3368333），洽詢重新審查或提起訴願的方式與期限。',
        ].join('\n'),
      ),
      rejected.text,
    );
    const english = caseTopics.rejected.render('en', {
      ...common,
      reason: 'Under warranty.',
      kind: 'request',
    });
    assert.match(english.subject, /not accepted/);
    assert.match(english.text, /was not accepted \(rejected\), for these reasons:\n\nUnder warranty\./);
    assert.match(
      english.text,
      /What you can do:\n- If the situation changes or the problem is still there, contact us again/,
    );
    assert.doesNotMatch(
      english.text,
      /訴願|is closed/,
      'a petition is not an administrative decision to appeal',
    );
  });

  it('each way a case ends has its own subject and words, in both languages (issue 14)', () => {
    const outcomes = {
      closed: { zh: /結案通知/, en: /Your case is closed/ },
      rejected: { zh: /不予受理（駁回）通知/, en: /was not accepted/ },
      forwarded: { zh: /已移請.+處理/, en: /has been sent to/ },
      withdrawn: { zh: /案件已撤回/, en: /is withdrawn/ },
      merged: { zh: /案件已併案處理/, en: /handled with another case/ },
    } as const;
    const subjects = new Set<string>();
    for (const [name, words] of Object.entries(outcomes)) {
      const topic = caseTopics[name as keyof typeof outcomes];
      const zh = topic.renderSample('zh-TW');
      const en = topic.renderSample('en');
      assert.match(zh.subject, words.zh, name);
      assert.match(en.subject, words.en, name);
      subjects.add(zh.subject).add(en.subject);
      if (name !== 'closed') {
        assert.doesNotMatch(zh.text, /已結案，處理結果/, `${name} is not "closed"`);
        assert.doesNotMatch(en.text, /is closed\. Our answer/, `${name} is not "closed"`);
      }
    }
    assert.equal(subjects.size, 10, 'no two outcomes share a subject');
    const merged = caseTopics.merged.renderSample('zh-TW');
    assert.match(merged.text, /已併入該案一併處理/);
    assert.match(merged.text, /併入案號：1150301-0017/);
    assert.match(caseTopics.withdrawn.renderSample('en').text, /we will not handle it further/);
  });

  it('accepted and supplement received give the expected date in the reader’s calendar; a reopening says who asked', () => {
    const common = {
      caseNumber: '1150302-0042',
      serviceName: '建築工程開工申報',
      unitName: '建築管理處',
      unitPhone: '07-3368333',
      trackingUrl: 'https://x.example/track',
    };
    const accepted = caseTopics.accepted.render('zh-TW', { ...common, expectedCompletionDate: '2026-03-16' });
    assert.match(accepted.text, /已由建築管理處受理/);
    assert.match(accepted.text, /預計完成日期：民國115年3月16日/);
    const received = caseTopics.supplementReceived.render('en', {
      ...common,
      expectedCompletionDate: '2026-03-20',
    });
    assert.match(received.text, /The deadline runs again from today/);
    assert.match(received.text, /New expected completion date: 20 March 2026/);
    const reopened = caseTopics.reopened.render('zh-TW', { ...common, by: 'applicant', reason: '又壞了。' });
    assert.match(reopened.text, /我們已收到您的要求.*已重新處理，理由如下：\n\n又壞了。/s);
  });
});
