/**
 * Runs `fn` on each item in turn, each on its own: one that throws is handed to `failed` (to log
 * it) and the rest still run. For a pass over work left behind (a recovery, a retry sweep, an
 * audit), whose next run retries what failed now. Answers how many threw.
 */
export async function eachAlone<T>(
  items: Iterable<T>,
  fn: (item: T) => Promise<unknown>,
  failed: (err: unknown, item: T) => void,
): Promise<number> {
  let errors = 0;
  for (const item of items) {
    try {
      await fn(item);
    } catch (err) {
      errors += 1;
      failed(err, item);
    }
  }
  return errors;
}
