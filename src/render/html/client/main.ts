// The trace page's script, bundled into the page at build time (npm run build:page). It reads the page's embedded
// data and draws the waterfall; everything else on the page is plain HTML written by buildTracePage.
import type { PageData } from '../PageModel.ts';
import { byId } from './dom.ts';
import { TraceView } from './TraceView.ts';
import { setUpTheme } from './theme.ts';

const data = JSON.parse(byId('tracespec-data').textContent ?? '{}') as PageData;
setUpTheme();
const view = new TraceView(data);
view.start();
// Tests and the benchmark wait for this: the first rows are in the DOM.
requestAnimationFrame(() => {
  performance.mark('tracespec:rendered');
  document.body.dataset.ready = 'true';
});
