import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StateDb } from './state-db';
import { emptyState, Store, type State } from './store';
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
    ['deliveries', state.deliveries],
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

  it('saves and loads prototype-named keys as data, into prototype-less records', () => {
    const path = join(dir, 'proto.db');
    const first = durableStore(path);
    // Idempotency keys and 3-D Secure ids are the client's: they can be named like members.
    first.state.idempotency.__proto__ = { params: 'p', createdAt: 1, inFlight: false };
    first.state.internal.threeDS.constructor = 'pi_x' as never;
    first.close();
    const loaded = durableStore(path);
    for (const [name, record] of records(loaded.state)) {
      expect({ name, proto: Object.getPrototypeOf(loaded.raw(record)) as unknown }).toEqual({
        name,
        proto: null,
      });
    }
    expect(Object.keys(loaded.state.idempotency)).toEqual(['__proto__']);
    expect(Object.keys(loaded.state.internal.threeDS)).toEqual(['constructor']);
    expect(({} as Record<string, unknown>).params).toBeUndefined();
    loaded.close();
  });

  it('keeps the database and its WAL files owner-only (0600)', () => {
    const path = join(dir, 'mode', 'stripe-sandbox.db');
    const store = durableStore(path);
    store.insert('customer', { id: 'cus_mode' } as never);
    store.commit();
    for (const p of [path, `${path}-wal`, `${path}-shm`]) {
      expect({ p, mode: statSync(p).mode & 0o777 }).toEqual({ p, mode: 0o600 });
    }
    store.close();
    // A file of an older sandbox (0644) is fixed when it is opened.
    chmodSync(path, 0o644);
    durableStore(path).close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('writes what a request changed or handed out, and nothing a read looked at', () => {
    const path = join(dir, 'rows.db');
    const db = new StateDb(path);
    const written: string[] = [];
    const write = db.write.bind(db);
    db.write = (rows, meta) => {
      written.push(...rows.map((r) => `${r.ns}/${r.id}`));
      write(rows, meta);
    };
    const store = Store.open({ db, clockOffsetMs: () => 0, onError: fail }).store;
    for (let i = 0; i < 5; i++) store.insert('customer', { id: `cus_${i}` } as never);
    store.commit();
    expect(written.filter((w) => w.startsWith('o.customer/'))).toHaveLength(5);
    written.length = 0;

    store.reading(() => store.get('customer', 'cus_1'));
    store.reading(() => store.all('customer'));
    store.commit();
    expect(written).toEqual([]);

    // A lookup outside a read may be changed next: written back.
    (store.get('customer', 'cus_2') as { email?: string }).email = 'x@example.com';
    store.all('customer', (c) => c.id === 'cus_3');
    store.remove('customer', 'cus_4');
    store.commit();
    expect(written.sort()).toEqual(['o.customer/cus_2', 'o.customer/cus_3', 'o.customer/cus_4']);
    store.close();
    const again = durableStore(path);
    expect(again.find('customer', 'cus_2')).toMatchObject({ email: 'x@example.com' });
    expect(again.find('customer', 'cus_4')).toBeUndefined();
    expect(again.all('customer').map((c) => c.id)).toEqual(['cus_3', 'cus_2', 'cus_1', 'cus_0']);
    again.close();
  });

  it('never saves an idempotency key while its request is in flight', () => {
    const path = join(dir, 'idem.db');
    const store = durableStore(path);
    store.state.idempotency['k'] = { params: 'p', createdAt: 1, inFlight: true };
    store.commit();
    expect(Object.keys(durableStore(path).state.idempotency)).toEqual([]);
    store.state.idempotency['k'].inFlight = false;
    store.commit();
    store.close();
    expect(Object.keys(durableStore(path).state.idempotency)).toEqual(['k']);
  });

  it('imports a state file of an older sandbox once, and reset empties the database', () => {
    const path = join(dir, 'legacy', 'stripe-sandbox.db');
    mkdirSync(dirname(path), { recursive: true });
    const old = JSON.parse(JSON.stringify(emptyState())) as Record<string, unknown>;
    old.objects = { ...(old.objects as object), customer: { cus_old: { id: 'cus_old' } } };
    old.deliveries = [{ id: 'whd_1', state: 'succeeded', attempts: [] }];
    old.seq = 7;
    old.clockOffsetMs = 5000;
    writeFileSync(path.replace(/\.db$/, '.json'), JSON.stringify(old));
    const opened = Store.open({ db: new StateDb(path), clockOffsetMs: () => 5000, onError: fail });
    expect(opened.clockOffsetMs).toBe(5000);
    expect(opened.store.find('customer', 'cus_old')).toEqual({ id: 'cus_old' });
    opened.store.close();
    expect(existsSync(path.replace(/\.db$/, '.json'))).toBe(false);
    expect(existsSync(path.replace(/\.db$/, '.json.imported'))).toBe(true);

    const reopened = durableStore(path);
    expect(reopened.find('customer', 'cus_old')).toEqual({ id: 'cus_old' });
    expect(Object.keys(reopened.state.deliveries)).toEqual(['whd_1']);
    expect(reopened.state.seq).toBe(7);
    reopened.reset();
    reopened.close();
    expect(durableStore(path).find('customer', 'cus_old')).toBeUndefined();
  });
});

function fail(err: unknown): never {
  throw err;
}

function durableStore(path: string): Store {
  return Store.open({ db: new StateDb(path), clockOffsetMs: () => 0, onError: fail }).store;
}
