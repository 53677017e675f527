import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyState, StateFile, Store, type State } from './store';
import { KINDS } from './types';

const NAMES = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf'];
const dir = mkdtempSync(join(tmpdir(), 'sandbox-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every keyed record of a state: the object collections, order, internal maps, idempotency. */
function records(state: State): [string, object][] {
  return [
    ...KINDS.map((k): [string, object] => [`objects.${k}`, state.objects[k]]),
    ['order', state.order],
    ['idempotency', state.idempotency],
    ...Object.entries(state.internal).map(([k, v]): [string, object] => [`internal.${k}`, v]),
  ];
}

describe('Store', () => {
  it('keeps every keyed record prototype-less', () => {
    const state = emptyState();
    expect(Object.keys(state.internal).length).toBeGreaterThan(10);
    for (const [name, record] of records(state)) {
      expect({ name, proto: Object.getPrototypeOf(record) as unknown }).toEqual({
        name,
        proto: null,
      });
    }
  });

  it('finds nothing by a prototype-named id, and get() answers 404 resource_missing', () => {
    const store = new Store();
    for (const kind of KINDS) {
      for (const id of NAMES) {
        expect(store.find(kind, id)).toBeUndefined();
        expect(() => store.get(kind, id)).toThrow(expect.objectContaining({ status: 404 }));
      }
    }
    for (const id of ['constructor_x', 'toString_1', '__proto___a']) {
      expect(store.byId(id)).toBeUndefined();
    }
  });

  it('loads a state file into prototype-less records, keys named like members kept as data', () => {
    const path = join(dir, 'proto.json');
    const raw = JSON.parse(JSON.stringify(emptyState())) as State;
    // A file can hold such keys: idempotency keys and 3-D Secure ids are the client's.
    writeFileSync(
      path,
      JSON.stringify(raw).replace('"idempotency":{}', '"idempotency":{"__proto__":{"params":"p"}}'),
    );
    const loaded = new StateFile(path, emptyState, (err) => {
      throw err;
    }).load()!;
    for (const [name, record] of records(loaded)) {
      expect({ name, proto: Object.getPrototypeOf(record) as unknown }).toEqual({
        name,
        proto: null,
      });
    }
    expect(Object.keys(loaded.idempotency)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).params).toBeUndefined();
  });

  it('writes the state file and its temp file owner-only (0600), and fixes an older 0644 file', () => {
    const path = join(dir, 'mode', 'stripe-sandbox.json');
    const file = new StateFile(path, emptyState, (err) => {
      throw err;
    });
    file.writeNow();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    // A temp file left by a crash (created 0644) is made 0600 before it is renamed into place.
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, '{}', { mode: 0o644 });
    file.writeNow();
    expect(statSync(path).mode & 0o777).toBe(0o600);

    // A file written before the sandbox wrote owner-only is fixed when it is loaded.
    chmodSync(path, 0o644);
    file.load();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
