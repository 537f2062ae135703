import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { open311DateTime, serialise, splitFormat, toXml } from './open311-format.ts';

const parser = new XMLParser({ parseTagValue: false, trimValues: false });

describe('GeoReport v2 documents', () => {
  it('splits an address into name and format, and refuses other endings', () => {
    assert.deepEqual(splitFormat('services.json'), { name: 'services', format: 'json' });
    assert.deepEqual(splitFormat('pothole-report.xml'), { name: 'pothole-report', format: 'xml' });
    assert.equal(splitFormat('services.html'), null);
    assert.equal(splitFormat('.json'), null);
    assert.equal(splitFormat('services'), null);
  });

  it('writes a list as a bare JSON array and as XML with one element a row', () => {
    const rows = [
      { service_code: 'a', metadata: true },
      { service_code: 'b', metadata: false },
    ];
    assert.equal(serialise(rows, 'json', { root: 'services', entry: 'service' }), JSON.stringify(rows));
    const xml = toXml(rows, { root: 'services', entry: 'service' });
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services><service>'));
    assert.deepEqual(parser.parse(xml).services.service, [
      { service_code: 'a', metadata: 'true' },
      { service_code: 'b', metadata: 'false' },
    ]);
  });

  it('names list entries as told, writes empty values as empty elements, and escapes text', () => {
    const xml = toXml(
      {
        service_code: 'x',
        attributes: [{ code: 'kind', values: [{ key: '1', name: 'A & <B> "q"' }], hint: null }],
      },
      { root: 'service_definition', listEntries: { attributes: 'attribute', values: 'value' } },
    );
    assert.match(xml, /<attributes><attribute><code>kind<\/code><values><value><key>1<\/key>/);
    assert.match(xml, /<name>A &amp; &lt;B&gt; &quot;q&quot;<\/name>/);
    assert.match(xml, /<hint\/>/);
    assert.equal(parser.parse(xml).service_definition.attributes.attribute.values.value.name, 'A & <B> "q"');
  });

  it('drops characters XML cannot carry, keeping every other character (rare CJK and emoji too)', () => {
    const xml = toXml([{ description: 'a\u0000b\u0007c\uD800d 𠀋 🙂\n' }], { root: 'r', entry: 'e' });
    assert.match(xml, /<description>abcd 𠀋 🙂\n<\/description>/);
    assert.equal(parser.parse(xml).r.e.description, 'abcd 𠀋 🙂\n');
  });

  it('dates a moment in Taipei time with its offset', () => {
    assert.equal(open311DateTime(new Date('2026-03-02T02:00:00Z')), '2026-03-02T10:00:00+08:00');
    assert.equal(open311DateTime(new Date('2026-12-31T16:30:05.900Z')), '2027-01-01T00:30:05+08:00');
  });
});
