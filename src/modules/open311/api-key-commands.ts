import { cliActor } from '../../platform/auth/audit-log.ts';
import type { ModuleCommand } from '../../platform/composition/app-module.ts';
import { defaultRatePerMinute, maxRatePerMinute } from './api-key-rules.ts';

/**
 * `npx onewindow apikey:*`: Open311 API keys for operators. The key itself is printed once, alone on the
 * last line of `apikey:create`, so a script can take it with `tail -n 1`. The code that touches the
 * database is loaded when a command runs, not when the CLI lists its commands.
 */

const iso = (moment: Date | null) => (moment === null ? '-' : moment.toISOString());

export const apiKeyCommands: Readonly<Record<string, ModuleCommand>> = {
  'apikey:create': {
    summary: 'Create an Open311 API key for a client system; prints the key alone on the last line.',
    usage: 'onewindow apikey:create --name NAME [--rate N]',
    options: {
      name: {
        type: 'string',
        description: 'the client system, recorded on every report it files (e.g. kaohsiung-1999)',
        required: true,
      },
      rate: {
        type: 'string',
        description: `reports it may file per minute, 1 to ${maxRatePerMinute} (default ${defaultRatePerMinute})`,
      },
    },
    async run(values, context) {
      const { createApiKey } = await import('./api-keys.ts');
      const { key, row } = await createApiKey(context.db, {
        name: String(values.name),
        rate: typeof values.rate === 'string' ? values.rate : '',
        createdByStaffId: null,
        actor: cliActor,
        now: new Date(),
        lang: 'en',
      });
      context.print(
        `Created the key "${row.name}" (starts ${row.keyPrefix}, ${row.ratePerMinute} requests a minute).`,
      );
      context.print('It is shown only now; only its hash is kept. The key:');
      context.print(key);
    },
  },
  'apikey:list': {
    summary: 'List the Open311 API keys: name, prefix, created, last used, revoked, rate per minute.',
    usage: 'onewindow apikey:list [--json]',
    options: { json: { type: 'boolean', description: 'print JSON' } },
    async run(values, context) {
      const { listApiKeys } = await import('./api-keys.ts');
      const keys = await listApiKeys(context.db);
      if (values.json === true) {
        context.print(
          JSON.stringify(
            keys.map(({ id: _id, ...key }) => key),
            null,
            2,
          ),
        );
        return;
      }
      if (keys.length === 0) {
        context.print('No API keys yet. Create one with `onewindow apikey:create --name NAME`.');
        return;
      }
      context.print(['name', 'prefix', 'created', 'last used', 'revoked', 'rate/min'].join('\t'));
      for (const key of keys) {
        context.print(
          [
            key.name,
            key.keyPrefix,
            iso(key.createdAt),
            iso(key.lastUsedAt),
            iso(key.revokedAt),
            key.ratePerMinute,
          ].join('\t'),
        );
      }
    },
  },
  'apikey:revoke': {
    summary: 'Revoke an Open311 API key at once (its reports keep its name).',
    usage: 'onewindow apikey:revoke --name NAME',
    options: { name: { type: 'string', description: 'the key’s name', required: true } },
    async run(values, context) {
      const { revokeApiKey } = await import('./api-keys.ts');
      const row = await revokeApiKey(context.db, {
        name: String(values.name),
        actor: cliActor,
        now: new Date(),
        lang: 'en',
      });
      context.print(`Revoked the key "${row.name}" (starts ${row.keyPrefix}).`);
    },
  },
};
