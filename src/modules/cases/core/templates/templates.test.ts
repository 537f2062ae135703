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

  it('the closing notice carries the answer; the forward notice says where to ask', () => {
    const closed = caseTopics.closed.render('zh-TW', {
      caseNumber: '1150302-0042',
      serviceName: '路燈維修',
      answer: '已更換燈具。',
      unitName: '公園處',
      unitPhone: '07-3368333',
      trackingUrl: 'https://x.example/track',
    });
    assert.equal(closed.subject, '【高雄市政府工務局】結案通知（案號 1150302-0042）');
    assert.match(closed.text, /已結案，處理結果如下：\n\n已更換燈具。/);
    const forwarded = caseTopics.forwarded.render('en', {
      caseNumber: '1150302-0042',
      serviceName: 'Damaged park facilities',
      agencyName: 'Water Resources Bureau',
      agencyContact: 'phone 07-1234567',
    });
    assert.match(forwarded.text, /Where to ask: phone 07-1234567/);
  });
});
