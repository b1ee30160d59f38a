// stopping-rules: one run, four rules watching it; where each would stop, and which fires first.
// Each step arrives with the measures the engine's rules compare (‖gradient‖, |loss change|,
// ‖step‖); the tolerances are the learner's, and moving one only moves the marks.

import { colour, themeColours } from './theme.js';
import * as charts from './charts.js';
import { Board } from './board.js';
import { num, toNumber } from './format.js';

const RULES = [
  { key: 'grad_norm', label: '‖gradient‖', series: 'sgd' },
  { key: 'loss_change', label: '|loss change|', series: 'momentum' },
  { key: 'param_change', label: '‖step‖', series: 'adagrad' },
];

const $ = (w, css) => w.figure.querySelector(css);

/** The measure a rule compares with its tolerance at a step, as the server sent it (none at step 0 for changes). */
function measure(key, step) {
  const m = step[key];
  return m === undefined ? null : toNumber(m);
}

async function plot(w) {
  const Plotly = charts.plotly();
  const c = themeColours();
  const maxSteps = w.specs[0].stop.max_steps;
  await Plotly.react($(w, '[data-chart="loss"]'), [charts.lossTrace('loss', c.fg)], charts.layout({
    xaxis: { title: { text: 'iteration' }, range: [0, maxSteps] },
    yaxis: { title: { text: 'loss' }, type: 'log', exponentformat: 'power' },
    shapes: [], annotations: [],
  }), charts.config(`${w.id}-loss`));
  await Plotly.react($(w, '[data-chart="measures"]'), RULES.map((r) => charts.lossTrace(r.label, colour(r.series))), charts.layout({
    showlegend: true,
    margin: { l: 48, r: 12, t: 36, b: 40 },
    xaxis: { title: { text: 'iteration' }, range: [0, maxSteps] },
    yaxis: { title: { text: 'measure' }, type: 'log', exponentformat: 'power' },
    shapes: [],
  }), charts.config(`${w.id}-measures`));
  w.local.board = w.local.board ?? new Board(w, $(w, '[data-board] tbody'));
  w.local.board.build([...RULES.map((r) => ({ label: r.label, colour: colour(r.series) })), { label: 'max_steps', colour: c.faint }]);
  w.local.drawn = -1;
}

/** First step at which each rule holds, within the steps seen so far (up to t). */
function stops(w, t) {
  const steps = w.player.runs[0]?.steps ?? [];
  const last = Math.min(t, steps.length - 1);
  const found = {};
  for (const { key } of RULES) {
    found[key] = null;
    const tolerance = w.value(key);
    for (let k = 0; k <= last; k++) {
      const m = measure(key, steps[k]);
      if (m !== null && m < tolerance) { found[key] = k; break; }
    }
  }
  return found;
}

/** The rule that stops the run first; ties go in the engine's order of checking. */
function firstRule(w, t) {
  const found = stops(w, t);
  let best = null;
  for (const { key } of RULES) {
    if (found[key] !== null && (best === null || found[key] < found[best])) best = key;
  }
  return best === null ? null : { rule: best, step: found[best] };
}

function draw(w, t, reset) {
  const loss = $(w, '[data-chart="loss"]');
  const measures = $(w, '[data-chart="measures"]');
  if (!loss.data || !w.player.runs.length) return;
  const steps = w.player.runs[0].steps;
  if (!steps.length) return;
  const upto = Math.min(t, steps.length - 1);
  const curve = charts.changes(loss);
  const rules = charts.changes(measures);
  if (reset || upto < w.local.drawn) {
    w.local.drawn = -1;
    curve.clear([0]);
    rules.clear([0, 1, 2]);
  }
  if (upto > w.local.drawn) {
    const l = charts.slice(steps, w.local.drawn, upto, (s) => [s.t, charts.finite(s.loss)]);
    curve.extend(0, l[0], l[1]);
    RULES.forEach(({ key }, r) => {
      const x = [];
      const y = [];
      for (let k = w.local.drawn + 1; k <= upto; k++) {
        const m = measure(key, steps[k]);
        if (m !== null && m > 0) { x.push(k); y.push(m); }
      }
      rules.extend(r, x, y);
    });
    w.local.drawn = upto;
  }
  curve.draw();
  rules.draw();
  redrawRules(w, t);
}

function redrawRules(w, t) {
  const loss = $(w, '[data-chart="loss"]');
  if (!loss.layout) return;
  const found = stops(w, t);
  const first = firstRule(w, t);
  const marks = RULES.filter(({ key }) => found[key] !== null).map(({ key, label, series }) => ({
    type: 'line', xref: 'x', yref: 'paper', x0: found[key], x1: found[key], y0: 0, y1: 1,
    line: { color: colour(series), width: first?.rule === key ? 3 : 1.5, dash: first?.rule === key ? 'solid' : 'dot' },
    name: label,
  }));
  const tolerances = RULES.map(({ key, series }) => ({
    type: 'line', xref: 'paper', yref: 'y', x0: 0, x1: 1, y0: w.value(key), y1: w.value(key),
    line: { color: colour(series), width: 1, dash: 'dash' },
  }));
  charts.plotly().relayout(loss, { shapes: marks });
  charts.plotly().relayout($(w, '[data-chart="measures"]'), { shapes: tolerances });
  const run = w.player.runs[0];
  const steps = run?.steps ?? [];
  w.local.board.fill(t, (i) => {
    if (i === RULES.length) {
      const end = run?.status && t >= steps.length - 1;
      return [String(w.specs[0].stop.max_steps), end ? String(run.status.steps) : '–', end ? num(toNumber(steps[steps.length - 1].loss), 3) : '–',
        first ? 'not reached' : (end ? 'fires' : 'waiting')];
    }
    const { key } = RULES[i];
    const at = found[key];
    return [num(w.value(key), 2), at === null ? '–' : String(at), at === null ? '–' : num(toNumber(steps[at].loss), 3),
      at === null ? 'not yet' : (first?.rule === key ? 'fires first' : 'later')];
  }, { perRun: false });
}

function summary(w) {
  const first = firstRule(w, Infinity);
  const run = w.player.runs[0];
  if (run.status?.reason === 'diverged') return `The run diverged after ${run.status.steps} steps, before any rule could stop it.`;
  if (!first) return `No tolerance was met: max_steps stops the run at step ${run.status?.steps}.`;
  const label = RULES.find((r) => r.key === first.rule).label;
  return `The ${label} rule fires first, at step ${first.step}, with loss ${num(toNumber(run.steps[first.step].loss), 3)}.`;
}

export default { charts: plot, draw, summary, stops, firstRule };
