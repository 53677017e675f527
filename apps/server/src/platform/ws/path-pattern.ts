/** A compiled `/a/:b/c` pattern: `match(pathname)` gives the decoded params, or undefined. */
export interface PathPattern {
  readonly source: string;
  match(pathname: string): Record<string, string> | undefined;
}

const PARAM = /^:([A-Za-z_]\w*)$/;

export function compilePath(source: string): PathPattern {
  if (!source.startsWith('/')) throw new Error(`upgrade path '${source}' must start with '/'`);
  const parts = source.split('/').slice(1);
  return {
    source,
    match(pathname) {
      const segments = pathname.split('/').slice(1);
      if (segments.length !== parts.length) return undefined;
      const params: Record<string, string> = {};
      for (const [i, part] of parts.entries()) {
        const segment = segments[i]!;
        const name = PARAM.exec(part)?.[1];
        if (name === undefined) {
          if (segment !== part) return undefined;
          continue;
        }
        if (segment === '') return undefined;
        // A malformed escape is not this route's (the caller answers 404 as for no match).
        try {
          params[name] = decodeURIComponent(segment);
        } catch {
          return undefined;
        }
      }
      return params;
    },
  };
}
