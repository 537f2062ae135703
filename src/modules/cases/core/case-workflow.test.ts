import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  caseEvents,
  caseStates,
  eventsFor,
  findTransition,
  finishedStates,
  pausedStates,
  transitionInputs,
  workflow,
} from './case-workflow.ts';
import { renderWorkflowDocument } from './case-workflow-doc.ts';

describe('the workflow table', () => {
  it('reaches every state from received', () => {
    const seen = new Set(['received']);
    const queue = ['received'];
    while (queue.length > 0) {
      const state = queue.shift() as (typeof caseStates)[number];
      for (const transition of workflow[state]) {
        if (!seen.has(transition.to)) {
          seen.add(transition.to);
          queue.push(transition.to);
        }
      }
    }
    assert.deepEqual([...seen].sort(), [...caseStates].sort());
  });

  it('lets every open state end: a path to a finished state exists from each', () => {
    for (const state of caseStates) {
      if (finishedStates.has(state)) continue;
      const targets = new Set(workflow[state].map((transition) => transition.to));
      const reachesFinish = [...targets].some(
        (to) => finishedStates.has(to) || workflow[to].some((next) => finishedStates.has(next.to)),
      );
      assert.ok(reachesFinish, `${state} cannot reach a finished state within two steps`);
    }
  });

  it('has no event twice from one state, and names only known events, roles and inputs', () => {
    for (const state of caseStates) {
      const events = workflow[state].map((transition) => transition.event);
      assert.equal(new Set(events).size, events.length, state);
      for (const transition of workflow[state]) {
        assert.ok(caseEvents.includes(transition.event));
        assert.ok(transition.roles.length > 0, `${state}/${transition.event} has nobody allowed`);
        for (const input of transition.requires) assert.ok(transitionInputs.includes(input));
      }
    }
  });

  it('finishes for good except a closed case, which the applicant or a supervisor may reopen', () => {
    for (const state of finishedStates) {
      const events = workflow[state].map((transition) => transition.event);
      assert.deepEqual(events, state === 'closed' ? ['reopen'] : [], state);
    }
    assert.deepEqual(eventsFor('closed', 'applicant'), ['reopen']);
    assert.deepEqual(eventsFor('closed', 'handler'), []);
  });

  it('pauses the clock only while waiting for the applicant, and that state can be left', () => {
    assert.deepEqual([...pausedStates], ['awaiting_supplement']);
    assert.equal(findTransition('awaiting_supplement', 'supplement_received')?.to, 'in_progress');
  });

  it('asks for what each decision needs', () => {
    assert.deepEqual(findTransition('in_progress', 'resolve')?.requires, ['resolution']);
    assert.deepEqual(findTransition('received', 'reject')?.requires, ['reason']);
    assert.deepEqual(findTransition('received', 'transfer')?.requires, ['target_unit', 'reason']);
    assert.deepEqual(findTransition('accepted', 'forward')?.requires, ['target_agency', 'public_note']);
    assert.deepEqual(findTransition('received', 'merge')?.requires, ['target_case']);
  });
});

describe('docs/case-workflow.md', () => {
  it('is what the table generates (run `npm run docs:workflow` after changing the table)', () => {
    const committed = readFileSync(new URL('../../../../docs/case-workflow.md', import.meta.url), 'utf8');
    assert.equal(committed, renderWorkflowDocument());
  });
});
