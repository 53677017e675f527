// autocannon `setupRequest` for the webhooks bench. With `workers`, autocannon `require`s it by path
// in its worker thread (a function cannot cross into it). The request names a file of events signed
// before the run, one per line: `<Stripe-Signature>\t<JSON body>`. Every request takes the next line,
// shared by all connections of the worker, so no event is sent twice (a repeated id is a duplicate,
// cheaper for Tender). When the file runs out: path /bench-events-exhausted, a 404 that fails the run.
'use strict';
const { readFileSync } = require('node:fs');

let file = '';
/** @type {string[]} */
let lines = [];
let next = 0;

/**
 * @param {{ eventsFile: string, path: string, headers: Record<string, string>, body?: string }} req
 */
module.exports = function setupRequest(req) {
  // Read once per run, on the first call: autocannon builds each connection's first request before
  // it starts its clock.
  if (req.eventsFile !== file) {
    file = req.eventsFile;
    lines = readFileSync(file, 'utf8').split('\n');
    next = 0;
  }
  const line = lines[next];
  if (!line) return { ...req, path: '/bench-events-exhausted' };
  lines[next++] = ''; // sent: let it go
  const tab = line.indexOf('\t');
  req.headers['stripe-signature'] = line.slice(0, tab);
  req.body = line.slice(tab + 1);
  return req;
};
