/**
 * Administration without a terminal (issue 17): staff accounts and invitations, units, the working calendar
 * (typhoon days, a new year's official calendar), routing rules and classification tables, each a capability
 * with its own part of the manifest. The pages and the `npx onewindow` commands call the same services; every
 * change is audited with what it was before and after. Message templates are edited in the notifications
 * module, which owns them.
 */
import type { AppModule } from '../../platform/composition/app-module.ts';
import { joinParts } from '../../platform/composition/module-part.ts';
import { calendarPart } from './calendar/calendar-part.ts';
import { classificationsPart } from './classifications/classifications-part.ts';
import { routingPart } from './routing/routing-part.ts';
import { staffPart } from './staff/staff-part.ts';
import { unitsPart } from './units/units-part.ts';

export const administrationModule: AppModule = joinParts('administration', [
  staffPart,
  unitsPart,
  calendarPart,
  routingPart,
  classificationsPart,
]);

export { administrationPaths } from './administration-paths.ts';
