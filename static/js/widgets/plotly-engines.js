// Plotly comes in two bundles: the 2D one that every widget page loads, and the 3D one (surface,
// scatter3d), fetched only the first time a chart asks for a 3D trace. Each bundle keeps its own
// graphs, so every call goes to the bundle that drew the element. Charts also follow their box:
// a ResizeObserver resizes them when the window narrows or a phone turns.

import { watchLogTicks, fitLogTicks, presetLogTicks } from './log-ticks.js';
import { withKey, fitKey } from './chart-key.js';
import * as mapLayer from './map-layer.js';
import { loadScript } from './script.js';

const THREE_D = new Set(['surface', 'scatter3d', 'mesh3d', 'cone', 'streamtube', 'isosurface', 'volume']);

/** Elements drawn by (or moving to) the 3D bundle: element -> promise of the Plotly that owns it. */
const owners = new WeakMap();
let gl3d = null;

const base = () => window.Plotly;

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Loads a Plotly bundle by its script; resolves with the window.Plotly it set. */
function loadBundle(src, failure) {
  return loadScript(src, failure).then(() => window.Plotly);
}

let gl2d = null;

/** The 2D bundle, loaded the first time a widget starts (a lesson read only in part never pays for it). */
export function loadPlotly() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  gl2d ??= loadBundle(document.body.dataset.plotly, 'the charts could not be loaded')
    .catch((error) => { gl2d = null; throw error; });
  return gl2d;
}

function load3d() {
  if (!gl3d) {
    const mine = window.Plotly;
    gl3d = loadBundle(document.body.dataset.plotly3d, 'the 3D charts could not be loaded').then((three) => {
      // the 3D bundle sets window.Plotly too: keep the 2D one there for every other chart
      window.Plotly = mine;
      return three;
    }).catch((error) => { gl3d = null; throw error; });
  }
  return gl3d;
}

const resized = new Set();
let resizeFrame = 0;
const observer = typeof ResizeObserver === 'function' ? new ResizeObserver((entries) => {
  for (const entry of entries) if (entry.contentRect.width > 0) resized.add(entry.target);
  if (!resizeFrame) {
    resizeFrame = requestAnimationFrame(() => {
      resizeFrame = 0;
      for (const el of resized) if (el.isConnected && el._fullLayout) call('Plots.resize', el);
      resized.clear();
    });
  }
}) : null;

const widths = new WeakMap();

function watchSize(el) {
  if (!observer || widths.has(el)) return;
  widths.set(el, true);
  observer.observe(el);
}

function method(engine, name) {
  const [a, b] = name.split('.');
  return b ? engine[a][b].bind(engine[a]) : engine[a].bind(engine);
}

/** Any call that is not a redraw: straight to the bundle that owns the element. */
function call(name, el, ...args) {
  const owner = owners.get(el);
  if (!owner) return method(base(), name)(el, ...args);
  return owner.then((engine) => method(engine, name)(el, ...args));
}

/** newPlot / react: switches the element between the bundles when its traces ask for it. */
function draw(name, el, data, ...rest) {
  const traces = Array.isArray(data) ? data : (data?.data ?? []);
  const wants3d = traces.some((t) => THREE_D.has(t?.type));
  const owner = owners.get(el);
  watchSize(el);
  if (!wants3d && !owner) {
    // a chart's first drawing waits for a task of its own: a widget's set-up drew all its charts
    // in one task, which kept the page from answering for half a second as a lesson opened
    const ready = el._fullLayout ? Promise.resolve() : nextTask();
    return ready.then(() => {
      // a contour map goes in a graph of its own under the chart (map-layer.js), and a key above
      // the plot instead of Plotly's legend (chart-key.js)
      const layered = Array.isArray(data) ? mapLayer.split(el, data, rest[0]) : { data, layout: rest[0] };
      const layout = Array.isArray(data) ? withKey(el, data, layered.layout) : layered.layout;
      return method(base(), name)(el, layered.data, layout, ...rest.slice(1));
    }).then((drawn) => {
      const relayout = (chart, update) => call('relayout', chart, update);
      // log axes label decades only when their digits would crowd (log-ticks.js); the ticks and
      // the key's room kept right after every redraw
      watchLogTicks(el, relayout, () => {
        fitKey(el, relayout);
        mapLayer.drawUnder(el, base());
      });
      fitLogTicks(el, relayout);
      mapLayer.drawUnder(el, base());
      return drawn;
    });
  }
  mapLayer.drop(el, base());
  const before = owner ?? Promise.resolve(base());
  const drawn = before.then(async (engine) => {
    const next = wants3d ? await load3d() : base();
    if (next !== engine) engine.purge(el);
    await method(next, name)(el, data, ...rest);
    return next;
  });
  const settled = drawn.catch(() => base());
  owners.set(el, settled);
  if (!wants3d) settled.then(() => { if (owners.get(el) === settled) owners.delete(el); });
  return drawn.then(() => el);
}

export const engines = {
  newPlot: (el, data, ...rest) => draw('newPlot', el, data, ...rest),
  react: (el, data, ...rest) => draw('react', el, data, ...rest),
  restyle: (el, update, indices, ...rest) => {
    mapLayer.restyleUnder(el, base(), update, indices);
    return call('restyle', el, update, indices, ...rest);
  },
  /** Draws again after the chart's traces were changed in place: one redraw for many changes. */
  redraw: (el) => {
    presetLogTicks(el);
    return call('redraw', el);
  },
  relayout: (el, ...args) => call('relayout', el, ...args),
  update: (el, ...args) => call('update', el, ...args),
  extendTraces: (el, ...args) => call('extendTraces', el, ...args),
  prependTraces: (el, ...args) => call('prependTraces', el, ...args),
  addTraces: (el, ...args) => call('addTraces', el, ...args),
  deleteTraces: (el, ...args) => call('deleteTraces', el, ...args),
  purge: (el) => {
    mapLayer.drop(el, base());
    return call('purge', el);
  },
  toImage: (el, ...args) => call('toImage', el, ...args),
  downloadImage: (el, ...args) => call('downloadImage', el, ...args),
  Plots: { resize: (el) => call('Plots.resize', el) },
};
