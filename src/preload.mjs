/**
 * Loaded before anything else (`node --import ./src/preload.mjs …`: `npm start`, the CLI and every test
 * process), so that the app, its tools and its tests load modules the same way.
 *
 * Drizzle ORM is loaded from its CommonJS build. Its ES-module build is hundreds of small modules joined by
 * `export *` in cycles, which Node 24's ES-module loader links slowly: importing `drizzle-orm` and
 * `drizzle-orm/pg-core` took 460 ms and left the process at 290 MB RSS, against 58 ms and 65 MB for the same
 * two through `require` (measured on this VM, docs/benchmarks.md). The CommonJS build exports the same names
 * (esbuild marks them for Node's CommonJS export detection), and every part of the app imports Drizzle
 * through this hook, so there is one copy of its classes. Only the way Drizzle is resolved changes:
 * `import … from 'drizzle-orm/…'` stays as it is in the code.
 *
 * It also loads our TypeScript (`.ts`, `.tsx`, `.mts`), in the thread that imports it (ADR 0017): each file is
 * compiled once by esbuild and kept in a folder of compiled files, so a process mostly reads JavaScript it
 * compiled before. Until 2026-12-06 tsx did this through `module.register`, whose hooks run in a thread of
 * their own and answer every resolution and load by message: importing and building the app took 4.00 s
 * median (5.2 s of CPU), in-thread 3.24 s (3.9 s of CPU) — and every test file, CLI command and app process
 * pays it.
 *
 * JavaScript, not TypeScript: Node runs it before any TypeScript can be loaded, and Node's own type stripping
 * would load a WebAssembly compiler that costs more memory than this file saves.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Bare specifiers (`fastify`, `drizzle-orm`) imported by our own files are resolved once per process, not
 * once per importing file. Every file outside `node_modules` resolves a bare name from the same
 * `node_modules`, so the answer cannot differ; Node's own cache is per importing file, and each resolution
 * reads the package's package.json again (drizzle-orm's is 179 KB, imported by 170 of our files). Measured
 * (2026-12-06, 5 alternating runs): importing and building the app 3.49 → 3.32 s median; 384 of 407 bare
 * resolutions answered from here. Files inside `node_modules` resolve as Node does.
 */
const ownBareResolutions = new Map();

registerHooks({
  /** @type {import('node:module').ResolveHookSync} */
  resolve(specifier, context, nextResolve) {
    const isDrizzle = specifier === 'drizzle-orm' || specifier.startsWith('drizzle-orm/');
    const resolveContext = isDrizzle ? { ...context, conditions: ['node', 'require', 'default'] } : context;
    const isBare = !(specifier.startsWith('.') || specifier.startsWith('/') || specifier.includes(':'));
    const parent = context.parentURL;
    if (!isBare || parent === undefined || parent.includes('/node_modules/'))
      return nextResolve(specifier, resolveContext);
    const key = `${specifier}\0${resolveContext.conditions?.join(',') ?? ''}\0${context.importAttributes?.type ?? ''}`;
    const known = ownBareResolutions.get(key);
    if (known !== undefined) return known;
    const resolved = nextResolve(specifier, resolveContext);
    ownBareResolutions.set(key, { ...resolved, shortCircuit: true });
    return resolved;
  },
});

/**
 * The compiled files: one per source text (the key hashes the compiler's version and options, the file's path
 * and its text), so an edited file is compiled again and a stale one is never used. Written under a temporary
 * name and renamed, so processes starting at once never read half a file. A folder that cannot be written
 * (a read-only system) only means compiling in every process.
 */
const require = createRequire(import.meta.url);
const esbuildVersion = require('esbuild/package.json').version;
const compiledFolder = path.join(
  process.env.ONEWINDOW_TS_CACHE ?? path.join(os.tmpdir(), `onewindow-ts-${process.getuid?.() ?? 'user'}`),
);
/** What the compiler is told; tsconfig.json says the same to the type checker (verbatimModuleSyntax: type imports are marked). */
const compileOptions = {
  format: 'esm',
  target: 'node22',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  sourcemap: 'inline',
  sourcesContent: false,
  tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
};
const optionsKey = `${esbuildVersion}\0${JSON.stringify(compileOptions)}`;
/** @type {typeof import('esbuild') | undefined} */
let esbuild;
let canKeepCompiled = true;

/** The JavaScript of one TypeScript file: the kept compilation, or compiled now (and kept). */
function compiled(file) {
  const source = readFileSync(file, 'utf8');
  const key = createHash('sha256')
    .update(optionsKey)
    .update('\0')
    .update(file)
    .update('\0')
    .update(source)
    .digest('hex');
  const keptFile = path.join(compiledFolder, `${key}.js`);
  try {
    return readFileSync(keptFile, 'utf8');
  } catch {
    // not compiled yet
  }
  esbuild ??= require('esbuild');
  const loader = file.endsWith('.tsx') ? 'tsx' : 'ts';
  const { code } = esbuild.transformSync(source, { ...compileOptions, loader, sourcefile: file });
  if (canKeepCompiled) {
    try {
      mkdirSync(compiledFolder, { recursive: true, mode: 0o700 });
      const partFile = `${keptFile}.${process.pid}.part`;
      writeFileSync(partFile, code);
      renameSync(partFile, keptFile);
    } catch {
      canKeepCompiled = false;
    }
  }
  return code;
}

// Errors' stacks name the TypeScript lines (the compiled files carry their source maps).
process.setSourceMapsEnabled(true);

const typeScriptFile = /\.(?:m?ts|tsx)$/;

registerHooks({
  /** @type {import('node:module').LoadHookSync} */
  load(url, context, nextLoad) {
    if (!url.startsWith('file:') || !typeScriptFile.test(url) || url.includes('/node_modules/'))
      return nextLoad(url, context);
    return { format: 'module', source: compiled(fileURLToPath(url)), shortCircuit: true };
  },
});
