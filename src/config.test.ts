import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, defaultSharedBuffersMb, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('gives working defaults for a newcomer: embedded database in ./.data, 127.0.0.1:3000, demo staff', () => {
    const config = loadConfig({});
    assert.equal(config.databaseUrl, null);
    assert.equal(config.dataDir, path.resolve('.data'));
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 3000);
    assert.equal(config.createDemoStaff, true);
    assert.equal(config.cookieSecure, false);
    assert.ok(Object.isFrozen(config));
  });

  it('sizes the embedded PostgreSQL’s shared_buffers to an eighth of the memory, 128 to 1,024 MB', () => {
    const gib = 1024 ** 3;
    assert.equal(defaultSharedBuffersMb(0.5 * gib), 128);
    assert.equal(defaultSharedBuffersMb(4 * gib), 512);
    assert.equal(defaultSharedBuffersMb(24 * gib), 1024);
    assert.equal(
      loadConfig({ EMBEDDED_DATABASE_SHARED_BUFFERS_MB: '256' }).embeddedDatabaseSharedBuffersMb,
      256,
    );
    assert.throws(() => loadConfig({ EMBEDDED_DATABASE_SHARED_BUFFERS_MB: '8' }), ConfigError);
  });

  it('with DATABASE_URL: no demo staff unless asked for', () => {
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://u:p@db/onewindow' }).createDemoStaff, false);
    assert.equal(
      loadConfig({ DATABASE_URL: 'postgres://u:p@db/onewindow', DEMO_STAFF: 'true' }).createDemoStaff,
      true,
    );
  });

  it('turns on Secure cookies for an https public address', () => {
    assert.equal(loadConfig({ PUBLIC_BASE_URL: 'https://pwb.kcg.gov.tw/' }).cookieSecure, true);
    assert.equal(
      loadConfig({ PUBLIC_BASE_URL: 'https://pwb.kcg.gov.tw/' }).publicBaseUrl,
      'https://pwb.kcg.gov.tw',
    );
  });

  it('e-mail: no SMTP_URL keeps mail in the outbox; MAIL_FROM defaults to the public host', () => {
    const defaults = loadConfig({ PUBLIC_BASE_URL: 'https://pwb.kcg.gov.tw' });
    assert.equal(defaults.smtpUrl, null);
    assert.equal(defaults.mailFrom, 'OneWindow <no-reply@pwb.kcg.gov.tw>');
    const configured = loadConfig({
      SMTP_URL: 'smtp://mailer:s%40cret@mail.kcg.gov.tw:587',
      MAIL_FROM: '高雄市政府工務局 <no-reply@pwb.kcg.gov.tw>',
    });
    assert.equal(configured.smtpUrl, 'smtp://mailer:s%40cret@mail.kcg.gov.tw:587');
    assert.equal(configured.mailFrom, '高雄市政府工務局 <no-reply@pwb.kcg.gov.tw>');
  });

  it('a bad SMTP_URL or MAIL_FROM stops the start, without echoing the password', () => {
    assert.throws(
      () => loadConfig({ SMTP_URL: 'http://user:hunter2@mail', MAIL_FROM: 'nobody' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(variablesNamedIn(error), ['MAIL_FROM', 'SMTP_URL']);
        assert.match(error.message, /SMTP_URL must look like smtp:\/\/user:password@host:587/);
        assert.doesNotMatch(error.message, /hunter2/);
        assert.match(error.message, /MAIL_FROM must be an address/);
        return true;
      },
    );
  });

  it('the petition mailbox: unset reads nothing; a bad PETITION_IMAP_URL stops the start without echoing the password', () => {
    const defaults = loadConfig({});
    assert.equal(defaults.petitionImapUrl, null);
    assert.equal(defaults.petitionImapIntervalSeconds, 120);
    const url = 'imaps://petitions:s%40cret@mail.kcg.gov.tw:993/INBOX';
    assert.equal(loadConfig({ PETITION_IMAP_URL: url }).petitionImapUrl, url);
    assert.throws(
      () =>
        loadConfig({
          PETITION_IMAP_URL: 'https://petitions:hunter2@mail',
          PETITION_IMAP_INTERVAL_SECONDS: '5',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(variablesNamedIn(error), ['PETITION_IMAP_INTERVAL_SECONDS', 'PETITION_IMAP_URL']);
        assert.doesNotMatch(error.message, /hunter2/);
        return true;
      },
    );
    assert.throws(() => loadConfig({ PETITION_IMAP_URL: 'imaps://mail.kcg.gov.tw' }), ConfigError);
  });

  it('the maps use NLSC’s 通用版電子地圖 and name it unless MAP_TILE_URL and MAP_TILE_ATTRIBUTION say otherwise', () => {
    const defaults = loadConfig({});
    assert.equal(
      defaults.mapTileUrl,
      'https://wmts.nlsc.gov.tw/wmts/EMAP/default/GoogleMapsCompatible/{z}/{y}/{x}',
    );
    assert.equal(
      defaults.mapTileAttribution,
      '<a href="https://maps.nlsc.gov.tw/">通用版電子地圖</a> © 內政部國土測繪中心 (NLSC), OGDL-Taiwan-1.0',
    );
    // Blank values count as unset: the NLSC map again.
    const blank = loadConfig({ MAP_TILE_URL: '  ', MAP_TILE_ATTRIBUTION: '' });
    assert.equal(blank.mapTileUrl, defaults.mapTileUrl);
    assert.equal(blank.mapTileAttribution, defaults.mapTileAttribution);

    const own = loadConfig({
      MAP_TILE_URL: 'https://tiles.kcg.gov.tw/{z}/{x}/{y}.png',
      MAP_TILE_ATTRIBUTION: '© 高雄市政府工務局',
    });
    assert.equal(own.mapTileUrl, 'https://tiles.kcg.gov.tw/{z}/{x}/{y}.png');
    assert.equal(own.mapTileAttribution, '© 高雄市政府工務局');
    // Each variable is read on its own (docs/operations.md: two defaults).
    assert.equal(
      loadConfig({ MAP_TILE_URL: '/tiles/{z}/{x}/{y}.png' }).mapTileAttribution,
      defaults.mapTileAttribution,
    );
    assert.equal(loadConfig({ MAP_TILE_ATTRIBUTION: '© 測試' }).mapTileUrl, defaults.mapTileUrl);
    assert.throws(
      () => loadConfig({ MAP_TILE_URL: 'https://tiles.kcg.gov.tw/{z}/{x}.png' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(variablesNamedIn(error), ['MAP_TILE_URL']);
        return true;
      },
    );
  });

  it('lists every invalid value at once', () => {
    assert.throws(
      () =>
        loadConfig({
          PORT: 'eighty',
          DATABASE_URL: 'mysql://x',
          LOG_LEVEL: 'loud',
          TRUST_PROXY: 'maybe',
          SESSION_IDLE_MINUTES: '0',
          PUBLIC_BASE_URL: 'ftp://x',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(variablesNamedIn(error), [
          'DATABASE_URL',
          'LOG_LEVEL',
          'PORT',
          'PUBLIC_BASE_URL',
          'SESSION_IDLE_MINUTES',
          'TRUST_PROXY',
        ]);
        assert.match(error.message, /PORT must be a whole number from 0 to 65535 \(got "eighty"\)/);
        assert.match(error.message, /DATABASE_URL must start with postgres:\/\//);
        assert.match(error.message, /LOG_LEVEL must be one of/);
        assert.match(error.message, /TRUST_PROXY must be true or false/);
        assert.match(error.message, /SESSION_IDLE_MINUTES must be a whole number from 1/);
        assert.match(error.message, /PUBLIC_BASE_URL must be an http\(s\) URL/);
        return true;
      },
    );
  });
});

/** The variable each problem is about (its first word), sorted: one problem per bad variable. */
function variablesNamedIn(error: ConfigError): string[] {
  return error.problems.map((problem) => problem.split(' ')[0] ?? '').sort();
}
