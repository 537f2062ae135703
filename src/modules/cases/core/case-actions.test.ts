import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { staffRoles } from '../../../platform/auth/principal.ts';
import {
  type ActionActor,
  actionTable,
  type CaseFacts,
  caseActions,
  caseRelations,
  listScope,
  mayTakeAction,
  relationsOf,
  rolesFor,
  unitsBeforeTransfers,
} from './case-actions.ts';

const handler: ActionActor = { id: 'h1', role: 'handler', unitCode: 'road-maintenance' };
const supervisor: ActionActor = { id: 's1', role: 'supervisor', unitCode: 'road-maintenance' };

/** A petition (the default workflow) unless the overrides say otherwise. */
function aCase(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    caseNumber: '1150302-0001',
    kind: 'petition',
    state: 'received',
    unitCode: 'road-maintenance',
    handlerId: null,
    hasPendingExtension: false,
    ...overrides,
  };
}

describe('the actions table', () => {
  it('says who may, as the console, the API and the services did before it (one list per action)', () => {
    const sorted = (action: (typeof caseActions)[number]) => rolesFor(action).toSorted();
    assert.deepEqual(sorted('read'), ['admin', 'counter_clerk', 'handler', 'secretariat', 'supervisor']);
    assert.deepEqual(sorted('look_up'), ['counter_clerk', 'handler', 'secretariat', 'supervisor']);
    assert.deepEqual(sorted('open'), ['counter_clerk', 'handler', 'secretariat', 'supervisor']);
    assert.deepEqual(sorted('work_queue'), ['handler', 'secretariat', 'supervisor']);
    assert.deepEqual(sorted('supervise'), ['secretariat', 'supervisor']);
    assert.deepEqual(sorted('assign'), ['supervisor']);
    assert.deepEqual(sorted('bulk_assign'), ['supervisor']);
    assert.deepEqual(sorted('request_extension'), ['handler', 'supervisor']);
    assert.deepEqual(sorted('decide_extension'), ['supervisor']);
  });

  it('names only known roles and relations, and words every action in both languages', () => {
    for (const action of caseActions) {
      const rule = actionTable[action];
      assert.ok(rule.label.zh !== '' && rule.label.en !== '', action);
      assert.ok(rule.grants.length > 0, action);
      for (const grant of rule.grants) {
        assert.ok(grant.roles.length > 0 && grant.relations.length > 0, action);
        for (const role of grant.roles) assert.ok(staffRoles.includes(role), `${action}: ${role}`);
        for (const relation of grant.relations) assert.ok(caseRelations.includes(relation), relation);
      }
    }
  });

  it('reads the relations of a case to a person from the case and its history', () => {
    assert.deepEqual([...relationsOf(handler, aCase())], ['any', 'own_unit', 'unassigned_in_own_unit']);
    assert.deepEqual(
      [...relationsOf(handler, aCase({ handlerId: 'h1' }))],
      ['any', 'own_unit', 'assigned_to_me'],
    );
    assert.deepEqual([...relationsOf(handler, aCase({ handlerId: 'h2' }))], ['any', 'own_unit']);
    assert.deepEqual([...relationsOf(handler, aCase({ unitCode: 'parks' }))], ['any']);
    const history = unitsBeforeTransfers([
      { kind: 'created', data: { unitCode: 'road-maintenance' } },
      { kind: 'transfer', data: { fromUnit: 'road-maintenance', toUnit: 'parks' } },
    ]);
    assert.deepEqual(history, ['road-maintenance']);
    assert.deepEqual(
      [...relationsOf(handler, aCase({ unitCode: 'parks', unitsBefore: history }))],
      ['any', 'passed_through'],
    );
    const clerk: ActionActor = { id: 'c1', role: 'counter_clerk', unitCode: null };
    assert.deepEqual([...relationsOf(clerk, aCase({ unitsBefore: history }))], ['any']);
  });

  it('lets a handler extend their own or an unassigned case of the unit, a supervisor any case of the unit', () => {
    assert.equal(mayTakeAction(handler, 'request_extension', aCase(), 'en').isAllowed, true);
    assert.equal(
      mayTakeAction(handler, 'request_extension', aCase({ handlerId: 'h1' }), 'en').isAllowed,
      true,
    );
    const someoneElses = mayTakeAction(handler, 'request_extension', aCase({ handlerId: 'h2' }), 'en');
    assert.deepEqual(
      someoneElses.failures.map((failure) => [failure.kind, failure.code, failure.message]),
      [['relation', 'assigned_or_unassigned', 'This case is assigned to another case officer.']],
    );
    const otherUnit = mayTakeAction(handler, 'request_extension', aCase({ unitCode: 'parks' }), 'zh-TW');
    assert.deepEqual(
      otherUnit.failures.map((failure) => failure.code),
      ['own_unit'],
      'an unassigned case of another unit: only the unit is wrong',
    );
    assert.deepEqual(
      mayTakeAction(
        handler,
        'request_extension',
        aCase({ unitCode: 'parks', handlerId: 'h2' }),
        'en',
      ).failures.map((failure) => failure.code),
      ['own_unit', 'assigned_or_unassigned'],
    );
    assert.equal(
      mayTakeAction(supervisor, 'request_extension', aCase({ handlerId: 'h2' }), 'en').isAllowed,
      true,
    );
    const clerk = mayTakeAction(
      { id: 'c', role: 'counter_clerk', unitCode: null },
      'request_extension',
      aCase(),
      'en',
    );
    assert.deepEqual(
      clerk.failures.map((failure) => [failure.kind, failure.message]),
      [['role', 'Your role cannot “extend” a case.']],
    );
  });

  it('refuses an extension on a finished or answered case, or while one is pending, saying why', () => {
    for (const state of ['closed', 'withdrawn', 'resolved']) {
      const decision = mayTakeAction(handler, 'request_extension', aCase({ state }), 'zh-TW');
      assert.deepEqual(
        decision.failures.map((failure) => [failure.code, failure.message]),
        [['finished', '已結束的案件不能展延。']],
        state,
      );
    }
    assert.equal(
      mayTakeAction(handler, 'request_extension', aCase({ state: 'awaiting_supplement' }), 'en').isAllowed,
      true,
    );
    // A field report is finished once fixed (its own workflow); until then it may be extended.
    for (const state of ['fixed', 'closed']) {
      const decision = mayTakeAction(
        handler,
        'request_extension',
        aCase({ kind: 'field_report', state }),
        'en',
      );
      assert.deepEqual(
        decision.failures.map((failure) => failure.code),
        ['finished'],
        state,
      );
    }
    for (const state of ['dispatched', 'reopened'])
      assert.equal(
        mayTakeAction(handler, 'request_extension', aCase({ kind: 'field_report', state }), 'en').isAllowed,
        true,
        state,
      );
    assert.deepEqual(
      mayTakeAction(handler, 'request_extension', aCase({ hasPendingExtension: true }), 'en').failures.map(
        (failure) => failure.code,
      ),
      ['pending'],
    );
    assert.throws(() =>
      mayTakeAction(handler, 'request_extension', aCase({ hasPendingExtension: undefined }), 'en'),
    );
  });

  it('refuses an assignment case by case, naming each', () => {
    const other = mayTakeAction(
      supervisor,
      'bulk_assign',
      aCase({ unitCode: 'parks', state: 'closed' }),
      'en',
    );
    assert.deepEqual(
      other.failures.map((failure) => [failure.code, failure.message]),
      [
        ['other_unit', 'Case 1150302-0001 belongs to another unit.'],
        ['finished', 'Case 1150302-0001 is finished and cannot be assigned.'],
      ],
    );
    assert.equal(mayTakeAction(supervisor, 'assign', aCase({ handlerId: 'h2' }), 'en').isAllowed, true);
    assert.equal(mayTakeAction(handler, 'assign', aCase(), 'en').failures[0]?.kind, 'role');
  });

  it('lets only a supervisor of the unit decide a pending extension of an open case', () => {
    assert.equal(
      mayTakeAction(supervisor, 'decide_extension', aCase({ hasPendingExtension: true }), 'en').isAllowed,
      true,
    );
    assert.deepEqual(
      mayTakeAction(supervisor, 'decide_extension', aCase({ hasPendingExtension: false }), 'en').failures.map(
        (failure) => failure.code,
      ),
      ['not_pending'],
    );
    assert.deepEqual(
      mayTakeAction(
        supervisor,
        'decide_extension',
        aCase({ unitCode: 'parks', hasPendingExtension: true }),
        'en',
      ).failures.map((failure) => failure.code),
      ['own_unit'],
    );
  });

  it('tells a list which cases it holds for a role: every case, the unit’s, or none', () => {
    assert.equal(listScope('secretariat', 'work_queue'), 'any');
    assert.equal(listScope('handler', 'work_queue'), 'own_unit');
    assert.equal(listScope('supervisor', 'supervise'), 'own_unit');
    assert.equal(listScope('secretariat', 'supervise'), 'any');
    assert.equal(listScope('counter_clerk', 'work_queue'), null);
    assert.equal(listScope('counter_clerk', 'look_up'), 'any');
  });
});
