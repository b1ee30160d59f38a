// landscape-traps: two valleys (the start decides; a basin map shows where every start ends), a
// saddle point (plain descent stalls, momentum escapes) and a plateau (Adam keeps moving). The
// server holds each trap's function, start and racers; this module draws them and the basin map.

import { colour } from './theme.js';
import * as charts from './charts.js';
import * as paths from './paths.js';
import { Board } from './board.js';
import { num, optimizerName, toNumber } from './format.js';
import { fetchApi, busyText, problemText } from './net.js';

const BASIN_COLOURS = { global: '#009E73', local: '#E69F00', nowhere: '#999999', diverged: '#D55E00' };
const $ = (w, css) => w.figure.querySelector(css);

function basinTrace(basins) {
  const b = basins ?? { x: [], y: [], z: [] };
  return {
    type: 'heatmap', x: b.x, y: b.y, z: b.z, zmin: -2, zmax: 1, opacity: 0.42, showscale: false, hoverinfo: 'skip',
    colorscale: [[0, BASIN_COLOURS.diverged], [0.25, BASIN_COLOURS.diverged], [0.25, BASIN_COLOURS.nowhere],
      [0.5, BASIN_COLOURS.nowhere], [0.5, BASIN_COLOURS.global], [0.75, BASIN_COLOURS.global],
      [0.75, BASIN_COLOURS.local], [1, BASIN_COLOURS.local]],
  };
}

const hasBasins = (w) => w.specs[0].problem.name === 'double-well-2d';

async function plot(w) {
  const problem = w.specs[0].problem;
  const key = JSON.stringify(problem);
  if (w.local.landKey !== key) {
    cancelBasins(w);
    w.local.land = await charts.landscape(w.api, problem, 80);
    w.local.landKey = key;
    w.local.basins = null;
    fillBasinControls(w);
  }
  if (!w.local.bound) {
    $(w, '[data-action="basins"]').addEventListener('click', () => mapBasins(w));
    $(w, '[data-action="cancel-basins"]').addEventListener('click', () => cancelBasins(w));
    w.local.bound = true;
  }
  const series = w.specs.map((spec) => ({ label: optimizerName(spec.optimizer.name), colour: colour(spec.optimizer.name) }));
  w.local.view ??= { id: w.id, contour: $(w, '[data-chart="contour"]'), loss: $(w, '[data-chart="loss"]') };
  await paths.plot(w.local.view, w.local.land, series, hasBasins(w) ? [basinTrace(w.local.basins)] : [], charts.markersFor(w.specs));
  // over a basin map the contour keeps its lines only, so the map shows through
  if (w.local.basins) charts.plotly().restyle(w.local.view.contour, { 'contours.coloring': 'lines' }, [0]);
  w.local.board = w.local.board ?? new Board(w, $(w, '[data-board] tbody'));
  w.local.board.build(series);
}

function fillBasinControls(w) {
  $(w, '[data-basin-bar]').hidden = !hasBasins(w);
  $(w, '[data-control="basin-optimizer"]').replaceChildren(...w.specs.map((spec) => {
    const o = document.createElement('option');
    o.value = spec.optimizer.name;
    o.textContent = optimizerName(spec.optimizer.name);
    return o;
  }));
  const legend = $(w, '[data-basin-legend]');
  legend.replaceChildren();
  if (!hasBasins(w)) return;
  for (const [label, key] of [['global minimum', 'global'], ['local minimum', 'local'], ['neither', 'nowhere'], ['diverged', 'diverged']]) {
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.background = BASIN_COLOURS[key];
    legend.append(sw, label);
  }
}

/** Fills the basin map a few rows per request, so the progress bar moves and Cancel stops it. */
async function mapBasins(w) {
  cancelBasins(w);
  const name = $(w, '[data-control="basin-optimizer"]').value;
  const { problem, optimizer, stop } = w.specs.find((spec) => spec.optimizer.name === name);
  const spec = { problem, optimizer, stop };
  const n = w.config.grid;
  const controller = new AbortController();
  const progress = $(w, '[data-basin-progress]');
  w.local.basinJob = controller;
  progress.hidden = false;
  progress.value = 0;
  $(w, '[data-action="cancel-basins"]').hidden = false;
  const basins = { x: [], y: [], z: Array.from({ length: n }, () => Array(n).fill(null)) };
  w.local.basins = basins;
  const contour = w.local.view.contour;
  try {
    for (let from = 0; from < n; from += 10) {
      const to = Math.min(n - 1, from + 9);
      const url = `${w.api}/basins?n=${n}&rows=${from}-${to}&spec=${encodeURIComponent(JSON.stringify(spec))}`;
      const response = await fetchApi(url, { signal: controller.signal, onBusy: (s) => w.setSummary(busyText(s)) });
      if (!response.ok) throw new Error(await problemText(response));
      const part = await response.json();
      basins.x = part.x;
      basins.y = part.y;
      for (const row of part.rows) basins.z[row.j] = row.cells;
      progress.value = (to + 1) / n;
      charts.plotly().restyle(contour, { z: [basins.z], x: [basins.x], y: [basins.y] }, [1]);
      charts.plotly().restyle(contour, { 'contours.coloring': 'lines' }, [0]);
    }
    const cells = basins.z.flat();
    const share = (k) => Math.round((100 * cells.filter((c) => c === k).length) / cells.length);
    w.setSummary(`${optimizerName(name)} from ${n * n} starts: ${share(0)}% end in the global minimum, `
      + `${share(1)}% in the local one, ${share(-1)}% elsewhere, ${share(-2)}% diverge.`);
  } catch (e) {
    if (e.name !== 'AbortError') w.setSummary('The basin map could not be computed.', true);
  } finally {
    if (w.local.basinJob === controller) basinDone(w);
  }
}

function cancelBasins(w) {
  w.local.basinJob?.abort();
  basinDone(w);
}

function basinDone(w) {
  w.local.basinJob = null;
  $(w, '[data-basin-progress]').hidden = true;
  $(w, '[data-action="cancel-basins"]').hidden = true;
}

function draw(w, t, reset) {
  paths.drawRuns(w, t, reset, (i, step) => (step ? `(${num(toNumber(step.params[0]), 3)}, ${num(toNumber(step.params[1]), 3)})` : '–'));
}

function summary(w) {
  return w.specs.map((spec, i) => w.describeRun(i, optimizerName(spec.optimizer.name))).join('; ') + '.';
}

export default { charts: plot, draw, summary };
