import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkArchitecture, importsOf, readSources, runtimeCycles } from '../scripts/check-architecture.ts';

/** A tree of files given as source text, for the rules to read. */
const tree = (files: Record<string, string>) => new Map(Object.entries(files));
const rulesBroken = (files: Record<string, string>) =>
  checkArchitecture(tree(files)).map((breach) => `${breach.where}: ${breach.rule}`);

describe('the layering rules (scripts/check-architecture.ts, run by npm run lint)', () => {
  it('reads static, re-exported, side-effect and dynamic imports, and tells type-only ones apart', () => {
    const edges = importsOf(
      'src/modules/a/index.ts',
      [
        "import type { X } from './x.ts';",
        "import { y } from '../b/index.ts';",
        "export { z } from './z.ts';",
        "import './side-effect.ts';",
        "const later = () => import('./later.tsx');",
        "import pg from 'pg';",
      ].join('\n'),
    );
    assert.deepEqual(
      edges.map((edge) => [edge.to, edge.isTypeOnly]),
      [
        ['src/modules/a/x.ts', true],
        ['src/modules/b/index.ts', false],
        ['src/modules/a/z.ts', false],
        ['src/modules/a/side-effect.ts', false],
        ['src/modules/a/later.tsx', false],
        ['pg', false],
      ],
    );
  });

  const breaches: [title: string, files: Record<string, string>, broken: string[]][] = [
    [
      'the platform importing a module is a breach; importing the platform’s own composition folder is not',
      {
        'src/platform/auth/home.ts': "import { casesModule } from '../../modules/cases/index.ts';",
        'src/platform/auth/areas.ts': "import type { StaffArea } from '../composition/app-module.ts';",
      },
      ['src/platform/auth/home.ts: the platform never imports a module'],
    ],
    [
      'a module reaching into another’s files is a breach; its index.ts and a schema’s foreign key are not',
      {
        'src/modules/control/reports.ts': "import { caseRows } from '../cases/core/case-queries.ts';",
        'src/modules/control/plans.ts': "import { caseTopics } from '../cases/index.ts';",
        'src/modules/control/plan-schema.ts': "import { cases } from '../cases/cases-schema.ts';",
      },
      ['src/modules/control/reports.ts: a module uses another only through its index.ts'],
    ],
    [
      'only the composition root reads the list of modules',
      {
        'src/app.ts': "import { modules } from './modules/index.ts';",
        'src/modules/cases/console/areas.ts': "import { modules } from '../../index.ts';",
      },
      ['src/modules/cases/console/areas.ts: only the composition root reads the list of modules'],
    ],
    [
      'a unit test that loads the database, even through another file, is a breach; a type-only import is not',
      {
        'src/modules/a/rules.test.ts': "import { rule } from './rules.ts';",
        'src/modules/a/rules.ts': "import { rows } from './queries.ts';",
        'src/modules/a/queries.ts': "import { eq } from 'drizzle-orm';",
        'src/modules/a/pure.test.ts': "import type { Row } from './queries.ts';",
        'src/modules/a/queries.db.test.ts': "import { rows } from './queries.ts';",
      },
      ['src/modules/a/rules.test.ts: unit tests load no database code'],
    ],
    [
      'a date formatter made outside platform/web/format-date.ts is a breach; a number in words is not',
      {
        'src/modules/a/page.tsx':
          "const day = (at: Date) => at.toLocaleDateString('en-CA', { timeZone: 'Asia/Taipei' });",
        'src/modules/a/time.ts': "const f = () => new Intl.DateTimeFormat('en-GB', { hour: '2-digit' });",
        'src/modules/a/fee.ts': "const fee = (amount: number) => amount.toLocaleString('en-US');",
        'src/platform/web/format-date.ts': "const taipei = new Intl.DateTimeFormat('sv-SE', {});",
      },
      [
        'src/modules/a/page.tsx: date formatters are made once, in platform/web/format-date.ts',
        'src/modules/a/time.ts: date formatters are made once, in platform/web/format-date.ts',
      ],
    ],
  ];
  for (const [title, files, broken] of breaches) {
    it(title, () => assert.deepEqual(rulesBroken(files), broken));
  }

  it('finds runtime cycles and ignores type-only ones', () => {
    const cycles = runtimeCycles(
      tree({
        'src/a.ts': "import { b } from './b.ts';",
        'src/b.ts': "import { a } from './a.ts';",
        'src/c.ts': "import type { D } from './d.ts';",
        'src/d.ts': "import { c } from './c.ts';",
      }),
    );
    assert.deepEqual(cycles, [['src/a.ts', 'src/b.ts']]);
  });

  it('the project itself breaks no rule and has no runtime cycle', () => {
    const sources = readSources();
    assert.ok(sources.size > 300, `${sources.size} files read`);
    assert.deepEqual(checkArchitecture(sources), []);
    assert.deepEqual(runtimeCycles(sources), []);
  });
});
