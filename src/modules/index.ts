import type { AppModule } from '../platform/composition/app-module.ts';
import { administrationModule } from './administration/index.ts';
import { applicationsModule } from './applications/index.ts';
import { casesModule } from './cases/index.ts';
import { catalogueModule } from './catalogue/index.ts';
import { citizensModule } from './citizens/index.ts';
import { controlModule } from './control/index.ts';
import { notificationsModule } from './notifications/index.ts';
import { open311Module } from './open311/index.ts';
import { petitionsModule } from './petitions/index.ts';
import { portalModule } from './portal/index.ts';
import { reportsModule } from './reports/index.ts';

/**
 * Every business module, in order: seeds run in this order (the catalogue before the routing rules that
 * name its services), routes are registered in it, and the staff home lists areas in it within each group.
 * Adding a module is one line here (CONTRIBUTING.md, "Add a module"); nothing else names a module.
 */
export const modules: readonly AppModule[] = [
  catalogueModule,
  casesModule,
  notificationsModule,
  applicationsModule,
  citizensModule,
  controlModule,
  reportsModule,
  open311Module,
  portalModule,
  petitionsModule,
  administrationModule,
];
