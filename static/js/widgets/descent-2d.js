// descent-2d: one optimizer's path over a contour map, with its loss curve beside it.

import { Widget, colour, themeColours } from './widget.js';
import * as charts from './charts.js';
import { num, optimizerName, toNumber } from './format.js';

const USES_MOMENTUM = { momentum: 'μ', nesterov: 'μ', adam: 'β₁', adamw: 'β₁' };

export default class Descent2d extends Widget {
  constructor(figure) {
    super(figure);
    const c = this.config;
    this.problem = c.problem;
    this.optimizer = c.optimizer;
    this.lr = c.lr;
    this.momentum = c.momentum;
    this.start = c.start.slice();
    this.surface = c.surface;
    this.contour = figure.querySelector('[data-chart="contour"]');
    this.loss = figure.querySelector('[data-chart="loss"]');
    this.drawn = -1;
  }

  restoreState(s) {
    if (s.problem && this.config.problems.includes(s.problem)) this.problem = s.problem;
    if (s.opt && this.config.optimizers.includes(s.opt)) this.optimizer = s.opt;
    if (Number(s.lr) > 0) this.lr = Number(s.lr);
    if (s.mom !== undefined && Number(s.mom) >= 0 && Number(s.mom) < 1) this.momentum = Number(s.mom);
    const start = (s.start ?? '').split(',').map(Number);
    if (start.length === 2 && start.every(Number.isFinite)) this.start = start;
    if (s.surface !== undefined) this.surface = s.surface === '1';
    this.setControl('problem', this.problem);
    this.setControl('optimizer', this.optimizer);
    this.setControl('lr', this.lr);
    this.setControl('momentum', this.momentum);
    this.setControl('surface', this.surface);
  }

  currentState() {
    return {
      problem: this.problem, opt: this.optimizer, lr: String(this.lr), mom: String(this.momentum),
      start: this.start.map((v) => Number(v.toPrecision(4))).join(','), ...(this.surface ? { surface: '1' } : {}),
    };
  }

  async setup() {
    this.bindControl('problem', async (name) => {
      this.problem = name;
      await this.loadLandscape();
      this.start = this.land.defaultStart.slice();
      this.restart();
    });
    this.bindControl('optimizer', (name) => { this.optimizer = name; this.#momentumEnabled(); this.restart(); });
    this.bindControl('lr', (lr) => { this.lr = lr; this.changeParameter({ lr }); return num(lr, 3); });
    this.bindControl('momentum', (m) => {
      this.momentum = m;
      if (this.optimizer === 'momentum' || this.optimizer === 'nesterov') this.changeParameter({ momentum: m });
      else this.restart();
      return num(m, 3);
    });
    this.bindControl('surface', async (on) => { this.surface = on; await this.#plotLandscape(); this.draw(this.player.t, true); this.writeHash(); });
    this.#momentumEnabled();
    await this.loadLandscape();
  }

  #momentumEnabled() {
    const input = this.figure.querySelector('[data-control="momentum"]');
    if (!input) return;
    const symbol = USES_MOMENTUM[this.optimizer];
    input.disabled = !symbol;
    input.parentElement.querySelector('label').textContent = symbol ? `Momentum ${symbol}` : 'Momentum (not used)';
  }

  async loadLandscape() {
    this.land = await charts.landscape(this.api, this.problemSpec(), 80);
    await this.#plotLandscape();
  }

  async #plotLandscape() {
    const name = optimizerName(this.optimizer);
    const c = colour(this.optimizer);
    const Plotly = charts.plotly();
    if (this.surface) {
      const z = this.land.z.map((row) => row.map((v) => Math.log10(1 + v - this.land.min)));
      await Plotly.react(this.contour, [
        { type: 'surface', x: this.land.x, y: this.land.y, z, showscale: false, opacity: 0.9, colorscale: 'Blues', reversescale: true, hoverinfo: 'skip' },
        { type: 'scatter3d', mode: 'lines+markers', x: [], y: [], z: [], line: { color: c, width: 5 }, marker: { size: 2.5, color: c }, name },
      ], charts.layout({ margin: { l: 0, r: 0, t: 0, b: 0 }, scene: { xaxis: { title: 'x' }, yaxis: { title: 'y' }, zaxis: { title: 'log(1+f−min)' } } }),
      charts.config(`${this.id}-surface`));
    } else {
      await Plotly.react(this.contour, [
        charts.contourTrace(this.land),
        charts.minimaTrace(this.land),
        charts.pathTrace(name, c),
        charts.headTrace(c),
      ], charts.layout({
        xaxis: { range: this.land.range[0], title: { text: 'x' } },
        yaxis: { range: this.land.range[1], title: { text: 'y' }, scaleanchor: undefined },
      }), charts.config(`${this.id}-path`));
      this.contour.removeAllListeners?.('plotly_click');
      if (this.config.controls.includes('start')) {
        this.contour.on('plotly_click', (event) => {
          const p = event.points?.[0];
          if (!p) return;
          this.start = [Number(p.x.toPrecision(4)), Number(p.y.toPrecision(4))];
          this.restart();
        });
      }
    }
    await Plotly.react(this.loss, [charts.lossTrace(name, c)], charts.layout({
      xaxis: { title: { text: 'iteration' }, rangemode: 'tozero' },
      yaxis: { title: { text: 'loss' }, type: 'log', exponentformat: 'power' },
      shapes: [], annotations: [],
    }), charts.config(`${this.id}-loss`));
    this.drawn = -1;
  }

  /** A catalogue problem by name, or the function the lesson's author typed. */
  problemSpec() {
    return this.config.expression
      ? { expression: this.config.expression, range: [[-3, 3], [-3, 3]] }
      : { name: this.problem };
  }

  optimizerSpec() {
    const spec = { name: this.optimizer, lr: this.lr };
    if (this.optimizer === 'momentum' || this.optimizer === 'nesterov') spec.momentum = this.momentum;
    if ((this.optimizer === 'adam' || this.optimizer === 'adamw') && this.config.controls.includes('momentum')) {
      spec.betas = [this.momentum, 0.999];
    }
    return spec;
  }

  specs() {
    return [{
      problem: this.problemSpec(),
      start: this.start,
      optimizer: this.optimizerSpec(),
      stop: { max_steps: this.config.maxSteps },
      changes: this.changes,
      seed: 0,
    }];
  }

  restart() {
    super.restart();
    if (this.loss.layout) charts.plotly().relayout(this.loss, { shapes: [], annotations: [] });
  }

  draw(t, reset) {
    const Plotly = charts.plotly();
    if (!this.land || !this.contour.data || !this.player.runs.length) return;
    const steps = this.player.runs[0].steps;
    if (!steps.length) return;
    const upto = Math.min(t, steps.length - 1);
    if (reset || upto < this.drawn) {
      this.drawn = -1;
      if (this.surface) Plotly.restyle(this.contour, { x: [[]], y: [[]], z: [[]] }, [1]);
      else Plotly.restyle(this.contour, { x: [[]], y: [[]] }, [2]);
      Plotly.restyle(this.loss, { x: [[]], y: [[]] }, [0]);
    }
    if (upto > this.drawn) {
      const xy = charts.slice(steps, this.drawn, upto, (s) => [charts.finite(s.params[0]), charts.finite(s.params[1])]);
      const loss = charts.slice(steps, this.drawn, upto, (s) => [s.t, charts.finite(s.loss)]);
      if (this.surface) {
        const z = steps.slice(this.drawn + 1, upto + 1).map((s) => Math.log10(1 + toNumber(s.loss) - this.land.min));
        Plotly.extendTraces(this.contour, { x: [xy[0]], y: [xy[1]], z: [z] }, [1]);
      } else {
        Plotly.extendTraces(this.contour, { x: [xy[0]], y: [xy[1]] }, [2]);
      }
      Plotly.extendTraces(this.loss, { x: [loss[0]], y: [loss[1]] }, [0]);
      this.drawn = upto;
      this.#lossAxis(steps, upto);
    }
    if (!this.surface) {
      const head = steps[upto];
      Plotly.restyle(this.contour, { x: [[charts.finite(head.params[0])]], y: [[charts.finite(head.params[1])]] }, [3]);
    }
  }

  #lossAxis(steps, upto) {
    const wantLog = steps.slice(0, upto + 1).every((s) => toNumber(s.loss) > 0);
    const type = wantLog ? 'log' : 'linear';
    if (this.loss.layout.yaxis.type !== type) charts.plotly().relayout(this.loss, { 'yaxis.type': type });
  }

  markChange(t, values) {
    const label = Object.entries(values).filter(([k]) => k !== 'at').map(([k, v]) => `${k} → ${num(v, 3)}`).join(', ');
    const c = themeColours();
    const shapes = [...(this.loss.layout.shapes ?? []).filter((s) => s.x0 < t),
      { type: 'line', xref: 'x', yref: 'paper', x0: t, x1: t, y0: 0, y1: 1, line: { color: c.faint, width: 1.5, dash: 'dot' } }];
    const annotations = [...(this.loss.layout.annotations ?? []).filter((a) => a.x < t),
      { x: t, y: 1, xref: 'x', yref: 'paper', text: label, showarrow: false, xanchor: 'left', yanchor: 'top', font: { size: 11, color: c.soft }, bgcolor: c.bg }];
    charts.plotly().relayout(this.loss, { shapes, annotations });
  }

  summary() {
    return this.describeRun(0, optimizerName(this.optimizer)) + '.';
  }

  themeChanged() {
    this.#plotLandscape().then(() => {
      this.draw(this.player.t, true);
      this.changes.forEach((c) => this.markChange(c.at, c));
    });
  }
}
