import { defineConfig } from 'drizzle-kit';

// Used only by `npm run db:generate` to write SQL migrations from the schema; no database needed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './apps/server/src/platform/database/schema.ts',
  out: './apps/server/drizzle',
});
