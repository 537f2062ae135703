/**
 * Loaded into the app by scripts/render-costs.ts (`--import ./scripts/render-costs-probe.mjs`), never by
 * `npm start`: counts the SQL statements the app's own pool sends (clients whose application_name is
 * 'onewindow'; pg-boss and the publication listener are left out) and tells the count to the parent
 * process over the IPC channel when asked. The app's code is not changed.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pg = require('pg');

let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  if (this.connectionParameters?.application_name === 'onewindow') statements += 1;
  return query.apply(this, args);
};

if (process.send !== undefined) {
  process.on('message', (message) => {
    if (message === 'statements') process.send?.({ statements });
  });
  process.channel?.unref();
}
