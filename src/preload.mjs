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
 * JavaScript, not TypeScript: Node runs it before tsx is registered, and its own type stripping would load
 * a WebAssembly compiler that costs more memory than this file saves.
 */
import { registerHooks } from 'node:module';

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
