// The sandbox's durable state: one SQLite file (better-sqlite3), a row per record.
//
// On the embedded default the sandbox is the system of record for card money, so a write it has
// answered must survive a crash. Each request's changed records are written in one SQLite
// transaction before the answer leaves (store.ts). WAL with synchronous=NORMAL: a commit is in the
// WAL before the call returns, so a killed process loses nothing it answered; only a power loss
// can lose the last commits, which a laptop sandbox accepts.
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
} from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** Holds customers' e-mails and names: owner-only, and so are SQLite's side files. */
const FILE_MODE = 0o600;

export interface Row {
  ns: string;
  id: string;
  /** JSON, or null to delete the row. */
  body: string | null;
}

export class StateDb {
  private readonly db: Database.Database;
  private readonly upsert: Database.Statement<[string, string, number, string]>;
  /** The next row's insertion number (a scan for max(seq) per write would grow with the state). */
  private seq: number;
  private readonly remove: Database.Statement<[string, string]>;
  private readonly setMeta: Database.Statement<[string, string]>;
  private readonly writeAll: (rows: Row[], meta: Record<string, string>) => void;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    // Created owner-only before SQLite opens it; SQLite gives its -wal and -shm files the same mode.
    closeSync(openSync(path, 'a', FILE_MODE));
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS rows (
        ns TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL,
        PRIMARY KEY (ns, id)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
    `);
    this.protect();
    // seq keeps first-insertion order, so dicts load in the order they were built.
    this.upsert = this.db.prepare(`
      INSERT INTO rows (ns, id, seq, body)
      VALUES (?, ?, ?, ?)
      ON CONFLICT (ns, id) DO UPDATE SET body = excluded.body`);
    this.seq = (
      this.db.prepare('SELECT coalesce(max(seq), 0) AS n FROM rows').get() as { n: number }
    ).n;
    this.remove = this.db.prepare('DELETE FROM rows WHERE ns = ? AND id = ?');
    this.setMeta = this.db.prepare(
      'INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v',
    );
    this.writeAll = this.db.transaction((rows: Row[], meta: Record<string, string>) => {
      for (const r of rows) {
        if (r.body === null) this.remove.run(r.ns, r.id);
        else this.upsert.run(r.ns, r.id, ++this.seq, r.body);
      }
      for (const [k, v] of Object.entries(meta)) this.setMeta.run(k, v);
    });
  }

  /** Every row in first-insertion order, and the meta values. */
  read(): { rows: { ns: string; id: string; body: string }[]; meta: Record<string, string> } {
    const rows = this.db.prepare('SELECT ns, id, body FROM rows ORDER BY seq').all() as {
      ns: string;
      id: string;
      body: string;
    }[];
    const meta: Record<string, string> = {};
    for (const m of this.db.prepare('SELECT k, v FROM meta').all() as { k: string; v: string }[])
      meta[m.k] = m.v;
    return { rows, meta };
  }

  write(rows: Row[], meta: Record<string, string>): void {
    this.writeAll(rows, meta);
  }

  clear(): void {
    this.db.exec('DELETE FROM rows; DELETE FROM meta;');
    this.seq = 0;
  }

  close(): void {
    this.db.close();
  }

  /** Files left by a sandbox before this one (or created under another umask) are fixed too. */
  private protect(): void {
    for (const p of [this.path, `${this.path}-wal`, `${this.path}-shm`]) {
      if (existsSync(p)) chmodSync(p, FILE_MODE);
    }
  }
}

/**
 * The state file of sandboxes before the database (one JSON document), if one lies next to the
 * database and was never imported: parsed, and renamed `.imported` so it is imported once.
 */
export function takeLegacyJson(dbPath: string): unknown {
  const legacy = dbPath.replace(/\.db$/, '.json');
  if (legacy === dbPath || !existsSync(legacy)) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(legacy, 'utf8'));
  renameSync(legacy, `${legacy}.imported`);
  chmodSync(`${legacy}.imported`, FILE_MODE);
  return parsed;
}
