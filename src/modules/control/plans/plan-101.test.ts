import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { PLAN_101 } from './data/plan-101.ts';
import type { PlanPracticeContent } from './plan-types.ts';
import { practiceRef } from './plan-types.ts';

/**
 * The transcription against the seed's own structure. The seed is read from the copy kept beside the data
 * (data/seed-plan-101.zh-TW.txt, byte-identical to the mission's seed-plan.zh-TW.txt).
 */
const seed = readFileSync(new URL('./data/seed-plan-101.zh-TW.txt', import.meta.url), 'utf8');
/** The seed without any whitespace: table cells, page breaks and line breaks all gone. */
const seedText = seed.replace(/\s+/g, '');
const bare = (value: string) => value.replace(/\s+/g, '');

const practices = PLAN_101.items.flatMap((item) =>
  item.strategies.flatMap((strategy) =>
    strategy.practices.map((practice) => ({
      ref: practiceRef(item.ordinal, strategy.ordinal, practice),
      practice,
    })),
  ),
);
const practice = (ref: string): PlanPracticeContent => {
  const found = practices.find((entry) => entry.ref === ref);
  assert.ok(found, `no practice ${ref}`);
  return found.practice;
};

/**
 * Where a text is in the seed (whitespace ignored): as one run (`cutAfter` null), or cut in two by a page
 * break of the table, the second piece later in the seed after the repeated header row (`cutAfter`: the
 * first piece's end); null when it is not in the seed at all. The longest first piece wins, so the cut is
 * where the seed's run actually stops.
 */
function placeInSeed(value: string): { cutAfter: string | null } | null {
  const target = bare(value);
  if (target === '') return null;
  if (seedText.includes(target)) return { cutAfter: null };
  for (let cut = target.length - 1; cut >= 1; cut -= 1) {
    const head = target.slice(0, cut);
    const at = seedText.indexOf(head);
    if (at !== -1 && seedText.indexOf(target.slice(cut), at + head.length) !== -1)
      return { cutAfter: head.slice(-4) };
  }
  return null;
}

const piecesInSeed = (value: string): number => {
  const place = placeInSeed(value);
  return place === null ? 0 : place.cutAfter === null ? 1 : 2;
};

describe('the 101 (2012) plan as transcribed', () => {
  it('has the five 實施要項 of 肆, in order, titled as 肆 lists them', () => {
    assert.equal(PLAN_101.items.length, 5);
    assert.deepEqual(
      PLAN_101.items.map((item) => `${item.label}${item.title}`),
      // Seed lines 19–23.
      [
        '一、提升服務品質，深化服務績效',
        '二、便捷服務程序，確保流程透明',
        '三、探查民意趨勢，建立顧客關係',
        '四、豐富服務資訊，促進網路溝通',
        '五、創新服務方式，整合服務資源',
      ],
    );
    for (const item of PLAN_101.items) assert.ok(seed.includes(`- ${item.label}${item.title}`), item.title);
    // Only 五 is headed differently in the table (「提供創新（意）服」+「務情形」, seed lines 133 and 136).
    assert.deepEqual(
      PLAN_101.items.map((item) => item.tableTitle),
      [null, null, null, null, '提供創新（意）服務情形'],
    );
  });

  it('has the strategies of each item, numbered (一), (二)… as printed', () => {
    // Counted in the seed's 執行策略 column, each strategy starting with （一）/(一)…: 一 on lines 26, 27,
    // 38, 50, 55, 59; 二 on 61, 64, 76, 78; 三 on 84, 86, 89, 94, 95; 四 on 97, 111, 117, 119; 五 on 133,
    // 141, 145, 148.
    assert.deepEqual(
      PLAN_101.items.map((item) => item.strategies.length),
      [6, 4, 5, 4, 4],
    );
    for (const item of PLAN_101.items) {
      assert.deepEqual(
        item.strategies.map((strategy) => strategy.ordinal),
        item.strategies.map((_, index) => index + 1),
      );
    }
    // The seed mixes full-width and half-width brackets: kept as printed.
    const labels = PLAN_101.items.map((item) => item.strategies.map((strategy) => strategy.label));
    assert.deepEqual(labels[0], ['（一）', '（二）', '(三)', '(四)', '(五)', '(六)']);
    assert.deepEqual(labels[4], ['（一）', '(二)', '(三)', '(四)']);
    for (const item of PLAN_101.items)
      for (const strategy of item.strategies)
        assert.ok(seedText.includes(bare(`${strategy.label}${strategy.text.slice(0, 8)}`)), strategy.text);
  });

  it('has the practices of each strategy', () => {
    // Counted in the seed's 推動作法 column: a practice starts with "N." (or, for a strategy's single
    // practice, with no number: 一(一) line 26, 三(四) line 94); a cell without a number under a strategy
    // that already has practices continues the one before (lines 93, 128, 136). The rows 2.–8. of 一(三)
    // (lines 39–45) are shifted one column left but are practices all the same.
    assert.deepEqual(
      PLAN_101.items.map((item) => item.strategies.map((strategy) => strategy.practices.length)),
      [
        [1, 9, 10, 5, 2, 2],
        [3, 9, 2, 4],
        [2, 3, 2, 1, 2],
        [11, 3, 2, 11],
        [5, 2, 3, 2],
      ],
    );
    assert.equal(practices.length, 96);
    for (const item of PLAN_101.items)
      for (const strategy of item.strategies) {
        if (strategy.practices.length === 1 && strategy.practices[0]?.label === '') continue;
        assert.deepEqual(
          strategy.practices.map((entry) => entry.label),
          strategy.practices.map((_, index) => `${index + 1}.`),
          strategy.text,
        );
      }
    // The two unnumbered ones.
    assert.deepEqual(
      practices.filter((entry) => entry.practice.label === '').map((entry) => entry.ref),
      ['一(一)', '三(四)'],
    );
  });

  it('names a unit other than "every unit" only where the seed does', () => {
    const notEveryUnit = practices
      .filter((entry) => !entry.practice.everyUnit)
      .map((entry) => [entry.ref, entry.practice.unitCodes, entry.practice.unitsAsPrinted]);
    assert.deepEqual(notEveryUnit, [
      // No unit printed (seed line 35 ends after the text).
      ['一(二)9', [], null],
      // 「建管處」: the Building Administration Office.
      ['五(一)4', ['building'], '建管處'],
      ['五(三)2', ['building'], '建管處'],
      ['五(三)3', ['building'], '建管處'],
    ]);
    for (const entry of practices.filter((candidate) => candidate.practice.everyUnit)) {
      assert.deepEqual(entry.practice.unitCodes, [], entry.ref);
      assert.equal(entry.practice.unitsAsPrinted, '本局各單位暨所屬機關', entry.ref);
    }
  });

  it('has December 101 as the deadline except where the seed says otherwise', () => {
    const notDecember = practices
      .filter(
        (entry) =>
          !(
            entry.practice.deadline.kind === 'month' &&
            entry.practice.deadline.rocYear === 101 &&
            entry.practice.deadline.month === 12
          ),
      )
      .map((entry) => [entry.ref, entry.practice.deadline]);
    assert.deepEqual(notDecember, [
      ['一(一)', { kind: 'month', rocYear: 101, month: 4 }],
      ['一(二)3', { kind: 'daily' }],
      ['一(二)9', { kind: 'none' }],
      ['一(六)1', { kind: 'month', rocYear: 101, month: 8 }],
    ]);
    // 二(二)5's deadline is split over a page break: 「101年」 (line 68) + 「12月」 (line 71).
    assert.deepEqual(practice('二(二)5').deadline, { kind: 'month', rocYear: 101, month: 12 });
  });

  it('keeps 五(一)2’s sub-items (1)–(5) as parts of the practice', () => {
    const external = practice('五(一)2');
    assert.equal(external.text, '對外服務面向：');
    assert.deepEqual(
      external.parts.map((part) => [part.label, part.text.slice(0, part.text.indexOf('：'))]),
      [
        ['(1)', '服務流程便捷'],
        ['(2)', '服務時間彈性調整'],
        ['(3)', '服務地點延伸'],
        ['(4)', '服務項目改造'],
        ['(5)', '服務方法創新'],
      ],
    );
    assert.equal(
      external.parts.at(-1)?.text,
      '服務方法創新：強化線上服務，推動線上服務申辦，提供主動服務等。',
    );
    // The seed's stray HTML is not data.
    for (const entry of practices) {
      assert.doesNotMatch(entry.practice.text, /<|>/, entry.ref);
      for (const part of entry.practice.parts) assert.doesNotMatch(part.text, /<|>/, entry.ref);
    }
    assert.deepEqual(
      practices.filter((entry) => entry.practice.parts.length > 0).map((entry) => entry.ref),
      ['五(一)2'],
    );
  });

  it('has every practice text verbatim in the seed (whitespace aside), whole or cut only by a page break', () => {
    const cut: [string, string][] = [];
    for (const entry of practices) {
      const { text, parts } = entry.practice;
      assert.equal(text, text.trim(), entry.ref);
      assert.doesNotMatch(text, /[\t\n]/, entry.ref);
      const place = placeInSeed(text);
      assert.ok(place !== null, `${entry.ref} is not in the seed: ${text}`);
      const pieces = place.cutAfter === null ? 1 : 2;
      if (place.cutAfter !== null) cut.push([entry.ref, place.cutAfter]);
      for (const part of parts)
        assert.equal(piecesInSeed(`${part.label}${part.text}`), 1, `${entry.ref} ${part.label}`);
      // The number as printed comes right before the text.
      if (entry.practice.label !== '' && pieces === 1)
        assert.ok(seedText.includes(bare(`${entry.practice.label}${text}`)), entry.ref);
    }
    // The practices the table's page breaks cut in two (seed lines 90+93, 125+128, 133+136), each cut
    // exactly where the seed's line ends.
    assert.deepEqual(cut, [
      ['三(三)2', '委，務必'],
      ['四(四)7', '，由傳統'],
      ['五(一)1', '用等的工'],
    ]);
    // Typos stay as printed.
    assert.match(practice('二(二)9').text, /办理/);
  });

  it('has every strategy text verbatim in the seed, cut only where a page break cut it', () => {
    const cut: string[] = [];
    for (const item of PLAN_101.items)
      for (const strategy of item.strategies) {
        const pieces = piecesInSeed(strategy.text);
        assert.ok(pieces > 0, strategy.text);
        if (pieces === 2) cut.push(practiceRef(item.ordinal, strategy.ordinal, { ordinal: 1, label: '' }));
      }
    // 四(二): 「…網站」 + 「(頁) 資訊檢索…」 (lines 111–112); 五(一): lines 133 + 136.
    assert.deepEqual(cut, ['四(二)', '五(一)']);
    assert.equal(piecesInSeed(PLAN_101.items[4]?.tableTitle ?? ''), 2);
  });

  it('has 壹 basis, 貳 goals, 參 scope, 伍 steps, 陸 control and 柒 as printed', () => {
    assert.equal(PLAN_101.title, '高雄市政府工務局 101 年度提升服務品質執行計畫');
    assert.equal(PLAN_101.year, 2012);
    const labelled = (clauses: readonly string[]) =>
      clauses.map((clause, index) => `${'一二三'[index]}、${clause}`);
    for (const clause of [
      ...labelled(PLAN_101.basis),
      ...labelled(PLAN_101.goals),
      ...labelled(PLAN_101.steps),
      ...labelled(PLAN_101.control),
    ])
      assert.equal(piecesInSeed(clause), 1, clause);
    assert.deepEqual(
      [PLAN_101.basis.length, PLAN_101.goals.length, PLAN_101.steps.length, PLAN_101.control.length],
      [2, 2, 3, 3],
    );
    assert.ok(seed.includes(`參、實施對象：${PLAN_101.scope}`));
    assert.ok(seed.includes(`肆、計畫內容：${PLAN_101.contentIntro}`));
    assert.deepEqual(PLAN_101.closing, ['本計畫如有未盡事宜，得依實際需要修正或另行補充規定。']);
    assert.ok(seed.includes(`柒、${PLAN_101.closing[0]}`));
    // 伍三 runs over a line break in the seed (「參加「政」 / 「府服務品質獎」).
    assert.match(PLAN_101.steps[2] ?? '', /參加「政府服務品質獎」-服務規劃機關類別評選。$/);
    assert.match(PLAN_101.control[1] ?? '', /102年2月1日前提報101年度服務品質績效成果至本局秘書室/);
  });

  it('has the work-plan template with its column headings', () => {
    const template = PLAN_101.workPlanTemplate;
    assert.deepEqual(template.table.columns, ['實施要項', '工作重點', '工作(推動)方法', '備註(績效)']);
    assert.ok(seed.includes(template.table.columns.join('\t\t')));
    assert.deepEqual(
      template.sections.map((section) => `${section.label} ${section.title}`),
      ['壹、 計畫依據', '貳、 計畫目標', '參、 實施對象', '肆、 計畫內容', '伍、 考核與獎勵'],
    );
    for (const line of [
      template.heading,
      template.appliesTo,
      template.exampleLabel,
      template.exampleTitle,
      template.note,
    ])
      assert.ok(seed.includes(line), line);
  });

  it('has an English title for every item and a translation and summary for every strategy', () => {
    assert.ok(PLAN_101.titleEn && PLAN_101.summaryEn);
    for (const item of PLAN_101.items) {
      assert.ok(item.titleEn, item.title);
      for (const strategy of item.strategies) {
        assert.ok(strategy.textEn && strategy.practicesSummaryEn, strategy.text);
      }
    }
  });
});
