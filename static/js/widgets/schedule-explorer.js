// schedule-explorer: a learning-rate schedule against a constant rate, on the same problem.

import { colour, themeColours } from './theme.js';
import * as charts from './charts.js';
import { num, toNumber } from './format.js';
import { Board } from './board.js';

const chart = (w, name) => w.figure.querySelector(`[data-chart="${name}"]`);

/** On a data problem the loss has a floor L* > 0; plotting L − L* shows how close each run gets. */
async function floor(w) {
  const spec = w.specs[0];
  const key = JSON.stringify(spec.problem);
  if (w.local.floorKey !== key) {
    const land = await charts.landscape(w.api, spec.problem, 2, spec.seed);
    w.local.floor = land.kind === 'data' && Number.isFinite(land.min) ? land.min : null;
    w.local.floorKey = key;
  }
  return w.local.floor;
}

function excess(w, loss) {
  const v = charts.finite(loss);
  if (v === null || w.local.floor === null) return v;
  return Math.max(v - w.local.floor, 1e-12);
}

async function plot(w) {
  const least = await floor(w);
  const maxSteps = w.specs[0].stop.max_steps;
  const c = themeColours();
  const accent = colour('momentum');
  const Plotly = charts.plotly();
  await Plotly.react(chart(w, 'lr'), [
    { type: 'scatter', mode: 'lines', name: 'schedule', x: [], y: [], line: { color: accent, width: 2.5 } },
    { type: 'scatter', mode: 'lines', name: 'constant', x: [], y: [], line: { color: c.faint, width: 2, dash: 'dash' } },
  ], charts.layout({
    xaxis: { title: { text: 'iteration' }, range: [0, maxSteps] },
    yaxis: { title: { text: 'learning rate' }, rangemode: 'tozero' },
    shapes: [],
  }), charts.config(`${w.id}-lr`));
  await Plotly.react(chart(w, 'loss'), [
    charts.lossTrace('schedule', accent),
    { ...charts.lossTrace('constant', c.faint), line: { color: c.faint, width: 1.5 } },
  ], charts.layout({
    showlegend: true,
    margin: { l: 48, r: 12, t: 36, b: 40 },
    xaxis: { title: { text: 'iteration' }, range: [0, maxSteps] },
    yaxis: { title: { text: least === null ? 'loss' : 'loss − least loss' }, type: 'log', exponentformat: 'power' },
  }), charts.config(`${w.id}-loss`));
  w.local.drawn = [-1, -1];
  w.local.board = w.local.board ?? new Board(w, w.figure.querySelector('[data-board] tbody'));
  w.local.board.build([{ label: 'Schedule', colour: accent }, { label: 'Constant lr', colour: c.faint }]);
  // the table reads what the loss chart draws: near the floor the losses themselves differ only
  // in the fourth digit, their distances to it by orders of magnitude
  const head = w.figure.querySelector('[data-loss-head]');
  if (head) head.textContent = least === null ? 'loss' : 'loss − least';
}

/** A run's loss at a step as the loss chart shows it: above the least loss on a data problem. */
function lossWords(w, loss) {
  return w.local.floor === null ? num(toNumber(loss), 3) : num(excess(w, loss), 2);
}

function draw(w, t, reset) {
  const lrChart = chart(w, 'lr');
  const lossChart = chart(w, 'loss');
  if (!lrChart.data || !w.local.drawn || w.player.runs.length < 2) return;
  const rates = charts.changes(lrChart);
  const curves = charts.changes(lossChart);
  for (let i = 0; i < 2; i++) {
    const steps = w.player.runs[i].steps;
    const upto = Math.min(t, steps.length - 1);
    if (reset || upto < w.local.drawn[i]) {
      w.local.drawn[i] = -1;
      rates.clear([i]);
      curves.clear([i]);
    }
    if (upto > w.local.drawn[i]) {
      const lr = charts.slice(steps, w.local.drawn[i], upto, (s) => [s.t, s.lr]);
      const loss = charts.slice(steps, w.local.drawn[i], upto, (s) => [s.t, excess(w, s.loss)]);
      rates.extend(i, lr[0], lr[1]);
      curves.extend(i, loss[0], loss[1]);
      w.local.drawn[i] = upto;
    }
  }
  rates.draw();
  curves.draw();
  if (w.specs[0].schedule.name === 'plateau') markCuts(w, lrChart, t);
  w.local.board.fill(t, (i, step) => [num(step.lr, 3), String(step.t), lossWords(w, step.loss), w.local.board.statusAt(i, t)]);
}

/** Where reduce-on-plateau cut the lr, and the patience window of bad steps that led to it. */
function markCuts(w, lrChart, t) {
  const steps = w.player.runs[0].steps;
  const patience = w.specs[0].schedule.patience;
  const c = themeColours();
  const shapes = [];
  for (let k = 1; k <= Math.min(t, steps.length - 1); k++) {
    if (steps[k].lr < steps[k - 1].lr) {
      const from = Math.max(0, k - patience - 1);
      shapes.push({ type: 'rect', xref: 'x', yref: 'paper', x0: from, x1: k, y0: 0, y1: 1,
        fillcolor: c.accent, opacity: 0.08, line: { width: 0 } });
      shapes.push({ type: 'line', xref: 'x', yref: 'paper', x0: k, x1: k, y0: 0, y1: 1,
        line: { color: c.accent, width: 1.5, dash: 'dot' } });
    }
  }
  if (shapes.length !== (lrChart.layout.shapes ?? []).length) charts.plotly().relayout(lrChart, { shapes });
}

function label(w, i) {
  return i === 0 ? `schedule ${w.value('schedule')}` : 'constant lr';
}

function summary(w) {
  const [a, b] = w.player.runs;
  const la = toNumber(a.steps[a.steps.length - 1].loss);
  const lb = toNumber(b.steps[b.steps.length - 1].loss);
  const better = la < lb ? 'the schedule ends lower' : (la > lb ? 'the constant rate ends lower' : 'both end level');
  const calm = (run) => run.status?.reason !== 'diverged' && !run.status?.diverging;
  if (w.local.floor === null || !calm(a) || !calm(b)) {
    return `${w.describeRun(0, 'With the schedule')}; ${w.describeRun(1, 'with a constant lr')}: ${better}.`;
  }
  // on a data problem, the distances to the least loss, as the chart draws them
  const ea = excess(w, la);
  const eb = excess(w, lb);
  const ratio = Math.max(ea, eb) / Math.min(ea, eb);
  const closer = ratio >= 2 ? ` (${ratio >= 10 ? `about ${num(ratio, 2)}` : num(ratio, 2)} times closer to the least loss)` : '';
  return `With the schedule the loss ends ${num(ea, 2)} above the least loss ${num(w.local.floor, 4)} after ${a.status.steps} steps; `
    + `with a constant lr, ${num(eb, 2)} above it after ${b.status.steps} steps: ${better}${closer}.`;
}

export default { charts: plot, draw, summary, label };
