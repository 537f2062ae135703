import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dropInvalidXmlCharacters, xmlText } from './xml-text.ts';

describe('XML text', () => {
  it('escapes markup and leaves out what XML 1.0 refuses', () => {
    assert.equal(xmlText('a<b>&"\'c'), 'a&lt;b&gt;&amp;&quot;&apos;c');
    assert.equal(xmlText('x\u0000y\u000bz\ud800w\t\n'), 'xyzw\t\n');
    // A whole pair is one character and stays; either half alone goes.
    assert.equal(xmlText('😀'), '😀');
    assert.equal(xmlText('a\udc00b\ud83dc'), 'abc');
  });

  it('keeps every character XML 1.0 allows, drops the rest', () => {
    assert.equal(
      dropInvalidXmlCharacters('\t\n\r 道路\ud7ff\ue000\ufffd\u{10000}'),
      '\t\n\r 道路\ud7ff\ue000\ufffd\u{10000}',
    );
    assert.equal(dropInvalidXmlCharacters('\u0001\u001f\ufffe\uffff'), '');
  });
});
