/**
 * autocannon as every bench section uses it: a load client that reads each answer and keeps nothing of its
 * body. Stock autocannon 9 appends every body to a string (`req.body += data` in
 * lib/pipelinedRequestsQueue.js) for its optional body checks, which the benches never ask for. Decoding
 * bytes as UTF-8 is the client's cost, not the server's, and it depends on what the bytes are: on these two
 * cores, with the client beside the app, a 15 KB Brotli answer (binary, every byte a decoding problem) took
 * autocannon to 100 % CPU at 10,700 answers/s while the app idled at 40 %; without the string, 43,700/s. A
 * browser never does it. Measured in the twenty-second session (docs/benchmarks.md, public pages notes).
 */
import { createRequire } from 'node:module';
// @ts-expect-error autocannon ships no types
import autocannon from 'autocannon';

const require = createRequire(import.meta.url);
const queue = require('autocannon/lib/pipelinedRequestsQueue.js') as {
  prototype: { addBody?: (data: Buffer) => void };
};
if (typeof queue.prototype.addBody !== 'function')
  throw new Error('autocannon changed: bench/autocannon.ts no longer finds addBody to keep bodies out');
queue.prototype.addBody = () => {};

export default autocannon;
