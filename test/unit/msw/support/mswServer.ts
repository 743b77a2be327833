// The msw 3 server of the msw tests: it answers every callee, and any other request is an error, so nothing leaves
// the process.
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';

export const CALLEE = 'http://api.example.test';
export const THIRD_PARTY = 'http://tracker.partner.test';

export function createServer() {
  return setupServer(
    http.all(`${CALLEE}/*`, () => HttpResponse.json({ ok: true })),
    http.all(`${THIRD_PARTY}/*`, () => HttpResponse.json({ ok: true })),
  );
}
