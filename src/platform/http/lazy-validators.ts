import AjvCompiler from '@fastify/ajv-compiler';

/**
 * Fastify's own Ajv validators for route schemas (`@fastify/ajv-compiler`, the app's `ajv` options), each
 * compiled when its route part is first validated instead of while the app is built. Building the app compiled
 * every route's schemas every time: ~0.5 s of CPU (a fifth of importing, building and starting it, in a CPU
 * profile of 2026-12-06), paid by `npm start`, every CLI command that builds the app and every test file,
 * while a test file asks few of the routes and a running app needs each compiled once.
 *
 * The first request of a route part pays its compilation (a few milliseconds). `compilePending` compiles
 * whatever still waits: `main.ts` calls it (as `app.compilePendingValidators`) after listening, a batch at a
 * turn of the event loop, so a running app is soon fully compiled and a schema Ajv cannot compile stops the
 * start; a test calls it to prove every schema of every route compiles.
 */
type Validate = ((data: unknown, context?: unknown) => unknown) & { errors?: unknown };
type Compile = ReturnType<AjvCompiler.BuildCompilerFromPool>;

export interface LazyValidators {
  /** For Fastify's `schemaController.compilersFactory.buildValidator`. */
  buildValidator: AjvCompiler.BuildCompilerFromPool;
  /**
   * Compiles every validator still waiting, `batch` at a time with a turn of the event loop between batches
   * (requests are served meanwhile); how many it compiled. Throws the first schema Ajv cannot compile.
   */
  compilePending: (batch?: number) => Promise<number>;
  /** How many validators still wait to be compiled. */
  pendingCount: () => number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** LazyValidators' compilePending for this app's routes (set by buildApp). */
    compilePendingValidators: (batch?: number) => Promise<number>;
  }
}

export function lazyValidators(): LazyValidators {
  const pending = new Set<() => Validate>();
  const eager = AjvCompiler();
  const buildValidator: AjvCompiler.BuildCompilerFromPool = (externalSchemas, options) => {
    const compile = eager(externalSchemas, options);
    return ((route: AjvCompiler.RouteDefinition) => {
      let validate: Validate | undefined;
      const compileNow = (): Validate => {
        validate ??= compile(route) as unknown as Validate;
        pending.delete(compileNow);
        return validate;
      };
      pending.add(compileNow);
      const lazy: Validate & { schemaEnv?: boolean } = (data, context) => {
        const compiled = validate ?? compileNow();
        const result = compiled(data, context);
        lazy.errors = compiled.errors;
        return result;
      };
      // Fastify hands an Ajv validator (one with `schemaEnv`) the request as the data's parent, so that Ajv
      // can coerce a root value in place; the compiled validator receives it as `context`.
      lazy.schemaEnv = true;
      return lazy;
    }) as unknown as Compile;
  };
  return {
    buildValidator,
    compilePending: async (batch = 20) => {
      let compiled = 0;
      while (pending.size > 0) {
        for (const compileNow of [...pending].slice(0, batch)) {
          compileNow();
          compiled += 1;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      return compiled;
    },
    pendingCount: () => pending.size,
  };
}
