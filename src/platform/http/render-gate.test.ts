import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRenderGate } from './render-gate.ts';

/** Lets every promise callback already due run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the render gate', () => {
  it('lets `limit` in at once, then queues, then refuses with null', async () => {
    const gate = createRenderGate({ limit: 2, queue: 1 });
    const first = await gate.enter();
    const second = await gate.enter();
    assert.equal(typeof first, 'function');
    assert.equal(typeof second, 'function');
    assert.equal(gate.running, 2);
    let thirdIn: (() => void) | null | undefined;
    const third = gate.enter().then((release) => {
      thirdIn = release;
      return release;
    });
    await settle();
    assert.equal(thirdIn, undefined, 'the third waits');
    assert.equal(gate.waiting, 1);
    assert.equal(await gate.enter(), null, 'the queue is full: refused at once');
    assert.equal(gate.running, 2);
    assert.equal(gate.waiting, 1, 'a refusal does not take a place');
    first?.();
    const release = await third;
    assert.equal(typeof release, 'function', 'let in when one left');
    assert.equal(gate.running, 2, 'the one leaving handed its place over');
    assert.equal(gate.waiting, 0);
    second?.();
    release?.();
    assert.equal(gate.running, 0);
  });

  it('never has more than `limit` running, whatever the order of arrivals and departures', async () => {
    const gate = createRenderGate({ limit: 3, queue: 100 });
    let running = 0;
    let most = 0;
    const work = async (ticks: number) => {
      const release = await gate.enter();
      assert.ok(release !== null);
      running += 1;
      most = Math.max(most, running);
      assert.ok(gate.running <= 3);
      for (let tick = 0; tick < ticks; tick += 1) await settle();
      running -= 1;
      release();
    };
    await Promise.all(Array.from({ length: 40 }, (_, index) => work(index % 5)));
    assert.equal(most, 3, 'the limit was reached, and never passed');
    assert.equal(gate.running, 0);
    assert.equal(gate.waiting, 0);
  });

  it('lets the waiting in first come, first served', async () => {
    const gate = createRenderGate({ limit: 1, queue: 10 });
    const holder = await gate.enter();
    const order: number[] = [];
    const waiting = [1, 2, 3, 4].map((name) =>
      gate.enter().then((release) => {
        order.push(name);
        return release;
      }),
    );
    await settle();
    assert.deepEqual(order, []);
    assert.equal(gate.waiting, 4);
    holder?.();
    for (const [index, entered] of waiting.entries()) {
      const release = await entered;
      await settle();
      assert.deepEqual(order, [1, 2, 3, 4].slice(0, index + 1), 'only the next one was let in');
      assert.equal(gate.running, 1);
      release?.();
    }
    assert.equal(gate.running, 0);
  });

  it('with no queue, refuses as soon as the limit is reached, and lets in again once released', async () => {
    const gate = createRenderGate({ limit: 1, queue: 0 });
    const holder = await gate.enter();
    assert.equal(await gate.enter(), null);
    assert.equal(await gate.enter(), null);
    holder?.();
    const next = await gate.enter();
    assert.equal(typeof next, 'function');
    next?.();
    assert.equal(gate.running, 0);
  });

  it('releasing twice is harmless: it neither frees a second place nor lets two waiting in', async () => {
    const gate = createRenderGate({ limit: 1, queue: 2 });
    const holder = await gate.enter();
    let inside = 0;
    const waiting = [gate.enter(), gate.enter()].map((entered) =>
      entered.then((release) => {
        inside += 1;
        return release;
      }),
    );
    holder?.();
    holder?.();
    holder?.();
    await settle();
    assert.equal(inside, 1, 'one let in for one release');
    assert.equal(gate.running, 1);
    assert.equal(gate.waiting, 1);
    const first = await waiting[0];
    first?.();
    first?.();
    await settle();
    assert.equal(inside, 2);
    assert.equal(gate.running, 1);
    const second = await waiting[1];
    second?.();
    second?.();
    assert.equal(gate.running, 0, 'never below zero');
    // And the limit still holds afterwards.
    const again = await gate.enter();
    assert.equal(gate.running, 1);
    let thirdIn = false;
    void gate.enter().then(() => {
      thirdIn = true;
    });
    await settle();
    assert.equal(thirdIn, false);
    again?.();
    await settle();
    assert.equal(thirdIn, true);
  });
});
