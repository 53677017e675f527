import { defineConfig } from 'drizzle-kit';

// Used only by `npm run db:generate` to write SQL migrations from the schema; no database needed.
export default defineConfig({
  dialect: 'postgresql',
  // Each module owns its tables in its own `*.schema.ts`; no file lists them all.
  schema: './apps/server/src/**/*.schema.ts',
  out: './apps/server/drizzle',
});
