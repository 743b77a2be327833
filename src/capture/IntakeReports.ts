import type { ReceiverHealth } from './ReceiverHealth.ts';

/**
 * Where receivers that have no way to answer a sender (UDP) report what they refused or lost, so that a wait that
 * times out can say why spans never arrived. Each {@link SpanStore} has one (`store.intake`).
 *
 * @example
 * const stop = store.intake.register(() => agent.health());
 * store.intake.troubled(); // receivers that refused or lost something
 */
export class IntakeReports {
  readonly #sources = new Set<() => ReceiverHealth>();

  /** Adds a receiver's report, read each time it is asked for; returns the function that removes it. */
  register(report: () => ReceiverHealth): () => void {
    this.#sources.add(report);
    return () => this.#sources.delete(report);
  }

  /** Every registered receiver's report, as of now. */
  reports(): ReceiverHealth[] {
    return [...this.#sources].map((report) => report());
  }

  /** The reports of receivers that refused or lost something. */
  troubled(): ReceiverHealth[] {
    return this.reports().filter(
      (health) => health.refused > 0 || health.rejectedSpans > 0 || (health.dropped ?? 0) > 0,
    );
  }
}
