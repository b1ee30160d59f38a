// Finds the widgets on the page and starts each on the runtime with its own draw module, and its
// prediction if any.

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
    const widget = new Runtime(figure, module.default);
    figure.widget = widget;
    // runs stream once the widget is in view or used (wake.js)
    widget.player.gate = awake(figure);
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
