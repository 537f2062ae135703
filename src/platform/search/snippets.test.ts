import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bestSnippet, matchRanges, snippetHtml, snippetParts } from './snippets.ts';

describe('matchRanges', () => {
  it('finds every occurrence, case-insensitive, merging overlaps', () => {
    assert.deepEqual(matchRanges('Street light, street LIGHT', ['light', 'street light']), [
      { start: 0, length: 12 },
      { start: 14, length: 12 },
    ]);
  });
});

describe('bestSnippet', () => {
  const body = `${'本局辦理各項工程。'.repeat(20)}申請道路挖掘許可應於施工前十日提出，並附交通維持計畫。${'其他說明。'.repeat(20)}`;

  it('cuts the passage around the match and marks it', () => {
    const snippet = bestSnippet({ summary: '道路的事', body, fileText: '' }, ['道路挖掘']);
    assert.equal(snippet.isInFile, false);
    assert.ok(snippet.text.startsWith('…'));
    assert.ok(snippet.text.includes('申請道路挖掘許可'));
    const [first] = snippet.highlights;
    assert.ok(first);
    assert.equal(snippet.text.slice(first.start, first.start + first.length), '道路挖掘');
  });

  it('marks the bigrams of a phrase that is not there as typed', () => {
    const snippet = bestSnippet({ summary: '', body: '道路之挖掘應申請許可。', fileText: '' }, ['道路挖掘']);
    const marked = snippet.highlights.map((range) =>
      snippet.text.slice(range.start, range.start + range.length),
    );
    assert.deepEqual(marked, ['道路', '挖掘']);
  });

  it('says when the best passage is in an attached file', () => {
    const snippet = bestSnippet(
      { summary: '公告', body: '請見附件。', fileText: '附件：太陽光電設施備案申請書' },
      ['太陽光電'],
    );
    assert.equal(snippet.isInFile, true);
    assert.ok(snippet.text.includes('太陽光電'));
  });

  it('falls back to the start of the summary without a match', () => {
    const snippet = bestSnippet({ summary: '路燈維修說明', body: '內容', fileText: '' }, ['公園']);
    assert.deepEqual(snippet, { text: '路燈維修說明', highlights: [], isInFile: false });
  });
});

describe('snippetHtml', () => {
  it('escapes the text and wraps highlights in <mark>', () => {
    const html = snippetHtml({ text: '<b>路燈</b> & 路樹', highlights: [{ start: 3, length: 2 }] });
    assert.equal(html, '&lt;b&gt;<mark>路燈</mark>&lt;/b&gt; &amp; 路樹');
  });

  it('gives the parts for a view', () => {
    assert.deepEqual(snippetParts({ text: 'a路燈b', highlights: [{ start: 1, length: 2 }] }), [
      { text: 'a', isMarked: false },
      { text: '路燈', isMarked: true },
      { text: 'b', isMarked: false },
    ]);
  });
});
