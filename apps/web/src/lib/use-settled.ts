import { useEffect, useState } from 'react';

/** What the user typed, trimmed, once they pause (a search asks on that, not on every key). */
export function useSettled(value: string, ms = 300): string {
  const [settled, setSettled] = useState(value.trim());
  useEffect(() => {
    const t = setTimeout(() => setSettled(value.trim()), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}
