import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { aStaffMember, signIn } from './auth-test-support.ts';
import { type StaffRole, staffRoles } from './principal.ts';

/** What each role finds on the staff home (the modules' manifests and the platform's own areas). */
const expectedAreas: Record<StaffRole, string[]> = {
  admin: [
    'petitions.media',
    'control.plans',
    'control.progress',
    'petitions.analysis',
    'catalogue.content',
    'portal.content',
    'portal.faq',
    'portal.search',
    'platform.audit-log',
    'notifications.outbox',
    'notifications.templates',
    'open311.api-keys',
    'petitions.types',
    'petitions.officers',
    'administration.staff',
    'administration.units',
    'administration.calendar',
    'administration.routing',
    'administration.classifications',
  ],
  secretariat: [
    'cases.counter',
    'cases.supervision',
    'cases.satisfaction',
    'cases.deficiency',
    'cases.lookup',
    'petitions.new',
    'petitions.media',
    'control.plans',
    'control.work-plans',
    'control.progress',
    'control.checks',
    'control.reports',
    'petitions.analysis',
    'notifications.templates',
    'administration.calendar',
  ],
  supervisor: [
    'cases.queue',
    'cases.supervision',
    'cases.satisfaction',
    'cases.deficiency',
    'cases.lookup',
    'reports.crew',
    'petitions.new',
    'petitions.media',
    'petitions.analysis',
    'notifications.templates',
    'administration.routing',
  ],
  handler: ['cases.queue', 'cases.lookup', 'reports.crew', 'petitions.new'],
  counter_clerk: ['cases.counter', 'cases.lookup', 'petitions.new'],
  web_editor: ['catalogue.content', 'portal.content', 'portal.faq', 'portal.search'],
  unit_editor: ['control.unit-work-plans', 'control.progress', 'control.unit-checks'],
  unit_head: ['control.unit-work-plans', 'control.progress', 'control.unit-checks', 'petitions.analysis'],
};

describe('the staff home', () => {
  let subject: TestApp;
  before(async () => {
    subject = await buildTestApp();
  });
  after(() => subject.app.close());

  for (const role of staffRoles) {
    it(`a ${role} sees their work areas, and each one opens for them`, async () => {
      const member = await aStaffMember(subject.database.db, {
        role,
        withTotp: role === 'admin',
        clock: subject.clock,
      });
      const browser = await signIn(subject.app, member, subject.clock);
      const home = await browser.get('/staff');
      assert.equal(home.statusCode, 200);
      const areas = [
        ...home.body.matchAll(/<li data-area="([^"]+)">(?:<a class="govuk-link" href="([^"]+)">)?/g),
      ];
      assert.deepEqual(
        areas.map((match) => match[1]),
        expectedAreas[role],
      );
      for (const [, id, href] of areas) {
        if (href === undefined) continue;
        // An area may send on to its current page (the progress of this year): follow that.
        let page = await browser.get(href);
        for (let hops = 0; page.statusCode === 303 && hops < 3; hops += 1)
          page = await browser.get(String(page.headers.location));
        assert.equal(page.statusCode, 200, `${role}: ${id} → ${href} answered ${page.statusCode}`);
      }
      const english = await browser.get('/en/staff');
      assert.match(english.body, /href="\/en\/staff\//);
    });
  }
});
