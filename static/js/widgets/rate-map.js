// rate-map: the predicted rate of heavy-ball momentum over (η, μ) on ½(x² + κy²), computed on the
// server, with a point the learner moves; that point also runs on the server and its measured
// rate shows beside the predicted one.

import { Widget, colour, themeColours } from './widget.js';
import * as charts from './charts.js';
import { num, toNumber } from './format.js';
import { fetchApi } from './net.js';

export default class RateMap extends Widget {
  constructor(figure) {
    super(figure);
    this.kappa = this.config.kappa;
    this.lr = this.config.lr;
    this.momentum = this.config.momentum;
    this.mapChart = figure.querySelector('[data-chart="map"]');
    this.distance = figure.querySelector('[data-chart="distance"]');
    this.drawn = -1;
    this.request = 0;
  }

  // the sliders' own ranges (rendered by the server) bound what a link may restore; the lr range
  // follows κ and is settled once the server's map arrives
  restoreState(s) {
    if (this.controlAllows('kappa', Number(s.kappa))) this.kappa = Number(s.kappa);
    if (Number(s.lr) > 0) this.lr = Number(s.lr);
    if (this.controlAllows('momentum', Number(s.mu))) this.momentum = Number(s.mu);
  }

  currentState() {
    return { kappa: String(this.kappa), lr: String(this.lr), mu: String(this.momentum) };
  }

  async setup() {
    this.bindControl('kappa', async (kappa) => {
      this.kappa = Math.round(kappa);
      await this.loadMap();
      this.moved();
      return num(this.kappa, 4);
    });
    this.bindControl('lr', (lr) => { this.lr = lr; this.moved(); return num(lr, 3); });
    this.bindControl('momentum', (mu) => { this.momentum = mu; this.moved(); return num(mu, 3); });
    await this.loadMap();
    this.measure();
  }

  /** The lr slider spans (0, lr_max], the range the server says is worth showing for this κ. */
  syncControls() {
    const input = this.figure.querySelector('[data-control="lr"]');
    const max = this.map.lr_max;
    this.lr = Math.min(this.lr, max);
    input.min = String(max / 200);
    input.max = String(max);
    input.step = String(max / 200);
    this.setControl('kappa', this.kappa);
    this.setControl('lr', this.lr);
    this.setControl('momentum', this.momentum);
  }

  async loadMap() {
    const response = await fetchApi(`${this.api}/rate-map?kappa=${this.kappa}&n=${this.config.grid}`);
    if (!response.ok) throw new Error(`rate-map: ${response.status}`);
    this.map = await response.json();
    this.syncControls();
    await this.plot();
  }

  /** The point moved: a new run, a new measurement, the marker and the readouts. */
  moved() {
    this.syncControls();
    this.restart();
    this.measure();
  }

  async measure() {
    const ticket = ++this.request;
    this.point = null;
    this.readouts();
    this.placePoint();
    const url = `${this.api}/rate-map?kappa=${this.kappa}&n=0&lr=${this.lr}&momentum=${this.momentum}`;
    const response = await fetchApi(url);
    if (ticket !== this.request) return;
    if (!response.ok) {
      this.setSummary(`The rate could not be measured (${response.status}).`, true);
      return;
    }
    this.point = (await response.json()).point;
    this.readouts();
    this.drawPrediction();
  }

  predicted() {
    return this.point?.predicted ?? null;
  }

  readouts() {
    const set = (name, text) => { this.figure.querySelector(`[data-readout="${name}"]`).textContent = text; };
    const p = this.point;
    set('predicted', p ? this.rateText(p.predicted) : '…');
    set('measured', p ? this.rateText(p.measured) : '…');
    if (this.map) {
      const o = this.map.optimum;
      set('optimum', `${num(o.lr, 3)}, ${num(o.momentum, 3)}`);
      set('best', `${num(o.rate, 3)} / ${num(this.map.plain.rate, 3)}`);
    }
  }

  rateText(rate) {
    if (rate >= 1) return `${num(rate, 4)} (diverges)`;
    if (rate === 0) return '0';
    return `${num(rate, 4)} (${Math.ceil(Math.log(1e-6) / Math.log(rate))} steps to 1e−6)`;
  }

  async plot() {
    const Plotly = charts.plotly();
    const m = this.map;
    const t = themeColours();
    const converging = m.rate.map((row) => row.map((r) => (r < 1 ? r : null)));
    const diverging = m.rate.map((row) => row.map((r) => (r >= 1 ? 1 : null)));
    const dark = document.documentElement.dataset.theme === 'dark';
    await Plotly.react(this.mapChart, [
      {
        type: 'heatmap', x: m.eta, y: m.mu, z: converging, zmin: 0, zmax: 1,
        colorscale: 'Viridis', reversescale: true, name: 'rate',
        colorbar: { title: { text: 'rate', side: 'right' }, thickness: 10, len: 0.9, tickfont: { color: t.faint, size: 10 } },
        hovertemplate: 'η %{x:.4g}, μ %{y:.3f}<br>rate %{z:.4f}<extra></extra>',
      },
      {
        type: 'heatmap', x: m.eta, y: m.mu, z: diverging, zmin: 0, zmax: 1, showscale: false, name: 'diverges',
        colorscale: [[0, dark ? '#5a2a2a' : '#e8c4bd'], [1, dark ? '#5a2a2a' : '#e8c4bd']],
        hovertemplate: 'η %{x:.4g}, μ %{y:.3f}<br>diverges<extra></extra>',
      },
      {
        type: 'scatter', mode: 'markers', name: 'best momentum', x: [m.optimum.lr], y: [m.optimum.momentum],
        marker: { symbol: 'star', size: 16, color: t.fg, line: { width: 1.5, color: t.bg } },
        hovertemplate: 'optimum η* %{x:.4g}, μ* %{y:.3f}<extra></extra>',
      },
      {
        type: 'scatter', mode: 'markers', name: 'best plain GD', x: [m.plain.lr], y: [0],
        marker: { symbol: 'diamond', size: 12, color: t.fg, line: { width: 1.5, color: t.bg } },
        hovertemplate: 'best plain GD η %{x:.4g}<extra></extra>',
      },
      {
        type: 'scatter', mode: 'markers', name: 'your point', x: [this.lr], y: [this.momentum],
        marker: { symbol: 'circle-open', size: 16, color: colour('momentum'), line: { width: 3 } },
        hovertemplate: 'your point η %{x:.4g}, μ %{y:.3f}<extra></extra>',
      },
    ], charts.layout({
      margin: { l: 52, r: 8, t: 12, b: 44 },
      xaxis: { title: { text: 'learning rate η (rose: diverges)' }, range: [0, this.map.lr_max] },
      yaxis: { title: { text: 'momentum μ' }, range: [-0.01, 1] },
    }), charts.config(`${this.id}-map`));
    this.mapChart.removeAllListeners?.('plotly_click');
    this.mapChart.on('plotly_click', (event) => {
      const p = event.points?.[0];
      if (!p) return;
      const max = this.map.lr_max;
      this.lr = Number(Math.min(max, Math.max(max / 200, p.x)).toPrecision(3));
      const slider = this.figure.querySelector('[data-control="momentum"]');
      this.momentum = Number(Math.min(Number(slider.max), Math.max(Number(slider.min), p.y)).toFixed(2));
      this.moved();
    });
    await Plotly.react(this.distance, [
      charts.lossTrace('distance ‖θ_t‖', colour('momentum')),
      { type: 'scatter', mode: 'lines', name: 'predicted rate^t', x: [], y: [], line: { color: t.soft, width: 1.5, dash: 'dash' }, hoverinfo: 'skip' },
    ], charts.layout({
      showlegend: true,
      margin: { l: 48, r: 12, t: 36, b: 40 },
      xaxis: { title: { text: 'iteration' }, rangemode: 'tozero' },
      yaxis: { title: { text: 'distance to the minimum' }, type: 'log', exponentformat: 'power' },
    }), charts.config(`${this.id}-distance`));
    this.drawn = -1;
    this.drawPrediction();
  }

  placePoint() {
    if (this.mapChart.data) charts.plotly().restyle(this.mapChart, { x: [[this.lr]], y: [[this.momentum]] }, [4]);
  }

  /** ‖θ_0‖·ρ^t over the run's length: what the map says the distance should do. */
  drawPrediction() {
    const rate = this.predicted();
    if (!this.distance.data || rate === null) return;
    const d0 = Math.SQRT2;
    const n = this.config.maxSteps;
    const xs = [];
    const ys = [];
    for (let k = 0; k <= n; k += Math.max(1, Math.floor(n / 100))) {
      const v = d0 * rate ** k;
      if (v < 1e-300 || v > 1e300) break;
      xs.push(k);
      ys.push(v);
    }
    charts.plotly().restyle(this.distance, { x: [xs], y: [ys] }, [1]);
  }

  specs() {
    return [{
      problem: { name: 'ill-conditioned', condition: this.kappa },
      start: [1, 1],
      optimizer: { name: 'momentum', lr: this.lr, momentum: this.momentum },
      stop: { max_steps: this.config.maxSteps },
      changes: [],
      seed: 0,
    }];
  }

  restart() {
    super.restart();
    this.drawn = -1;
  }

  draw(t, reset) {
    const Plotly = charts.plotly();
    if (!this.distance.data || !this.player.runs.length) return;
    const steps = this.player.runs[0].steps;
    const upto = Math.min(t, steps.length - 1);
    if (reset || upto < this.drawn) {
      this.drawn = -1;
      Plotly.restyle(this.distance, { x: [[]], y: [[]] }, [0]);
    }
    if (upto > this.drawn) {
      const d = charts.slice(steps, this.drawn, upto, (s) => [s.t, charts.finite(Math.hypot(...s.params.map(toNumber)))]);
      Plotly.extendTraces(this.distance, { x: [d[0]], y: [d[1]] }, [0]);
      this.drawn = upto;
    }
  }

  summary() {
    const run = this.describeRun(0, `Momentum at η ${num(this.lr, 3)}, μ ${num(this.momentum, 3)}`);
    const p = this.point;
    const rates = p ? ` Predicted rate ${num(p.predicted, 4)}, measured ${num(p.measured, 4)}.` : '';
    return `${run}.${rates} The best momentum on κ = ${num(this.kappa, 4)} gives ${num(this.map.optimum.rate, 3)} per step, the best plain descent ${num(this.map.plain.rate, 3)}.`;
  }

  themeChanged() {
    this.plot().then(() => this.draw(this.player.t, true));
  }
}
