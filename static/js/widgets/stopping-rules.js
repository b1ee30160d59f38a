// stopping-rules: one run, four rules watching it; where each would stop, and which fires first.

import { Widget, colour, themeColours } from './widget.js';
import * as charts from './charts.js';
import { Board } from './board.js';
import { num, toNumber } from './format.js';

const RULES = [
  { key: 'grad_norm', label: '‖gradient‖', series: 'sgd' },
  { key: 'loss_change', label: '|loss change|', series: 'momentum' },
  { key: 'param_change', label: '‖step‖', series: 'adagrad' },
];

/** The measure each rule compares with its tolerance at step t (null where it is not defined). */
function measure(key, steps, t) {
  const s = steps[t];
  if (key === 'grad_norm') return toNumber(s.grad_norm);
  if (t === 0) return null;
  const prev = steps[t - 1];
  if (key === 'loss_change') return Math.abs(toNumber(s.loss) - toNumber(prev.loss));
  let sum = 0;
  for (let i = 0; i < s.params.length; i++) sum += (toNumber(s.params[i]) - toNumber(prev.params[i])) ** 2;
  return Math.sqrt(sum);
}

export default class StoppingRules extends Widget {
  constructor(figure) {
    super(figure);
    this.lr = this.config.lr;
    this.tolerance = { grad_norm: this.config.gradNorm, loss_change: this.config.lossChange, param_change: this.config.paramChange };
    this.loss = figure.querySelector('[data-chart="loss"]');
    this.measures = figure.querySelector('[data-chart="measures"]');
    this.board = new Board(this, figure.querySelector('[data-board] tbody'));
    this.drawn = -1;
  }

  restoreState(s) {
    if (Number(s.lr) > 0) this.lr = Number(s.lr);
    for (const { key } of RULES) if (Number(s[key]) > 0) this.tolerance[key] = Number(s[key]);
    this.setControl('lr', this.lr);
    for (const { key } of RULES) this.setControl(key, this.tolerance[key]);
  }

  currentState() {
    const state = { lr: String(this.lr) };
    for (const { key } of RULES) state[key] = String(this.tolerance[key]);
    return state;
  }

  async setup() {
    this.bindControl('lr', (lr) => { this.lr = lr; this.restart(); return num(lr, 3); });
    for (const { key } of RULES) {
      // a tolerance changes no step of the run, only where each rule would stop it
      this.bindControl(key, (v) => { this.tolerance[key] = v; this.#redrawRules(); this.writeHash(); return num(v, 3); });
    }
    await this.plot();
  }

  /** The run itself has no stopping rule but max_steps, so every rule's stopping point is visible. */
  specs() {
    return [{
      problem: { name: this.config.problem },
      start: this.config.start,
      optimizer: { name: this.config.optimizer, lr: this.lr },
      stop: { max_steps: this.config.maxSteps },
      changes: [],
      seed: 0,
    }];
  }

  async plot() {
    const Plotly = charts.plotly();
    const c = themeColours();
    await Plotly.react(this.loss, [charts.lossTrace('loss', c.fg)], charts.layout({
      xaxis: { title: { text: 'iteration' }, range: [0, this.config.maxSteps] },
      yaxis: { title: { text: 'loss' }, type: 'log', exponentformat: 'power' },
      shapes: [], annotations: [],
    }), charts.config(`${this.id}-loss`));
    await Plotly.react(this.measures, RULES.map((r) => charts.lossTrace(r.label, colour(r.series))), charts.layout({
      showlegend: true,
      margin: { l: 48, r: 12, t: 36, b: 40 },
      xaxis: { title: { text: 'iteration' }, range: [0, this.config.maxSteps] },
      yaxis: { title: { text: 'measure' }, type: 'log', exponentformat: 'power' },
      shapes: [],
    }), charts.config(`${this.id}-measures`));
    this.board.build([...RULES.map((r) => ({ label: r.label, colour: colour(r.series) })),
      { label: 'max_steps', colour: c.faint }]);
    this.drawn = -1;
  }

  /** First step at which each rule holds, within the steps seen so far (up to t). */
  stops(t) {
    const steps = this.player.runs[0]?.steps ?? [];
    const last = Math.min(t, steps.length - 1);
    const found = {};
    for (const { key } of RULES) {
      found[key] = null;
      for (let k = 0; k <= last; k++) {
        const m = measure(key, steps, k);
        if (m !== null && m < this.tolerance[key]) { found[key] = k; break; }
      }
    }
    return found;
  }

  /** The rule that stops the run first; ties go in the engine's order of checking. */
  firstRule(t) {
    const found = this.stops(t);
    let best = null;
    for (const { key } of RULES) {
      if (found[key] !== null && (best === null || found[key] < found[best])) best = key;
    }
    return best === null ? null : { rule: best, step: found[best] };
  }

  draw(t, reset) {
    const Plotly = charts.plotly();
    if (!this.loss.data || !this.player.runs.length) return;
    const steps = this.player.runs[0].steps;
    if (!steps.length) return;
    const upto = Math.min(t, steps.length - 1);
    if (reset || upto < this.drawn) {
      this.drawn = -1;
      Plotly.restyle(this.loss, { x: [[]], y: [[]] }, [0]);
      Plotly.restyle(this.measures, { x: [[], [], []], y: [[], [], []] }, [0, 1, 2]);
    }
    if (upto > this.drawn) {
      const loss = charts.slice(steps, this.drawn, upto, (s) => [s.t, charts.finite(s.loss)]);
      Plotly.extendTraces(this.loss, { x: [loss[0]], y: [loss[1]] }, [0]);
      const xs = [];
      const ys = [];
      for (const { key } of RULES) {
        const x = [];
        const y = [];
        for (let k = this.drawn + 1; k <= upto; k++) {
          const m = measure(key, steps, k);
          if (m !== null && m > 0) { x.push(k); y.push(m); }
        }
        xs.push(x);
        ys.push(y);
      }
      Plotly.extendTraces(this.measures, { x: xs, y: ys }, [0, 1, 2]);
      this.drawn = upto;
    }
    this.#redrawRules();
  }

  #redrawRules() {
    if (!this.loss.layout) return;
    const t = this.player.t;
    const found = this.stops(t);
    const first = this.firstRule(t);
    const marks = RULES.filter(({ key }) => found[key] !== null).map(({ key, label, series }) => ({
      type: 'line', xref: 'x', yref: 'paper', x0: found[key], x1: found[key], y0: 0, y1: 1,
      line: { color: colour(series), width: first?.rule === key ? 3 : 1.5, dash: first?.rule === key ? 'solid' : 'dot' },
      name: label,
    }));
    const tolerances = RULES.map(({ key, series }) => ({
      type: 'line', xref: 'paper', yref: 'y', x0: 0, x1: 1, y0: this.tolerance[key], y1: this.tolerance[key],
      line: { color: colour(series), width: 1, dash: 'dash' },
    }));
    charts.plotly().relayout(this.loss, { shapes: marks });
    charts.plotly().relayout(this.measures, { shapes: tolerances });
    const steps = this.player.runs[0]?.steps ?? [];
    const run = this.player.runs[0];
    this.board.fill(t, (i) => {
      if (i === RULES.length) {
        const end = run?.status && t >= steps.length - 1;
        return [String(this.config.maxSteps), end ? String(run.status.steps) : '–', end ? num(toNumber(steps[steps.length - 1].loss), 3) : '–',
          first ? 'not reached' : (end ? 'fires' : 'waiting')];
      }
      const { key } = RULES[i];
      const at = found[key];
      return [num(this.tolerance[key], 2), at === null ? '–' : String(at), at === null ? '–' : num(toNumber(steps[at].loss), 3),
        at === null ? 'not yet' : (first?.rule === key ? 'fires first' : 'later')];
    }, { perRun: false });
  }

  summary() {
    const first = this.firstRule(Infinity);
    const run = this.player.runs[0];
    if (run.status?.reason === 'diverged') return `The run diverged after ${run.status.steps} steps, before any rule could stop it.`;
    if (!first) return `No tolerance was met: max_steps stops the run at step ${run.status?.steps}.`;
    const label = RULES.find((r) => r.key === first.rule).label;
    return `The ${label} rule fires first, at step ${first.step}, with loss ${num(toNumber(run.steps[first.step].loss), 3)}.`;
  }

  themeChanged() {
    this.plot().then(() => this.draw(this.player.t, true));
  }
}
