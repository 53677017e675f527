import { Inject, Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import type { Metrics } from '../platform/metrics/metrics';
import { METRICS } from '../platform/platform.module';
import type { PaymentRow, PaymentStatus } from './payments.schema';

/** Payment success rate (outcomes by status), webhook flow, and provider call latency. */
@Injectable()
export class PaymentMetrics {
  private readonly outcomes: Counter<'method' | 'status'>;
  private readonly webhooks: Counter<'stage' | 'type'>;
  private readonly providerLatency: Histogram<'operation' | 'outcome'>;

  constructor(@Inject(METRICS) metrics: Metrics) {
    const registers = [metrics.registry];
    this.outcomes = new Counter({
      name: 'tender_payment_transitions_total',
      help: 'Payment status transitions by method and new status (success rate = succeeded / (succeeded + failed))',
      labelNames: ['method', 'status'],
      registers,
    });
    this.webhooks = new Counter({
      name: 'tender_webhooks_total',
      help: 'Provider webhooks by stage: received, duplicate, rejected, applied, failed',
      labelNames: ['stage', 'type'],
      registers,
    });
    this.providerLatency = new Histogram({
      name: 'tender_provider_call_duration_seconds',
      help: 'Payment provider call latency',
      labelNames: ['operation', 'outcome'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
  }

  transition(payment: PaymentRow, status: PaymentStatus): void {
    this.outcomes.inc({ method: payment.method, status });
  }

  webhook(
    stage: 'received' | 'duplicate' | 'rejected' | 'applied' | 'failed',
    type = 'unknown',
  ): void {
    this.webhooks.inc({ stage, type });
  }

  /** Times a provider call, labelled by its outcome. */
  async time<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    const end = this.providerLatency.startTimer({ operation });
    try {
      const result = await fn();
      end({ outcome: 'ok' });
      return result;
    } catch (err) {
      end({ outcome: 'error' });
      throw err;
    }
  }
}
