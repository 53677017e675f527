// autocannon ships no types and @types/autocannon is not installed: just the part the benches use.
declare module 'autocannon' {
  interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    /**
     * A file path, not a function: with `workers` autocannon `require`s it in its worker thread.
     * It gets this request object (extra fields included) and returns the request to send.
     */
    setupRequest?: string;
    [extra: string]: unknown;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    /** Stop after this many requests (overrides duration). */
    amount?: number;
    /** Seconds to wait for a response (default 10). */
    timeout?: number;
    workers?: number;
    headers?: Record<string, string>;
    requests?: Request[];
  }
  interface Stats {
    average: number;
    total: number;
    p50: number;
    p99: number;
  }
  interface Result {
    requests: Stats & { sent: number };
    latency: Stats;
    non2xx: number;
    errors: number;
    timeouts: number;
    /** Seconds from start to end of the run. */
    duration: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
  }
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}
