// Finds the widgets on the page and starts each on the runtime with its own draw module, and its
// prediction if any.

import { startPrediction } from './predict.js';
import { Runtime } from './runtime.js';
import { awake, watched } from './wake.js';
import { bindPngDownload } from './chart-png.js';
import { focusableScrollers } from '../a11y.js';
import { loadPlotly } from './plotly-engines.js';

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

async function start(figure) {
  if (started.has(figure)) return;
  try {
    await loadPlotly();
  } catch (error) {
    const summary = figure.querySelector('[data-summary]');
    if (summary) summary.textContent = 'The charts could not be loaded. Reload the page to try again.';
    return;
  }
  await hydrate(figure);
}

/** When the reader last pressed, typed or moved a control. */
let lastInput = -Infinity;
/** How long after the reader's last input, or a widget's animation, the page counts as idle. */
const QUIET_MS = 1500;

function readerIsBusy() {
  return performance.now() - lastInput < QUIET_MS || document.querySelector('figure[data-widget].is-playing') !== null;
}

/**
 * Starts the rest one at a time while the page is idle, so each is ready before a reader gets
 * there. Idle means the reader is not using a widget either: a start draws all of a widget's charts
 * in one go, and a Play pressed meanwhile waited behind it (a first step 60–160 ms late).
 */
function startWhenIdle(figures) {
  const idle = window.requestIdleCallback ?? ((fn) => setTimeout(fn, 50));
  const tried = new Set();
  const next = () => {
    const figure = figures.find((f) => !started.has(f) && !tried.has(f));
    if (!figure) return;
    idle(() => {
      if (readerIsBusy()) {
        setTimeout(next, QUIET_MS);
        return;
      }
      tried.add(figure);
      start(figure).then(next);
    }, { timeout: 2000 });
  };
  next();
}

/**
 * Starts each widget as it comes near the screen, or is touched, linked to or printed; the others
 * start later while the page is idle. Loading Plotly and drawing every chart of a lesson as it
 * opened kept the main thread busy for seconds before a reader could scroll.
 */
export function startWidgets() {
  const figures = [...document.querySelectorAll('figure[data-widget]')];
  if (figures.length === 0) return;
  for (const type of ['pointerdown', 'keydown', 'click', 'input']) {
    document.addEventListener(type, () => { lastInput = performance.now(); }, { capture: true, passive: true });
  }
  const near = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        near.unobserve(entry.target);
        start(entry.target.closest('figure[data-widget]'));
      }
    }, { rootMargin: '200px 0px' })
    : null;
  const linked = new URLSearchParams(window.location.hash.slice(1));
  for (const figure of figures) {
    const wanted = [...linked.keys()].some((key) => key.startsWith(`${figure.id}.`));
    if (!near || wanted) start(figure);
    // near the screen means its charts are: a caption showing at the bottom of the first screen
    // does not yet cost the reader the charts' drawing
    else near.observe(watched(figure));
    for (const type of ['pointerdown', 'focusin']) figure.addEventListener(type, () => start(figure), { capture: true, once: true });
  }
  window.addEventListener('beforeprint', () => figures.forEach((f) => start(f)), { once: true });
  const later = () => setTimeout(() => startWhenIdle(figures), IDLE_AFTER_LOAD_MS);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}

/** How long after the page has loaded the widgets out of sight start. */
const IDLE_AFTER_LOAD_MS = 3000;
