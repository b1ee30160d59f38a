// Finds the widgets on the page and starts each with its own module, and its prediction if any.
// A widget rendered for the runtime (data-runtime) gets the generic runtime and its draw module;
// the others still start their own class.

import { startPrediction } from './predict.js';
import { Runtime } from './runtime.js';
import { awake } from './wake.js';
import { bindPngDownload } from './chart-png.js';
import { focusableScrollers } from '../a11y.js';

const started = new WeakSet();

async function hydrate(figure) {
  if (started.has(figure)) return;
  started.add(figure);
  startPrediction(figure);
  try {
    const module = await import(`./${figure.dataset.widget}.js`);
    const widget = figure.hasAttribute('data-runtime') ? new Runtime(figure, module.default) : new module.default(figure);
    figure.widget = widget;
    // runs stream once the widget is in view or used (wake.js)
    if (widget.player) widget.player.gate = awake(figure);
    bindPngDownload(figure);
    await widget.launch();
    focusableScrollers();
    figure.dataset.ready = 'true';
  } catch (error) {
    console.error(`widget ${figure.id} failed to start`, error);
    const summary = figure.querySelector('[data-summary]');
    if (summary) summary.textContent = 'This widget could not start. Reload the page to try again.';
  }
}

export function startWidgets() {
  const figures = document.querySelectorAll('figure[data-widget]');
  if (figures.length === 0) return;
  if (!window.Plotly) {
    window.addEventListener('load', () => startWidgets(), { once: true });
    return;
  }
  figures.forEach((figure) => hydrate(figure));
}
