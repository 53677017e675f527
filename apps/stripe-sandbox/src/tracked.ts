// Which records a request changed, without the resource code saying so.
//
// Resources mutate what they look up (`store.get('charge', id).refunded = true`), so a write
// through the dict is not the only change. Every keyed dict is wrapped in a Proxy that marks the
// record under a key when it is written, deleted or *read*: a record handed out may be changed
// next. The commit at the end of a request writes exactly the marked records. Reads that cannot
// lead to a change (GET handlers, scans) run `quietly` or on the raw dict.
//
// Code that keeps a record across requests (the webhook dispatcher holds deliveries and events)
// marks it with `touch` when it changes it.

export class Tracker {
  private marked = new Map<string, Set<string>>();
  private readonly raws = new WeakMap<object, object>();
  private quiet = 0;

  /** `dict` wrapped so that its records are marked under namespace `ns`. */
  wrap<T extends object>(ns: string, dict: T): T {
    const proxy = new Proxy(dict, {
      get: (target, key, receiver) => {
        if (typeof key === 'string' && Object.hasOwn(target, key)) this.touchUnlessQuiet(ns, key);
        return Reflect.get(target, key, receiver) as unknown;
      },
      set: (target, key, value, receiver) => {
        if (typeof key === 'string') this.touch(ns, key);
        return Reflect.set(target, key, value, receiver);
      },
      deleteProperty: (target, key) => {
        if (typeof key === 'string') this.touch(ns, key);
        return Reflect.deleteProperty(target, key);
      },
    });
    this.raws.set(proxy, dict);
    return proxy;
  }

  /** The dict behind a wrapped one: iterating it marks nothing. */
  raw<T extends object>(dict: T): T {
    return (this.raws.get(dict) as T | undefined) ?? dict;
  }

  touch(ns: string, id: string): void {
    let ids = this.marked.get(ns);
    if (ids === undefined) this.marked.set(ns, (ids = new Set()));
    ids.add(id);
  }

  /** A read: marks the record unless reads are quiet. */
  touchUnlessQuiet(ns: string, id: string): void {
    if (this.quiet === 0) this.touch(ns, id);
  }

  /** Runs `fn` without marking what it reads (writes and deletes are still marked). */
  quietly<T>(fn: () => T): T {
    this.quiet += 1;
    try {
      return fn();
    } finally {
      this.quiet -= 1;
    }
  }

  get dirty(): boolean {
    return this.marked.size > 0;
  }

  /** The marked records since the last drain, per namespace; the marks are cleared. */
  drain(): Map<string, Set<string>> {
    const out = this.marked;
    this.marked = new Map();
    return out;
  }
}
