/**
 * The layering rules Biome cannot express, checked over the import graph of `src/` (part of `npm run lint`;
 * Biome's noImportCycles checks that there are no cycles). Exits 1 listing every breach, with the rule and
 * the fix. CONTRIBUTING.md explains the rules.
 *
 *   node --import ./src/preload.mjs scripts/check-architecture.ts [--graph]   (--graph: also print the counts)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ImportEdge {
  from: string;
  /** The resolved file (relative to the repository), or the package name for a bare specifier. */
  to: string;
  isTypeOnly: boolean;
}

const importPattern =
  /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every import of one file: static imports and re-exports, side-effect imports and dynamic imports. */
export function importsOf(file: string, source: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const match of source.matchAll(importPattern)) {
    const specifier = match[2] ?? match[3];
    if (specifier === undefined) continue;
    const to = specifier.startsWith('.') ? path.posix.join(path.posix.dirname(file), specifier) : specifier;
    edges.push({ from: file, to, isTypeOnly: match[1] !== undefined });
  }
  return edges;
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const isUnitTest = (file: string) => isTest(file) && !/\.db\.test\.tsx?$/.test(file);
const isSchema = (file: string) => /-schema\.ts$/.test(file);
const moduleOf = (file: string) => /^src\/modules\/([^/]+)\//.exec(file)?.[1] ?? null;
const compositionRoot = new Set(['src/app.ts', 'src/main.ts', 'src/seed.ts', 'src/cli.ts']);
/** What a unit test must not load: a database driver, the ORM, the job queue, or a table definition. */
const databasePackages = /^(pg|pg-boss|drizzle-orm)(\/|$)/;
/**
 * Unit tests that still load database code while their module is being reshaped (issue 9): each entry goes
 * when its pure rules move to files of their own. The list only shrinks.
 */
const unitTestsStillLoadingTheDatabase = new Set<string>([]);

export interface Breach {
  rule: string;
  where: string;
  detail: string;
}

export function checkArchitecture(files: ReadonlyMap<string, string>): Breach[] {
  const breaches: Breach[] = [];
  const edgesOf = new Map<string, ImportEdge[]>();
  for (const [file, source] of files) edgesOf.set(file, importsOf(file, source));

  for (const [file, edges] of edgesOf) {
    for (const edge of edges) {
      const target = edge.to;
      if (file.startsWith('src/platform/') && target.startsWith('src/modules/'))
        breaches.push({
          rule: 'the platform never imports a module',
          where: file,
          detail: `imports ${target}; pass what it needs in through the module manifest (platform/composition/app-module.ts) instead`,
        });
      if (target === 'src/modules/index.ts' && !compositionRoot.has(file) && !isTest(file))
        breaches.push({
          rule: 'only the composition root reads the list of modules',
          where: file,
          detail: 'imports src/modules/index.ts (app.ts, main.ts, seed.ts and cli.ts may)',
        });
      const from = moduleOf(file);
      const to = moduleOf(target);
      if (from !== null && to !== null && from !== to && !isTest(file)) {
        const isPublicSurface = target === `src/modules/${to}/index.ts`;
        const isForeignKey = isSchema(file) && isSchema(target);
        if (!isPublicSurface && !isForeignKey)
          breaches.push({
            rule: 'a module uses another only through its index.ts',
            where: file,
            detail: `imports ${target}; export what is needed from src/modules/${to}/index.ts and import that`,
          });
      }
    }
  }

  // Unit tests stay fast and need no database: nothing they load, directly or through other files, may
  // bring in a database driver, the ORM, the job queue or a table definition. Type-only imports are erased.
  const loads = (start: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length > 0) {
      const file = stack.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const edge of edgesOf.get(file) ?? []) if (!edge.isTypeOnly) stack.push(edge.to);
    }
    return seen;
  };
  for (const file of edgesOf.keys()) {
    if (!isUnitTest(file) || unitTestsStillLoadingTheDatabase.has(file)) continue;
    const heavy = [...loads(file)].filter((loaded) => databasePackages.test(loaded) || isSchema(loaded));
    if (heavy.length > 0)
      breaches.push({
        rule: 'unit tests load no database code',
        where: file,
        detail: `loads ${heavy.sort().slice(0, 4).join(', ')}${heavy.length > 4 ? ' …' : ''}; put the rule it tests in a file of its own, or make it a .db.test`,
      });
  }
  // Date formatters are made once, in one file: a new Intl.DateTimeFormat (or `toLocaleDateString` /
  // `toLocaleTimeString` with options, which make one every call) costs ~150 µs and ~26 KB of native memory
  // that is freed late and kept by the allocator; a page making hundreds per render took the app to 2.6 GB
  // under a crowd (issue 12).
  for (const [file, source] of files) {
    if (file === dateFormatterHome || isTest(file)) continue;
    const found = /new Intl\.DateTimeFormat\b|\.toLocale(Date|Time)String\(/.exec(source);
    if (found !== null)
      breaches.push({
        rule: 'date formatters are made once, in platform/web/format-date.ts',
        where: file,
        detail: `uses ${found[0]}; call a formatter from ${dateFormatterHome} (add one there if none fits)`,
      });
  }
  return breaches;
}

const dateFormatterHome = 'src/platform/web/format-date.ts';

/** Runtime import cycles (type-only imports aside), as lists of files: for the counts in --graph. */
export function runtimeCycles(files: ReadonlyMap<string, string>): string[][] {
  const edges = new Map<string, string[]>();
  for (const [file, source] of files)
    edges.set(
      file,
      importsOf(file, source)
        .filter((edge) => !edge.isTypeOnly && files.has(edge.to))
        .map((edge) => edge.to),
    );
  // Tarjan's strongly connected components.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) as number, low.get(next) as number));
      } else if (onStack.has(next))
        low.set(file, Math.min(low.get(file) as number, index.get(next) as number));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || (edges.get(file) ?? []).includes(file)) cycles.push(component.sort());
    }
  };
  for (const file of edges.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

export function readSources(root = 'src'): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const file = path.posix.join(entry.parentPath.split(path.sep).join('/'), entry.name);
    files.set(file, readFileSync(file, 'utf8'));
  }
  return files;
}

if (import.meta.main) {
  const files = readSources();
  const breaches = checkArchitecture(files);
  if (process.argv.includes('--graph')) {
    const cycles = runtimeCycles(files);
    const platformToModules = [...files].flatMap(([file, source]) =>
      file.startsWith('src/platform/')
        ? importsOf(file, source).filter((edge) => edge.to.startsWith('src/modules/'))
        : [],
    );
    console.log(
      `${files.size} source files; runtime import cycles: ${cycles.length} (largest ${Math.max(0, ...cycles.map((cycle) => cycle.length))} files); imports from platform/ into modules/: ${platformToModules.length}`,
    );
  }
  for (const breach of breaches) console.error(`${breach.where}: ${breach.rule}: ${breach.detail}`);
  if (breaches.length > 0) {
    console.error(
      `\n${breaches.length} breach(es) of the layering rules (CONTRIBUTING.md, "How the code is laid out").`,
    );
    process.exit(1);
  }
}
