import { cliActor } from '../../../platform/auth/audit-log.ts';
import type { ModuleCommand } from '../../../platform/composition/app-module.ts';
import { listRoutingRules, removeRoutingRule, setRoutingRule } from './routing-rules.ts';

/** `--service` of the commands that name a rule (set, remove). */
const serviceOption = { type: 'string', description: 'the service code', required: true } as const;

/** The rule a command names: its service, and its district (null: the rule for every district). */
function ruleKeyOf(values: Parameters<ModuleCommand['run']>[0]): {
  serviceCode: string;
  districtCode: string | null;
} {
  return {
    serviceCode: String(values.service),
    districtCode: typeof values.district === 'string' ? values.district : null,
  };
}

/** `npx onewindow routing:*`: routing rules as data, for operators. */
export const routingCommands: Readonly<Record<string, ModuleCommand>> = {
  'routing:list': {
    summary: 'List the routing rules (service + district → unit) that override a service’s own unit.',
    usage: 'onewindow routing:list',
    options: {},
    async run(_values, context) {
      const rules = await listRoutingRules(context.db);
      if (rules.length === 0) context.print('No routing rules: every case goes to its service’s unit.');
      for (const rule of rules) {
        context.print(`${rule.serviceCode}\t${rule.districtCode ?? '*'}\t→ ${rule.unitCode}\t${rule.note}`);
      }
    },
  },
  'routing:set': {
    summary: 'Send a service’s new cases (in one district, or everywhere) to another unit.',
    usage: 'onewindow routing:set --service CODE [--district TOWNCODE] --unit CODE [--note TEXT]',
    options: {
      service: serviceOption,
      district: { type: 'string', description: 'MOI town code, e.g. 64000080; omit for every district' },
      unit: { type: 'string', description: 'the unit that takes the cases', required: true },
      note: { type: 'string', description: 'why (shown in routing:list)' },
    },
    async run(values, context) {
      await setRoutingRule(
        context.db,
        {
          ...ruleKeyOf(values),
          unitCode: String(values.unit),
          note: typeof values.note === 'string' ? values.note : '',
        },
        cliActor,
        new Date(),
      );
      context.print(
        `New ${values.service} cases${values.district ? ` in ${values.district}` : ''} go to ${values.unit}.`,
      );
    },
  },
  'routing:remove': {
    summary: 'Remove a routing rule.',
    usage: 'onewindow routing:remove --service CODE [--district TOWNCODE]',
    options: {
      service: serviceOption,
      district: { type: 'string', description: 'MOI town code; omit for the every-district rule' },
    },
    async run(values, context) {
      const removed = await removeRoutingRule(context.db, ruleKeyOf(values), cliActor, new Date());
      context.print(removed ? 'Rule removed.' : 'There was no such rule.');
    },
  },
};
