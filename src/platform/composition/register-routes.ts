import type { AppDeps, AppInstance } from '../http/app-types.ts';
import { registerMultipart } from '../uploads/multipart.ts';
import type { ModuleRegistry } from './app-module.ts';

// Apart from compose.ts so that the CLI, the seed and the workers, which never serve pages, do not load
// the HTTP upload code.

/**
 * Registers every module's route groups, each in its own context: `root` for groups outside the site (no
 * cookies, session or CSRF), `site` for the rest. A group that takes files gets @fastify/multipart in its
 * own context only.
 */
export async function registerModuleRoutes(
  contexts: { root: AppInstance; site: AppInstance },
  deps: AppDeps,
  registry: ModuleRegistry,
  where: 'root' | 'site',
): Promise<void> {
  const parent = where === 'root' ? contexts.root : contexts.site;
  for (const module of registry.modules) {
    for (const group of module.routes ?? []) {
      if ((group.isOutsideSite === true) !== (where === 'root')) continue;
      await parent.register(async (scope) => {
        const context = scope as AppInstance;
        if (group.takesFiles === true) await registerMultipart(context, deps.config, deps.files);
        const register = await group.load();
        await register(context, deps, registry);
      });
    }
  }
}
