// autocannon `setupRequest` for the flash-sale and ledger benches. With `workers`, autocannon
// `require`s it by path in its worker thread (a function cannot cross into it). The request names a
// file of buyers prepared before the run, one per line: `<access token>\t<productId>`. Each request
// is a WALLET order of one unit for the next buyer, with a new Idempotency-Key (`<keyPrefix><n>`),
// so no request is a replay (a replay is cheaper and would flatter Tender). `once`: every line is
// used once, then path /bench-buyers-exhausted (a 404 the bench counts); otherwise the lines cycle.
'use strict';

let file = '';
/** @type {string[]} */
let lines = [];
let next = 0;

/**
 * @param {{ buyersFile: string, keyPrefix: string, once: boolean, path: string,
 *           headers: Record<string, string>, body?: string }} req
 */
module.exports = function setupRequest(req) {
  // Read once per run, on the first call (autocannon builds each connection's first request
  // before it starts its clock).
  if (req.buyersFile !== file) {
    file = req.buyersFile;
    lines = require('node:fs').readFileSync(file, 'utf8').split('\n').filter(Boolean);
    next = 0;
  }
  const n = next++;
  if (req.once && n >= lines.length) return { ...req, path: '/bench-buyers-exhausted' };
  const line = lines[n % lines.length] ?? '';
  const tab = line.indexOf('\t');
  return {
    ...req,
    headers: {
      ...req.headers,
      authorization: `Bearer ${line.slice(0, tab)}`,
      'idempotency-key': `${req.keyPrefix}${n}`,
    },
    body: JSON.stringify({ productId: line.slice(tab + 1), quantity: 1, paymentMethod: 'WALLET' }),
  };
};
