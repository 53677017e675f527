import { Counter, Histogram } from 'prom-client';
import type { Metrics } from '../metrics/metrics';

export type JobOutcome = 'completed' | 'failed' | 'dead_lettered';

/** Job counters and durations by queue, on the app's own registry. */
export class JobMetrics {
  private readonly completed: Counter<'queue'>;
  private readonly failed: Counter<'queue'>;
  private readonly deadLettered: Counter<'queue'>;
  private readonly duration: Histogram<'queue' | 'outcome'>;

  constructor(metrics: Metrics) {
    const registers = [metrics.registry];
    const byQueue = (name: string, help: string) =>
      new Counter({ name, help, labelNames: ['queue'] as const, registers });
    this.completed = byQueue(
      'tender_jobs_completed_total',
      'Jobs whose handler succeeded, by queue',
    );
    this.failed = byQueue(
      'tender_jobs_failed_total',
      'Failed job attempts (each retry counts), by queue',
    );
    this.deadLettered = byQueue(
      'tender_jobs_dead_lettered_total',
      'Jobs that failed their last attempt and went to the dead-letter queue, by queue',
    );
    this.duration = new Histogram({
      name: 'tender_job_duration_seconds',
      help: 'Handler run time by queue and outcome',
      labelNames: ['queue', 'outcome'] as const,
      buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
  }

  observe(queue: string, outcome: JobOutcome, seconds: number): void {
    this.duration.observe({ queue, outcome }, seconds);
    if (outcome === 'completed') {
      this.completed.inc({ queue });
      return;
    }
    // A dead-lettered job also failed: its last attempt counts as a failure too.
    this.failed.inc({ queue });
    if (outcome === 'dead_lettered') this.deadLettered.inc({ queue });
  }
}
