import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskRecipient } from './masking.ts';
import { notificationTopics, renderNotification, renderSample } from './templates/index.ts';

describe('notification templates', () => {
  it('every topic renders its sample in both languages: a subject, a text with greeting and sign-off, an SMS', () => {
    for (const topic of notificationTopics) {
      for (const lang of ['zh-TW', 'en'] as const) {
        const message = renderSample(topic, lang);
        assert.ok(message.subject.length > 5, `${topic} ${lang} subject`);
        assert.ok(message.sms.length > 10, `${topic} ${lang} sms`);
        assert.doesNotMatch(`${message.subject}${message.text}${message.sms}`, /undefined|null|\[object/);
        assert.match(message.text, lang === 'zh-TW' ? /^(您好|同仁您好)：/ : /^Hello,/);
        assert.match(message.text, lang === 'zh-TW' ? /請勿直接回覆。$/ : /please do not reply to it\.$/);
      }
    }
    assert.equal(notificationTopics.length, 13);
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
    const zh = renderNotification('case.supplement_requested', 'zh-TW', data);
    assert.match(
      zh.text,
      /還需要以下3項文件或資料，請一次補齊：\n\n1\. 交通維持計畫\n2\. 管線套繪圖\n3\. 施工保證金繳納證明/,
    );
    assert.match(zh.text, /請於民國115年3月16日前補正。/);
    const withoutDate = renderNotification('case.supplement_requested', 'en', {
      ...data,
      dueDate: undefined,
    });
    assert.doesNotMatch(withoutDate.text, /Please send them by/);
    assert.match(withoutDate.text, /the following 3 items/);
  });

  it('the closing notice carries the answer; the forward notice says where to ask', () => {
    const closed = renderNotification('case.closed', 'zh-TW', {
      caseNumber: '1150302-0042',
      serviceName: '路燈維修',
      answer: '已更換燈具。',
      unitName: '公園處',
      unitPhone: '07-3368333',
      trackingUrl: 'https://x.example/track',
    });
    assert.equal(closed.subject, '【高雄市政府工務局】結案通知（案號 1150302-0042）');
    assert.match(closed.text, /已結案，處理結果如下：\n\n已更換燈具。/);
    const forwarded = renderNotification('case.forwarded', 'en', {
      caseNumber: '1150302-0042',
      serviceName: 'Damaged park facilities',
      agencyName: 'Water Resources Bureau',
      agencyContact: 'phone 07-1234567',
    });
    assert.match(forwarded.text, /Where to ask: phone 07-1234567/);
  });
});

describe('masking recipients', () => {
  it('phones keep the first four and last three digits; e-mail the first letter and the domain', () => {
    assert.equal(maskRecipient('sms', '0912345678'), '0912-***-678');
    assert.equal(maskRecipient('email', 'Wang.XiaoMing@Example.com'), 'w***@example.com');
    assert.equal(maskRecipient('sms', '+886 912 345 678'), '0912-***-678');
  });
});
