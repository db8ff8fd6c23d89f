// The slice of autocannon's API the benchmarks use (the package ships no types).
declare module "autocannon" {
  type Histogram = { p50: number; p90: number; p99: number; average: number; max: number };
  type Result = {
    "2xx": number;
    non2xx: number;
    errors: number;
    timeouts: number;
    latency: Histogram;
    requests: Histogram;
  };
  type Request = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (req: Record<string, unknown>) => Record<string, unknown>;
  };
  type Instance = Promise<Result> & { on(event: "response", listener: () => void): void };
  function autocannon(opts: {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    requests?: Request[];
  }): Instance;
  export default autocannon;
}
