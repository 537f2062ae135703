import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isWrittenInEnglish } from './answer-language.ts';
import { applicationWorkflow } from './application-workflow.ts';
import { renderWorkflowDocument } from './case-workflow-doc.ts';
import { defaultWorkflow } from './default-workflow.ts';
import { fieldReportWorkflow } from './field-report-workflow.ts';
import { caseActorRoles, caseGuards, transitionInputs } from './workflow-definition.ts';
import {
  type CaseWorkflow,
  caseEvents,
  caseStates,
  caseWorkflows,
  finishedStates,
  kindsOf,
  openStates,
  stateLabel,
  workflowOf,
  workflowsByKind,
} from './workflows.ts';

describe('every workflow table', () => {
  for (const workflow of caseWorkflows) {
    describe(`${workflow.name}`, () => {
      it('reaches every state from its initial state', () => {
        const seen = new Set<string>([workflow.initial]);
        const queue: string[] = [workflow.initial];
        while (queue.length > 0) {
          for (const transition of workflow.transitionsFrom(queue.shift() ?? '')) {
            if (seen.has(transition.to)) continue;
            seen.add(transition.to);
            queue.push(transition.to);
          }
        }
        assert.deepEqual([...seen].sort(), [...workflow.states].sort());
      });

      it('lets every open state end: a path to a finished state exists from each', () => {
        for (const state of workflow.openStates) {
          const seen = new Set<string>([state]);
          const queue: string[] = [state];
          let isEnding = false;
          while (queue.length > 0 && !isEnding) {
            for (const transition of workflow.transitionsFrom(queue.shift() ?? '')) {
              if (workflow.isFinished(transition.to)) isEnding = true;
              if (!seen.has(transition.to)) {
                seen.add(transition.to);
                queue.push(transition.to);
              }
            }
          }
          assert.ok(isEnding, `${state} cannot reach a finished state`);
        }
      });

      it('has no event twice from one state, and names only its own events and states, known roles, guards and inputs', () => {
        for (const state of workflow.states) {
          const events = workflow.transitions[state].map((transition) => transition.event);
          assert.equal(new Set(events).size, events.length, state);
          for (const transition of workflow.transitions[state]) {
            assert.ok(workflow.hasEvent(transition.event), transition.event);
            assert.ok(workflow.hasState(transition.to), transition.to);
            assert.ok(transition.roles.length > 0, `${state}/${transition.event} has nobody allowed`);
            for (const role of transition.roles) assert.ok(caseActorRoles.includes(role), role);
            for (const guard of transition.guards) assert.ok(caseGuards.includes(guard), guard);
            for (const input of transition.requires) assert.ok(transitionInputs.includes(input), input);
          }
        }
        for (const state of [...workflow.finished, ...workflow.paused, ...workflow.answered])
          assert.ok(workflow.hasState(state), state);
        assert.ok(workflow.hasState(workflow.initial));
        assert.ok(!workflow.isFinished(workflow.initial), 'a case does not start finished');
      });
    });
  }

  it('gives every kind a workflow, and a state the same meaning and words in every workflow that has it', () => {
    assert.deepEqual(Object.keys(workflowsByKind).sort(), [
      'application',
      'field_report',
      'inquiry',
      'petition',
    ]);
    for (const state of caseStates) {
      const having = caseWorkflows.filter((workflow) => workflow.hasState(state));
      assert.ok(having.length > 0);
      for (const workflow of having) {
        assert.equal(
          workflow.isFinished(state),
          finishedStates.has(state),
          `${state} finished in ${workflow.name}`,
        );
        assert.deepEqual(workflow.labels.states[state], stateLabel(state), `${state} in ${workflow.name}`);
      }
    }
    assert.deepEqual(
      openStates,
      caseStates.filter((state) => !finishedStates.has(state)),
    );
    assert.ok(caseEvents.length > 0);
    assert.equal(workflowOf('no-such-kind'), defaultWorkflow, 'an unknown kind follows the default');
  });
});

describe('the field-report workflow', () => {
  const workflow = fieldReportWorkflow;

  it('is the workflow of field reports', () => {
    assert.equal(workflowOf('field_report'), workflow);
    assert.deepEqual(kindsOf(workflow as unknown as CaseWorkflow), ['field_report']);
  });

  it('goes received → dispatched → fixed → closed, and back to a crew when the reporter says not fixed', () => {
    assert.equal(workflow.findTransition('received', 'dispatch')?.to, 'dispatched');
    assert.deepEqual(workflow.findTransition('dispatched', 'mark_fixed')?.requires, ['resolution']);
    assert.equal(workflow.findTransition('dispatched', 'mark_fixed')?.to, 'fixed');
    assert.equal(workflow.findTransition('fixed', 'close')?.to, 'closed');
    assert.deepEqual(workflow.eventsFor('fixed', 'applicant'), ['reopen']);
    assert.deepEqual(workflow.findTransition('fixed', 'reopen')?.guards, [
      'own_unit',
      'within_reopen_window',
    ]);
    assert.equal(workflow.findTransition('reopened', 'dispatch')?.to, 'dispatched');
    assert.deepEqual(workflow.eventsFor('fixed', 'handler'), ['close']);
  });

  it('stops the clock when the crew fixes it', () => {
    assert.ok(workflow.isFinished('fixed'));
    assert.ok(!workflow.isFinished('reopened'));
    assert.deepEqual([...workflow.paused], []);
  });
});

describe('the default workflow', () => {
  const workflow = defaultWorkflow;

  it('is the workflow of inquiries (applications, field reports and petitions have their own)', () => {
    assert.deepEqual(kindsOf(workflow as unknown as CaseWorkflow), ['inquiry']);
  });

  it('finishes for good except a closed case, which the applicant or a supervisor may reopen', () => {
    for (const state of workflow.finished) {
      const events = workflow.transitions[state].map((transition) => transition.event);
      assert.deepEqual(events, state === 'closed' ? ['reopen'] : [], state);
    }
    assert.deepEqual(workflow.eventsFor('closed', 'applicant'), ['reopen']);
    assert.deepEqual(workflow.eventsFor('closed', 'handler'), []);
    assert.deepEqual([...workflow.finished], ['closed', 'forwarded', 'rejected', 'withdrawn', 'merged']);
  });

  it('pauses the clock only while waiting for the applicant, and that state can be left', () => {
    assert.deepEqual([...workflow.paused], ['awaiting_supplement']);
    assert.deepEqual([...workflow.answered], ['resolved']);
    assert.equal(workflow.findTransition('awaiting_supplement', 'supplement_received')?.to, 'in_progress');
  });

  it('asks for what each decision needs', () => {
    assert.deepEqual(workflow.findTransition('in_progress', 'resolve')?.requires, ['resolution']);
    assert.deepEqual(workflow.findTransition('received', 'reject')?.requires, ['reason']);
    assert.deepEqual(workflow.findTransition('received', 'transfer')?.requires, ['target_unit', 'reason']);
    assert.deepEqual(workflow.findTransition('accepted', 'forward')?.requires, [
      'target_agency',
      'public_note',
    ]);
    assert.deepEqual(workflow.findTransition('received', 'merge')?.requires, ['target_case']);
  });

  it('lets the staff roles that work cases take events, and no one else', () => {
    assert.deepEqual([...workflow.staffRoles].sort(), [
      'counter_clerk',
      'handler',
      'secretariat',
      'supervisor',
    ]);
  });
});

describe('the application workflow (issue 11)', () => {
  const workflow = applicationWorkflow;

  it('is the workflow of applications', () => {
    assert.deepEqual(kindsOf(workflow as unknown as CaseWorkflow), ['application']);
  });

  it('stops the clock while the applicant supplements or pays, and both states can be left by the applicant', () => {
    assert.deepEqual([...workflow.paused], ['awaiting_supplement', 'awaiting_payment']);
    assert.equal(workflow.findTransition('awaiting_supplement', 'supplement_received')?.to, 'in_progress');
    assert.equal(workflow.findTransition('awaiting_payment', 'payment_received')?.to, 'in_progress');
    assert.ok(workflow.eventsFor('awaiting_supplement', 'applicant').includes('supplement_received'));
    assert.ok(workflow.eventsFor('awaiting_payment', 'applicant').includes('payment_received'));
    assert.ok(workflow.eventsFor('awaiting_payment', 'counter_clerk').includes('payment_received'));
    // A handler cannot mark a fee paid: only the provider's confirmation (the applicant) or the counter.
    assert.ok(!workflow.eventsFor('awaiting_payment', 'handler').includes('payment_received'));
  });

  it('closes a case not supplemented in time as not accepted, and asks for the fee before a decision', () => {
    assert.equal(workflow.findTransition('awaiting_supplement', 'close_unsupplemented')?.to, 'rejected');
    assert.equal(workflow.findTransition('awaiting_supplement', 'resolve'), undefined);
    assert.equal(workflow.findTransition('awaiting_payment', 'resolve'), undefined);
    assert.equal(workflow.findTransition('in_progress', 'request_payment')?.to, 'awaiting_payment');
  });
});

describe('docs/case-workflow.md', () => {
  it('is what the tables generate (run `npm run docs:workflow` after changing a table)', () => {
    const committed = readFileSync(new URL('../../../../docs/case-workflow.md', import.meta.url), 'utf8');
    assert.equal(committed, renderWorkflowDocument());
  });
});

describe('the petition workflow', () => {
  const workflow = workflowOf('petition');

  it('answers from accepted or in progress, through the supervisor when the type says so', () => {
    assert.equal(workflow.name, 'petition');
    for (const state of ['accepted', 'in_progress']) {
      assert.equal(workflow.findTransition(state, 'submit_answer')?.to, 'answer_pending');
      assert.deepEqual(workflow.findTransition(state, 'resolve')?.guards, [
        'own_unit',
        'assigned_or_unassigned',
        'answer_approval_not_needed',
      ]);
    }
    assert.deepEqual(workflow.eventsFor('answer_pending', 'supervisor'), ['approve_answer', 'return_answer']);
    assert.deepEqual(workflow.eventsFor('answer_pending', 'handler'), []);
    assert.equal(workflow.answersInApplicantLanguage, true);
  });

  it('reads an answer as English when its Latin words outnumber its Chinese characters', () => {
    assert.equal(isWrittenInEnglish('The sidewalk on 中正路 was repaired this week.'), true);
    assert.equal(isWrittenInEnglish('您好，人行道已修復完成，謝謝 OK'), false);
    assert.equal(isWrittenInEnglish('OK thanks'), false);
    assert.equal(isWrittenInEnglish(''), false);
  });
});
