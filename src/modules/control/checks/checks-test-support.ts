import assert from 'node:assert/strict';
import { decode } from '../../../../test/helpers/html.ts';
import type { TestApp } from '../../../../test/helpers/test-app.ts';
import { csrfTokenIn, type TestBrowser } from '../../../platform/auth/auth-test-support.ts';
import type { StaffRole } from '../../../platform/auth/principal.ts';
import { signedInMember } from '../shared/control-app-test-support.ts';

/** What the checks' HTTP tests share: signing in, posting a page's form (plain or multipart), a phone test. */

export type InjectResponse = Awaited<ReturnType<TestBrowser['get']>>;

/** The action of an action's follow-up form (multipart: its CSRF token is the form's first field). */
export function multipartActionOf(html: string, actionId: string): string {
  const match = new RegExp(
    `<form method="post" action="([^"]+/actions/${actionId}/follow-ups[^"]*)" enctype="multipart/form-data"`,
  ).exec(html);
  if (!match?.[1]) throw new Error('the page has no follow-up form for that action');
  return decode(match[1]);
}

// Top level: the test database helper registers its clean-up with node:test's after().

/** A staff member of the role (and unit) signed in, named after them (「unit_head parks」). */
export function signedIn(subject: TestApp, role: StaffRole, unitCode?: string): Promise<TestBrowser> {
  return signedInMember(subject, role, unitCode, `${role} ${unitCode ?? ''}`.trim());
}

/** The people of the checks' tests, signed in: the secretariat; road-maintenance's editor, head and a handler; parks' editor and head. */
export async function checkStaff(subject: TestApp) {
  return {
    secretariat: await signedIn(subject, 'secretariat'),
    roadEditor: await signedIn(subject, 'unit_editor', 'road-maintenance'),
    roadHead: await signedIn(subject, 'unit_head', 'road-maintenance'),
    handler: await signedIn(subject, 'handler', 'road-maintenance'),
    parksEditor: await signedIn(subject, 'unit_editor', 'parks'),
    parksHead: await signedIn(subject, 'unit_head', 'parks'),
  };
}

export async function postFrom(
  browser: TestBrowser,
  page: string,
  action: string,
  fields: Record<string, string>,
) {
  const form = await browser.get(page);
  assert.equal(form.statusCode, 200, `GET ${page}`);
  return browser.post(action, { _csrf: csrfTokenIn(form.body), ...fields });
}

export const checkIdOf = (location: unknown) => {
  const match = /\/staff\/checks\/([0-9a-f-]{36})\?done=saved$/.exec(String(location));
  assert.ok(match?.[1], `redirect to the check: ${String(location)}`);
  return match[1];
};

export const phoneTest = {
  checkDate: '115/3/1',
  unitCode: 'road-maintenance',
  kind: 'phone_courtesy',
  subject: '養護工程處服務電話 07-000-0000',
  score: '72',
  findings: '接聽時未報單位名稱。\n轉接等候超過 30 秒。',
  action1Description: '接聽電話一律先報單位名稱',
  action1Deadline: '115/3/20',
  action1Unit: '',
  action2Description: '轉接流程檢討並訓練話務人員',
  action2Deadline: '2026-04-30',
  action2Unit: 'parks',
  action3Description: '',
  action3Deadline: '',
  action3Unit: '',
};

/** The phone test's corrective actions left blank: a check recorded without any. */
export const withoutActions = {
  action1Description: '',
  action1Deadline: '',
  action2Description: '',
  action2Deadline: '',
  action2Unit: '',
};
