// Unit tests register tracespec's matchers the way users do.
import 'tracespec/vitest';
