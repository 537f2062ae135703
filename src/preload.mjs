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

registerHooks({
  /** @type {import('node:module').ResolveHookSync} */
  resolve(specifier, context, nextResolve) {
    if (specifier === 'drizzle-orm' || specifier.startsWith('drizzle-orm/'))
      return nextResolve(specifier, { ...context, conditions: ['node', 'require', 'default'] });
    return nextResolve(specifier, context);
  },
});
