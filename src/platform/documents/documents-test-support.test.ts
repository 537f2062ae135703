import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { element, odfText, parseXml } from './documents-test-support.ts';

// The checker the document tests rely on must itself reject what is not well-formed.
describe('parseXml (test helper): a strict well-formedness check', () => {
  it('accepts well-formed XML with namespaces, comments, CDATA, PIs and references', () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><a:r xmlns:a="urn:a" a:x=\'1 &amp; &#x4E2D;\'><?pi data?><a:b>&lt;&gt;&quot;&apos;&#65;<![CDATA[<raw&>]]></a:b><a:c/></a:r>',
    );
    assert.equal(root.attributes['a:x'], '1 & 中');
    assert.equal(odfText(element(root, 'a:b')), '<>"\'A<raw&>');
  });

  const bad: [string, string][] = [
    ['unbalanced', '<a><b></a></b>'],
    ['unclosed', '<a><b/>'],
    ['two roots', '<a/><b/>'],
    ['text outside root', '<a/>x'],
    ['bare ampersand', '<a>A & B</a>'],
    ['raw <', '<a>1 < 2</a>'],
    ['< in attribute', '<a x="<"/>'],
    ['unknown entity', '<a>&nbsp;</a>'],
    ['unquoted attribute', '<a x=1/>'],
    ['duplicate attribute', '<a x="1" x="2"/>'],
    ['no space between attributes', '<a x="1"y="2"/>'],
    ['control character', '<a>\u0001</a>'],
    ['reference to a control character', '<a>&#1;</a>'],
    ['undeclared prefix', '<p:a/>'],
    ['undeclared attribute prefix', '<a p:x="1"/>'],
    [']]> in text', '<a>]]></a>'],
    ['-- in comment', '<a><!-- a -- b --></a>'],
    ['DOCTYPE', '<!DOCTYPE a><a/>'],
    ['empty', ''],
  ];
  for (const [what, xml] of bad) {
    it(`rejects ${what}`, () => {
      assert.throws(() => parseXml(xml), SyntaxError);
    });
  }
});
