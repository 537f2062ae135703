import assert from 'node:assert/strict';
import os from 'node:os';
import { describe, it } from 'node:test';
import { createPhotoQueue, photoQueue } from './photo-queue.ts';

/** A task that records when it runs and finishes when the test says so. */
function controlledTask(name: string, log: string[]) {
  let finish: (value: string) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const task = () =>
    new Promise<string>((resolve, reject) => {
      log.push(`start ${name}`);
      finish = resolve;
      fail = reject;
    });
  return { task, finish: () => finish(name), fail: (error: Error) => fail(error) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('createPhotoQueue', () => {
  it('runs at most `limit` tasks at once, the others in the order they came', async () => {
    const queue = createPhotoQueue(2);
    const log: string[] = [];
    const tasks = ['a', 'b', 'c', 'd'].map((name) => controlledTask(name, log));
    const results = tasks.map((task) => queue.run(task.task));
    await settle();
    assert.deepEqual(log, ['start a', 'start b']);
    assert.equal(queue.active, 2);
    assert.equal(queue.waiting, 2);

    tasks[1]?.finish();
    await settle();
    assert.deepEqual(log, ['start a', 'start b', 'start c']);
    assert.equal(queue.active, 2);
    assert.equal(queue.waiting, 1);

    tasks[0]?.finish();
    tasks[2]?.finish();
    await settle();
    assert.deepEqual(log, ['start a', 'start b', 'start c', 'start d']);
    tasks[3]?.finish();
    assert.deepEqual(await Promise.all(results), ['a', 'b', 'c', 'd']);
    assert.equal(queue.active, 0);
    assert.equal(queue.waiting, 0);
  });

  it('gives the slot back when a task fails, and passes the failure on', async () => {
    const queue = createPhotoQueue(1);
    const log: string[] = [];
    const failing = controlledTask('a', log);
    const next = controlledTask('b', log);
    const first = queue.run(failing.task);
    const second = queue.run(next.task);
    await settle();
    failing.fail(new Error('decoder failed'));
    await assert.rejects(first, /decoder failed/);
    await settle();
    assert.deepEqual(log, ['start a', 'start b']);
    next.finish();
    assert.equal(await second, 'b');
    assert.equal(queue.active, 0);
  });

  it('runs a task that needs every slot alone, and the tasks after it wait behind it', async () => {
    const queue = createPhotoQueue(2);
    const log: string[] = [];
    const [small, large, later] = ['small', 'large', 'later'].map((name) => controlledTask(name, log));
    const results = [
      queue.run(small?.task ?? (async () => '')),
      queue.run(large?.task ?? (async () => ''), 2),
      queue.run(later?.task ?? (async () => '')),
    ];
    await settle();
    assert.deepEqual(
      log,
      ['start small'],
      'one slot is free, but the large task needs both, and the later one waits behind it',
    );
    assert.equal(queue.waiting, 2);

    small?.finish();
    await settle();
    assert.deepEqual(log, ['start small', 'start large']);
    assert.equal(queue.active, 2);

    large?.finish();
    await settle();
    assert.deepEqual(log, ['start small', 'start large', 'start later']);
    later?.finish();
    assert.deepEqual(await Promise.all(results), ['small', 'large', 'later']);
    assert.equal(queue.active, 0);
  });

  it('asks at most every slot, at least one', async () => {
    const queue = createPhotoQueue(2);
    assert.equal(await queue.run(async () => queue.active, 5), 2);
    assert.equal(await queue.run(async () => queue.active, 0), 1);
  });

  it('refuses a limit below one', () => {
    assert.throws(() => createPhotoQueue(0), /limit must be ≥ 1/);
    assert.throws(() => createPhotoQueue(1.5), /limit must be ≥ 1/);
  });

  it('has one slot per CPU in the process queue', () => {
    assert.equal(photoQueue.limit, Math.max(1, os.availableParallelism()));
  });
});
