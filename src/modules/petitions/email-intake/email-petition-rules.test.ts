import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bodyTextOf,
  emailPetitionOf,
  isMostlyEnglish,
  limitText,
  mailboxSettingsOf,
  messageIdOf,
  type ReceivedEmail,
  refusalsOf,
  senderOf,
} from './email-petition-rules.ts';

const anEmail = (overrides: Partial<ReceivedEmail> = {}): ReceivedEmail => ({
  uid: 7,
  messageId: '<a1@mail.example.com>',
  headerDigest: 'ab'.repeat(32),
  from: { name: 'Jane Doe', address: 'Jane.Doe@Example.com' },
  subject: 'Streetlight out',
  text: 'The streetlight on Zhongzheng Road has been out for a week.',
  html: '',
  autoSubmitted: '',
  contentType: 'text/plain',
  problem: null,
  attachments: [],
  ...overrides,
});

describe('petition e-mail rules', () => {
  it('reads English by Latin words against Han characters', () => {
    assert.equal(isMostlyEnglish('The sidewalk near 中正三路 is broken again'), true);
    assert.equal(isMostlyEnglish('中正路的路燈壞了一個禮拜，請盡快修理。Best regards'), false);
    assert.equal(isMostlyEnglish('Hi there'), false);
    assert.equal(isMostlyEnglish('路燈不亮'), false);
  });

  it('takes the name and the address from From, leaving out an address the intake would refuse', () => {
    assert.deepEqual(senderOf({ name: ' 王 小明 ', address: 'Wang@Example.com.TW' }), {
      name: '王 小明',
      email: 'wang@example.com.tw',
    });
    assert.deepEqual(senderOf({ name: 'x@example.com', address: 'x@example.com' }), {
      name: '',
      email: 'x@example.com',
    });
    assert.equal(senderOf({ name: 'A', address: 'no-at-sign' }).email, '');
    assert.equal(senderOf({ name: 'n'.repeat(150), address: 'a@b.tw' }).name.length, 100);
    assert.deepEqual(senderOf(null), { name: '', email: '' });
  });

  it('reads the HTML as text when there is no text part, and cleans both', () => {
    assert.equal(
      bodyTextOf({ text: '', html: '<p>路燈&amp;號誌</p><script>x()</script><p>壞了&#x21;</p>' }),
      '路燈&號誌\n壞了!',
    );
    assert.equal(bodyTextOf({ text: 'a\r\n\r\n\r\n\r\nb\u202e\u0000', html: '<p>ignored</p>' }), 'a\n\nb');
    assert.equal(bodyTextOf({ text: ' \n ', html: '' }), '');
  });

  it('cuts a text over 4,000 characters with a note in both languages, 4,000 in all', () => {
    assert.equal(limitText('短'.repeat(4000)), '短'.repeat(4000));
    const cut = limitText('長'.repeat(5000));
    assert.equal(cut.length <= 4000, true);
    assert.ok(cut.startsWith('長長長'));
    assert.match(cut, /原信共 5,000 字，超過陳情內容 4,000 字的上限/);
    assert.match(cut, /it had 5,000 characters, over the petition's limit of 4,000/);
    assert.equal(limitText('😀'.repeat(3000)).includes('\ud83d\n'), false);
  });

  it('registers by the Message-ID, or by the header lines without one', () => {
    assert.equal(messageIdOf(anEmail()), '<a1@mail.example.com>');
    assert.equal(messageIdOf(anEmail({ messageId: '' })), `sha256:${'ab'.repeat(32)}`);
    assert.equal(messageIdOf(anEmail({ messageId: `<${'x'.repeat(600)}>` })).startsWith('sha256:'), true);
  });

  it('refuses an empty message, an automatic reply and a bounce; takes a petition from the rest', () => {
    assert.deepEqual(refusalsOf(anEmail({ text: '', html: '' })), ['no_text']);
    assert.deepEqual(refusalsOf(anEmail({ autoSubmitted: 'auto-replied' })), ['automatic_reply']);
    assert.deepEqual(refusalsOf(anEmail({ autoSubmitted: 'no' })), []);
    assert.deepEqual(refusalsOf(anEmail({ contentType: 'multipart/report' })), ['delivery_report']);
    assert.deepEqual(refusalsOf(anEmail({ problem: 'too_large' })), ['too_large']);
    assert.deepEqual(emailPetitionOf(anEmail()), {
      messageId: '<a1@mail.example.com>',
      name: 'Jane Doe',
      email: 'jane.doe@example.com',
      subject: 'Streetlight out',
      text: 'The streetlight on Zhongzheng Road has been out for a week.',
      isEnglish: true,
    });
  });

  it('reads the mailbox URL, naming it without the user or the password', () => {
    const settings = mailboxSettingsOf('imaps://petitions%40pwb:p%40ss@mail.kcg.gov.tw/%E9%99%B3%E6%83%85');
    assert.deepEqual(settings, {
      host: 'mail.kcg.gov.tw',
      port: 993,
      secure: true,
      user: 'petitions@pwb',
      password: 'p@ss',
      folder: '陳情',
      label: 'imaps://mail.kcg.gov.tw:993/陳情',
    });
    assert.equal(mailboxSettingsOf('imap://u:p@127.0.0.1:1143').folder, 'INBOX');
    assert.equal(mailboxSettingsOf('imap://u:p@127.0.0.1:1143').secure, false);
  });
});
