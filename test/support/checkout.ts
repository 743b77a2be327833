// Expectations on the example system's checkout, shared by the container and the child-process suites.
import type { Trace } from 'tracespec';

/** A checkout trace that went through all three services, background step included. */
export const completeCheckout = (trace: Trace): boolean =>
  trace.spans.some((span) => span.name === 'orders.record') && trace.spans.some((span) => span.service === 'inventory');

/** The service graph of a checkout whose context reached every service. */
export const connectedCheckoutGraph = {
  services: ['gateway', 'inventory', 'orders'],
  edges: [
    { from: 'gateway', to: 'orders', calls: 1, errors: 0 },
    { from: 'orders', to: 'inventory', calls: 1, errors: 0 },
  ],
};

/** Waiting generous enough for a loaded 2-core machine; settle covers the background step. */
export const checkoutWait = { timeout: 20_000, settle: 200 };
