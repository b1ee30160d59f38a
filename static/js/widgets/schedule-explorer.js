// schedule-explorer: a learning-rate schedule against a constant rate, on the same problem.

import { Widget, colour, themeColours } from './widget.js';
import * as charts from './charts.js';
import { num, toNumber } from './format.js';
import { Board } from './board.js';

/** The engine's schedule spec for a widget-level kind and the slider values. */
export function scheduleSpec(kind, p, maxSteps) {
  switch (kind) {
    case 'step': return { name: 'step', step_size: p.step_size, gamma: p.gamma };
    case 'exponential': return { name: 'exponential', gamma: p.gamma };
    case 'cosine': return { name: 'cosine', T_max: p.T_max, eta_min: 0 };
    case 'warmup': return { name: 'linear', start_factor: 0.01, end_factor: 1, total_iters: p.warmup };
    case 'warmup-cosine': return { name: 'warmup', warmup_steps: p.warmup, start_factor: 0.01,
      then: { name: 'cosine', T_max: Math.max(1, maxSteps - p.warmup), eta_min: 0 } };
    case 'cosine-restarts': return { name: 'cosine-restarts', T_0: p.T_0, T_mult: p.T_mult, eta_min: 0 };
    case 'reduce-on-plateau': return { name: 'plateau', factor: p.gamma, patience: p.patience };
    default: return { name: 'constant' };
  }
}

const SEED = 1;
const PARAMS = ['step_size', 'gamma', 'T_max', 'warmup', 'T_0', 'T_mult', 'patience'];

export default class ScheduleExplorer extends Widget {
  constructor(figure) {
    super(figure);
    this.kind = this.config.schedule;
    this.lr = this.config.lr;
    this.params = {};
    for (const name of PARAMS) {
      const input = figure.querySelector(`[data-control="${name}"]`);
      this.params[name] = Number(input.value);
    }
    this.lrChart = figure.querySelector('[data-chart="lr"]');
    this.loss = figure.querySelector('[data-chart="loss"]');
    this.board = new Board(this, figure.querySelector('[data-board] tbody'));
    this.drawn = [-1, -1];
  }

  restoreState(s) {
    if (s.schedule && this.config.schedules.includes(s.schedule)) this.kind = s.schedule;
    if (Number(s.lr) > 0) this.lr = Number(s.lr);
    for (const name of PARAMS) if (s[name] !== undefined && Number.isFinite(Number(s[name]))) this.params[name] = Number(s[name]);
    this.setControl('schedule', this.kind);
    this.setControl('lr', this.lr);
    for (const name of PARAMS) this.setControl(name, this.params[name]);
  }

  currentState() {
    const state = { schedule: this.kind, lr: String(this.lr) };
    for (const name of PARAMS) state[name] = String(this.params[name]);
    return state;
  }

  async setup() {
    this.bindControl('schedule', (kind) => { this.kind = kind; this.#showParams(); this.restart(); });
    this.bindControl('lr', (lr) => { this.lr = lr; this.restart(); return num(lr, 3); });
    for (const name of PARAMS) {
      this.bindControl(name, (v) => { this.params[name] = v; this.restart(); return num(v, 3); });
    }
    this.#showParams();
    // on a data problem the loss has a floor L* > 0; plotting L − L* shows how close each run gets
    const land = await charts.landscape(this.api, this.problemSpec(), 2, SEED);
    this.floor = land.kind === 'data' && Number.isFinite(land.min) ? land.min : null;
    await this.plot();
  }

  excess(loss) {
    const v = charts.finite(loss);
    if (v === null || this.floor === null) return v;
    return Math.max(v - this.floor, 1e-12);
  }

  #showParams() {
    this.figure.querySelectorAll('[data-for]').forEach((el) => {
      el.hidden = !el.dataset.for.split(' ').includes(this.kind);
    });
  }

  problemSpec() {
    const name = this.config.problem;
    return name === 'linear-regression' ? { name, n: 200, noise: 0.5, batch_size: this.config.batchSize } : { name };
  }

  specs() {
    const base = {
      problem: this.problemSpec(),
      optimizer: { name: this.config.optimizer, lr: this.lr },
      stop: { max_steps: this.config.maxSteps },
      changes: [],
      seed: SEED,
    };
    return [
      { ...base, schedule: scheduleSpec(this.kind, this.params, this.config.maxSteps) },
      { ...base, schedule: { name: 'constant' } },
    ];
  }

  async plot() {
    const c = themeColours();
    const accent = colour('momentum');
    const Plotly = charts.plotly();
    await Plotly.react(this.lrChart, [
      { type: 'scatter', mode: 'lines', name: 'schedule', x: [], y: [], line: { color: accent, width: 2.5 } },
      { type: 'scatter', mode: 'lines', name: 'constant', x: [], y: [], line: { color: c.faint, width: 2, dash: 'dash' } },
    ], charts.layout({
      xaxis: { title: { text: 'iteration' }, range: [0, this.config.maxSteps] },
      yaxis: { title: { text: 'learning rate' }, rangemode: 'tozero' },
      shapes: [],
    }), charts.config(`${this.id}-lr`));
    await Plotly.react(this.loss, [
      charts.lossTrace('schedule', accent),
      { ...charts.lossTrace('constant', c.faint), line: { color: c.faint, width: 1.5 } },
    ], charts.layout({
      showlegend: true,
      margin: { l: 48, r: 12, t: 36, b: 40 },
      xaxis: { title: { text: 'iteration' }, range: [0, this.config.maxSteps] },
      yaxis: { title: { text: this.floor === null ? 'loss' : 'loss − least loss' }, type: 'log', exponentformat: 'power' },
    }), charts.config(`${this.id}-loss`));
    this.drawn = [-1, -1];
    this.board.build([{ label: 'Schedule', colour: accent }, { label: 'Constant lr', colour: c.faint }]);
  }

  restart() {
    super.restart();
    if (this.lrChart.layout) charts.plotly().relayout(this.lrChart, { shapes: [] });
  }

  draw(t, reset) {
    const Plotly = charts.plotly();
    if (!this.lrChart.data || this.player.runs.length < 2) return;
    for (let i = 0; i < 2; i++) {
      const steps = this.player.runs[i].steps;
      const upto = Math.min(t, steps.length - 1);
      if (reset || upto < this.drawn[i]) {
        this.drawn[i] = -1;
        Plotly.restyle(this.lrChart, { x: [[]], y: [[]] }, [i]);
        Plotly.restyle(this.loss, { x: [[]], y: [[]] }, [i]);
      }
      if (upto > this.drawn[i]) {
        const lr = charts.slice(steps, this.drawn[i], upto, (s) => [s.t, s.lr]);
        const loss = charts.slice(steps, this.drawn[i], upto, (s) => [s.t, this.excess(s.loss)]);
        Plotly.extendTraces(this.lrChart, { x: [lr[0]], y: [lr[1]] }, [i]);
        Plotly.extendTraces(this.loss, { x: [loss[0]], y: [loss[1]] }, [i]);
        this.drawn[i] = upto;
      }
    }
    if (this.kind === 'reduce-on-plateau') this.#markCuts(t);
    this.board.fill(t, (i, step) => [num(step.lr, 3), String(step.t), num(toNumber(step.loss), 3), this.board.statusAt(i, t)]);
  }

  /** Where reduce-on-plateau cut the lr, and the patience window of bad steps that led to it. */
  #markCuts(t) {
    const steps = this.player.runs[0].steps;
    const c = themeColours();
    const shapes = [];
    for (let k = 1; k <= Math.min(t, steps.length - 1); k++) {
      if (steps[k].lr < steps[k - 1].lr) {
        const from = Math.max(0, k - this.params.patience - 1);
        shapes.push({ type: 'rect', xref: 'x', yref: 'paper', x0: from, x1: k, y0: 0, y1: 1,
          fillcolor: c.accent, opacity: 0.08, line: { width: 0 } });
        shapes.push({ type: 'line', xref: 'x', yref: 'paper', x0: k, x1: k, y0: 0, y1: 1,
          line: { color: c.accent, width: 1.5, dash: 'dot' } });
      }
    }
    if (shapes.length !== (this.lrChart.layout.shapes ?? []).length) {
      charts.plotly().relayout(this.lrChart, { shapes });
    }
  }

  runLabel(i) {
    return i === 0 ? `schedule ${this.kind}` : 'constant lr';
  }

  summary() {
    const a = this.player.runs[0];
    const b = this.player.runs[1];
    const la = toNumber(a.steps[a.steps.length - 1].loss);
    const lb = toNumber(b.steps[b.steps.length - 1].loss);
    const better = la < lb ? 'the schedule ends lower' : (la > lb ? 'the constant rate ends lower' : 'both end level');
    return `${this.describeRun(0, 'With the schedule')}; ${this.describeRun(1, 'with a constant lr')}: ${better}.`;
  }

  themeChanged() {
    this.plot().then(() => this.draw(this.player.t, true));
  }
}
