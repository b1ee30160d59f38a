// descent-1d: a ball rolling down a curve; the tangent shows the gradient it follows.

import { colour, themeColours } from './theme.js';
import * as charts from './charts.js';
import { num, optimizerName, toNumber } from './format.js';

/** The curve of the run's problem, fetched again only when the problem changes. */
async function curve(w, problem) {
  const key = JSON.stringify(problem);
  if (w.local.landKey !== key) {
    w.local.land = await charts.landscape(w.api, problem, 400);
    w.local.landKey = key;
  }
  return w.local.land;
}

function yRange(land) {
  const lo = Math.min(...land.y);
  const hi = Math.max(...land.y);
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

async function plot(w) {
  const spec = w.specs[0];
  const land = await curve(w, spec.problem);
  const Plotly = charts.plotly();
  const c = colour(spec.optimizer.name);
  const t = themeColours();
  const minima = land.minima ?? [];
  const el = w.figure.querySelector('[data-chart="curve"]');
  await Plotly.react(el, [
    { type: 'scatter', mode: 'lines', x: land.x, y: land.y, line: { color: t.soft, width: 2.5 }, name: 'loss', hovertemplate: 'x %{x:.3f}<br>L %{y:.4g}<extra></extra>' },
    { type: 'scatter', mode: 'markers', x: minima.map((m) => m[0]), y: minima.map((m) => m[1]), marker: { symbol: 'star', size: 11, color: t.fg }, hovertemplate: 'minimum at x %{x:.3f}<extra></extra>' },
    { type: 'scatter', mode: 'markers', x: [], y: [], marker: { color: c, size: 6, opacity: 0.45 }, hoverinfo: 'skip', name: 'visited' },
    { type: 'scatter', mode: 'lines', x: [], y: [], line: { color: c, width: 2, dash: 'dot' }, hoverinfo: 'skip', name: 'tangent' },
    { type: 'scatter', mode: 'markers', x: [], y: [], marker: { color: c, size: 16, line: { width: 2, color: t.bg } }, hoverinfo: 'skip', name: 'ball' },
  ], charts.layout({
    xaxis: { range: land.range[0], title: { text: 'x' } },
    yaxis: { range: yRange(land), title: { text: 'L(x)' } },
  }), charts.config(`${w.id}-curve`));
  await Plotly.react(w.figure.querySelector('[data-chart="loss"]'), [charts.lossTrace(optimizerName(spec.optimizer.name), c)], charts.layout({
    xaxis: { title: { text: 'iteration' }, rangemode: 'tozero' },
    yaxis: { title: { text: 'loss' }, type: 'linear' },
  }), charts.config(`${w.id}-loss`));
  w.local.drawn = -1;
  const basin = w.figure.querySelector('[data-basin]');
  if (basin) basin.textContent = '';
}

function draw(w, t, reset) {
  const land = w.local.land;
  const curveEl = w.figure.querySelector('[data-chart="curve"]');
  const lossEl = w.figure.querySelector('[data-chart="loss"]');
  if (!land || !curveEl.data || !w.player.runs.length) return;
  const steps = w.player.runs[0].steps;
  const upto = Math.min(t, steps.length - 1);
  const curve = charts.changes(curveEl);
  const lossCurve = charts.changes(lossEl);
  if (reset || upto < w.local.drawn) {
    // everything of the run drawn before goes, the ball too, even while the new run's steps are on their way
    w.local.drawn = -1;
    curve.clear([2, 3, 4]);
    lossCurve.clear([0]);
  }
  if (steps.length) {
    if (upto > w.local.drawn) {
      const visited = charts.slice(steps, w.local.drawn, upto, (s) => [charts.finite(s.params[0]), charts.finite(s.loss)]);
      const loss = charts.slice(steps, w.local.drawn, upto, (s) => [s.t, charts.finite(s.loss)]);
      curve.extend(2, visited[0], visited[1]);
      lossCurve.extend(0, loss[0], loss[1]);
      w.local.drawn = upto;
    }
    const s = steps[upto];
    const x = toNumber(s.params[0]);
    const y = toNumber(s.loss);
    const slope = toNumber(s.grad[0]);
    const half = (land.range[0][1] - land.range[0][0]) * 0.12;
    if (Number.isFinite(x) && Number.isFinite(slope)) curve.set(3, [x - half, x + half], [y - slope * half, y + slope * half]);
    else curve.set(3, [], []);
    curve.set(4, [charts.finite(x)], [charts.finite(y)]);
  }
  curve.draw();
  lossCurve.draw();
}

/** Which minimum the ball ended nearest to, if it ended near one. */
function settledIn(w) {
  const land = w.local.land;
  const run = w.player.runs[0];
  const last = run.steps[run.steps.length - 1];
  const x = toNumber(last.params[0]);
  const minima = land.minima ?? [];
  if (!Number.isFinite(x) || minima.length === 0) return null;
  const nearest = minima.reduce((a, b) => (Math.abs(a[0] - x) <= Math.abs(b[0] - x) ? a : b));
  if (Math.abs(nearest[0] - x) > 0.05 * (land.range[0][1] - land.range[0][0])) return null;
  const lowest = minima.reduce((a, b) => (a[1] <= b[1] ? a : b));
  return { x: nearest[0], global: nearest === lowest, several: minima.length > 1 };
}

function summary(w) {
  const text = w.describeRun(0, optimizerName(w.specs[0].optimizer.name));
  const where = settledIn(w);
  let basin = '';
  if (where) {
    basin = where.several
      ? ` It settled in the ${where.global ? 'global' : 'local'} minimum near x = ${num(where.x, 3)}.`
      : ` It settled in the minimum near x = ${num(where.x, 3)}.`;
  }
  const el = w.figure.querySelector('[data-basin]');
  if (el) el.textContent = basin.trim();
  return `${text}.${basin}`;
}

export default { charts: plot, draw, summary };
