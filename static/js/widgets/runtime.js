// The one runtime of every converted widget: it owns the state of the controls, the page
// address, forks, the streams, playback and downloads. The server renders the controls and
// answers each state's run specs; a widget's own module only draws:
//   export default { charts(w), draw(w, t, reset), summary(w) }   (and optionally label(w, i))
// where w is this runtime: w.specs are the current runs' specs, w.player their steps, w.local
// the module's own scratch space, and w.ask(name) answers one of the other calls the server
// wrote for this state (a sweep, a gradient comparison), kept as w[name] too.

import { Player } from './player.js';
import { bindStartDrag } from './start-drag.js';
import { fetchApi, problemOf, busyText, eventStream, fetchRunSteps } from './net.js';
import { num, optimizerName } from './format.js';
import { themeColours } from './theme.js';
import * as charts from './charts.js';
import * as shell from './shell.js';
import { readAddress, writeAddress } from './address.js';
import { bindControl, showControls, showControlError } from './controls.js';
import { Scrubber } from './scrubber.js';
import { Preview, drawGhost, hasGhost } from './ghost.js';
import { InsideStep } from './inside-step.js';

/** The step fields of a downloaded run (the CSV's columns). */
const DOWNLOAD_FIELDS = 'params,loss,grad,grad_norm,lr';

export class Runtime {
  constructor(figure, module) {
    this.figure = figure;
    this.module = module;
    this.id = figure.id;
    this.api = figure.dataset.api;
    this.config = JSON.parse(figure.dataset.config);
    this.pageControls = JSON.parse(figure.dataset.controls);
    /** The controls as the server gives them for the current state (a range may follow another control). */
    this.controls = this.pageControls;
    this.defaultSpecs = JSON.parse(figure.dataset.runs);
    this.defaultRequests = JSON.parse(figure.dataset.requests ?? '{}');
    this.specs = this.defaultSpecs;
    this.requests = this.defaultRequests;
    /** The answers of the other calls, by name. */
    this.answers = {};
    /** Answers that came with the state's own (a lab's), by call name: ask() takes them. */
    this.carried = {};
    this.runsUrl = figure.dataset.runsUrl;
    /** State requests in flight, by address: a second asker shares the first's. */
    this.asking = new Map();
    this.local = {};
    /** What the learner set, by control name; a control left out keeps what the server picks. */
    this.values = {};
    /** Changes made while a run played: [{at, 'optimizer.lr': 0.01}]. */
    this.forks = [];
    this.ticket = 0;
    this.player = new Player(this.api, {
      draw: (t, reset) => this.#draw(t, reset),
      ended: () => this.#ended(),
      changed: () => this.#playbackChanged(),
      failed: (stream) => this.setSummary(`The run could not start: ${stream.error}`, true),
      busy: (text) => this.#busy(text),
    });
    this.player.speed = this.config.speed;
    // a type whose drawing needs other step fields (the stopping measures) says so in its page
    if (figure.dataset.fields) this.player.fields = figure.dataset.fields;
    this.preview = new Preview(this);
    this.inside = new InsideStep(this);
    this.pytorch = new shell.PyTorchPanel(figure, this.api, () => this.player.runs.map((run) => run.spec));
    // a module's other functions of the widget read as its methods, e.g. figure.widget.stops(t)
    for (const [name, fn] of Object.entries(module)) {
      if (typeof fn === 'function' && !['charts', 'draw', 'summary', 'label'].includes(name) && !(name in this)) {
        this[name] = (...args) => fn(this, ...args);
      }
    }
    // each control's current value reads as a property, e.g. figure.widget.lr
    for (const c of this.controls) {
      if (!(c.name in this)) Object.defineProperty(this, c.name, { get: () => this.value(c.name) });
    }
    document.addEventListener('downhill:theme', () => this.#replot());
  }

  async launch() {
    const { values, forks, t: wanted } = readAddress(this.id, this.controls);
    this.values = values;
    this.forks = forks;
    this.controls.forEach((c) => this.#bind(c));
    this.#bindPlayback();
    this.#showControls();
    try {
      this.#answered(await this.#fetchRuns());
      this.#showControls();
    } catch (error) {
      // a link the server no longer accepts opens the widget as its author wrote it
      this.values = {};
      this.forks = [];
      this.specs = this.defaultSpecs;
      this.requests = this.defaultRequests;
      this.controls = this.pageControls;
      this.#showControls();
    }
    await this.module.charts(this);
    this.#bindClicks();
    this.player.setRuns(this.specs);
    this.#markForks();
    this.#waiting();
    if (wanted > 0) this.player.goTo(wanted);
  }

  // ----- values -----
  control(name) {
    return this.controls.find((c) => c.name === name);
  }

  /** A control's value now: its last fork, else what the learner set, else the block's. */
  value(name) {
    const c = this.control(name);
    if (!c) return this.config[name];
    for (let i = this.forks.length - 1; i >= 0; i--) {
      if (c.path in this.forks[i]) return this.forks[i][c.path];
    }
    return name in this.values ? this.values[name] : c.value;
  }

  /** Sets a control as the learner would; a live one forks a playing run, the rest restart it. */
  async set(name, v) {
    const c = this.control(name);
    if (!c) return;
    this.previewing = false;
    if (this.#forksAt(c)) {
      await this.#fork(c, v);
      return;
    }
    const next = this.#folded();
    next[name] = v;
    (c.resets ?? []).forEach((other) => delete next[other]);
    if (!c.path) {
      // only the view changes, not the runs
      this.values = next;
      this.forks = [];
      this.#showControls();
      await this.#replot();
      this.writeHash();
      return;
    }
    const refused = await this.restart(next);
    // a refused value is shown by its control, which keeps what was typed; the runs stay as they were
    if (refused && refused.field === `state.${name}`) this.#controlError(c, v, refused.detail);
    else if (refused) this.#showControls();
  }

  /**
   * Runs again from step 0 with `values` (the current ones, forks folded in). They become the
   * widget's once the server has answered and the charts are drawn; a refusal (returned) leaves
   * everything as it was.
   */
  restart(values = this.#folded()) {
    this.pending = this.#restart(values);
    return this.pending;
  }

  /** Waits until the last change has its runs (a module about to use them, e.g. to start a training). */
  async settled() {
    await this.pending;
  }

  async #restart(values) {
    const ticket = ++this.ticket;
    // the old values' runs stop now, not when the new ones arrive: their late steps would draw on
    // the new charts (a line from the old start); a Play pressed meanwhile plays the new runs
    this.playWhenReady = this.playWhenReady || this.player.playing;
    this.player.hold();
    this.restarting = true;
    let answer;
    try {
      answer = await this.#fetchRuns(values, []);
    } catch (error) {
      if (ticket === this.ticket) {
        this.restarting = false;
        this.playWhenReady = false;
        if (!(error.field?.startsWith('state.') && this.#controlError(this.control(error.field.slice(6)), null, error.detail))) {
          this.setSummary(`The run could not start: ${error.message}`, true);
        }
      }
      return error;
    }
    if (ticket !== this.ticket) return null;
    this.values = values;
    this.forks = [];
    this.#answered(answer);
    const specs = this.specs;
    this.#showControls();
    for (const name of Object.keys(this.answers)) if (!(name in this.requests)) delete this.answers[name];
    this.controls.forEach((c) => this.#controlError(c, null, null));
    try {
      await this.module.charts(this);
    } catch (error) {
      this.restarting = false;
      this.playWhenReady = false;
      this.setSummary(`The chart could not be drawn: ${error.message}`, true);
      return error;
    }
    if (ticket !== this.ticket) return null;
    this.#bindClicks();
    this.player.setRuns(specs);
    this.restarting = false;
    // the slider's preview already has these runs whole: they stay on the charts at once; charts
    // kept from the last state (the same map and runs) may still show an older setting's
    const kept = this.ghostKey === JSON.stringify(specs) && hasGhost(this.figure);
    const previewed = this.preview.stepsOf(specs);
    if (!kept) this.#ghost(previewed ? specs : null, previewed ?? []);
    this.writeHash();
    this.#waiting();
    this.pytorch.refresh();
    if (this.playWhenReady) {
      this.playWhenReady = false;
      this.#play();
    }
    return null;
  }

  /**
   * Takes the server's answer for the current state: its runs, its other calls, and its controls,
   * whose ranges may have moved (a learner's value outside them falls back to the server's).
   */
  #answered({ runs, requests, controls, answers }) {
    this.specs = runs;
    this.requests = requests;
    this.carried = answers ?? {};
    this.controls = controls ?? this.pageControls;
    for (const c of this.controls) {
      const v = this.values[c.name];
      if (c.kind === 'slider' && v !== undefined && (v < c.min || v > c.max)) delete this.values[c.name];
    }
  }

  /** Sets several controls at once, as one change (a click on a map that sets two of them). */
  async setValues(values) {
    await this.restart({ ...this.#folded(), ...values });
  }

  /** Once runs are set: a widget with runs waits for Play; one without (a lab) has its answer drawn already. */
  #waiting() {
    if (this.specs.length) {
      this.setSummary('Press Play to start the run.');
      return;
    }
    this.setSummary(this.module.summary(this));
    // a lab's answer is complete at once; a training streamed later says itself when it ends
    if (this.module.done?.(this) ?? true) this.figure.dispatchEvent(new CustomEvent('downhill:run-ended'));
  }



  async #fork(c, v) {
    const at = this.player.t;
    this.forks = this.forks.filter((f) => f.at < at);
    this.forks.push({ at, [c.path]: v });
    this.#showControls();
    this.#markForks();
    const ticket = ++this.ticket;
    let specs;
    try {
      ({ runs: specs } = await this.#fetchRuns());
    } catch (error) {
      if (ticket === this.ticket) this.setSummary(`The change could not apply: ${error.message}`, true);
      return;
    }
    if (ticket !== this.ticket) return;
    this.specs = specs;
    specs.forEach((spec, i) => this.player.fork(i, spec, at));
    // the faint whole runs were the runs before the change; the forked ones replace them once in
    const previewed = this.preview.stepsOf(specs);
    if (previewed) this.#ghost(specs, previewed);
    else this.#ghost(null, []);
    this.writeHash();
    this.pytorch.refresh();
  }

  /** The values to restart from: what the learner set, with the values the forks reached. */
  #folded() {
    const values = { ...this.values };
    for (const fork of this.forks) {
      for (const [path, v] of Object.entries(fork)) {
        const c = this.controls.find((x) => x.path === path);
        if (c) values[c.name] = v;
      }
    }
    return values;
  }

  /** A slider is being dragged to `v`: its whole runs are fetched and drawn faintly (ghost.js). */
  previewSlider(name, v) {
    this.previewing = true;
    this.preview.show(name, v);
  }

  /** The run specs the widget would have with control `name` set to `v`, as set() would change it. */
  async specsFor(name, v) {
    const c = this.control(name);
    if (!c?.path) return [];
    if (this.#forksAt(c)) {
      const at = this.player.t;
      return (await this.#fetchRuns(this.values, [...this.forks.filter((f) => f.at < at), { at, [c.path]: v }])).runs;
    }
    const next = this.#folded();
    next[name] = v;
    (c.resets ?? []).forEach((other) => delete next[other]);
    return (await this.#fetchRuns(next, [])).runs;
  }

  /**
   * Whether a change of `c` forks the runs at the clock's step: a live control, past the start and
   * before the last step (a run that has ended has no steps left to change, so it runs again).
   */
  #forksAt(c) {
    return c.live && this.player.t > 0 && !this.player.atEnd;
  }

  /** Draws `steps` faintly as the whole runs of `specs` (null and [] clear them). */
  #ghost(specs, steps) {
    this.ghostKey = specs ? JSON.stringify(specs) : null;
    drawGhost(this.figure, steps);
  }

  /** Once every run's steps are in, the whole runs show faintly under what has played. */
  #ghostFromRuns() {
    const runs = this.player.runs;
    if (this.restarting || !runs.length || !this.player.finished || runs.some((run) => run.error)) return;
    const specs = runs.map((run) => run.spec);
    if (this.ghostKey === JSON.stringify(specs)) return;
    this.#ghost(specs, runs.map((run) => run.steps));
  }

  /**
   * The runs of a state, from the server; the block's own are in the page already. A slider's
   * preview and its change ask for the same state together: they share one request.
   */
  #fetchRuns(values = this.values, forks = this.forks) {
    const state = { ...values };
    if (forks.length) state.forks = forks;
    if (Object.keys(state).length === 0) return Promise.resolve({ runs: this.defaultSpecs, requests: this.defaultRequests });
    const url = `${this.runsUrl}&state=${encodeURIComponent(JSON.stringify(state))}`;
    if (!this.asking.has(url)) {
      const answer = (async () => {
        const response = await fetchApi(url, { onBusy: (seconds) => this.#busy(busyText(seconds)) });
        this.#busy(null);
        if (!response.ok) throw await problemOf(response);
        return response.json();
      })();
      this.asking.set(url, answer);
      answer.finally(() => this.asking.delete(url)).catch(() => {});
    }
    // each asker gets its own copy: what one keeps (runs, requests) the other cannot change
    return this.asking.get(url).then((answer) => structuredClone(answer));
  }

  /**
   * Answers the call the server wrote as `name` for the current state: its path under the API and
   * its query, values that are not text sent as JSON; `more` adds the view's own parameters (which
   * rows of a map to fill next). The last answer is kept as w.answers[name] and w[name]. An answer
   * that came with the state's is taken as it is.
   */
  async ask(name, { more = {}, signal } = {}) {
    let body = Object.keys(more).length === 0 ? this.carried[name] : undefined;
    if (body === undefined) {
      const response = await fetchApi(this.#address(name, more), { signal, onBusy: (seconds) => this.#busy(busyText(seconds)) });
      this.#busy(null);
      if (!response.ok) throw await problemOf(response);
      body = await response.json();
    }
    this.answers[name] = body;
    if (!(name in this)) Object.defineProperty(this, name, { get: () => this.answers[name] });
    return body;
  }

  /**
   * Opens the stream the server wrote as `name` for the current state (a network's training):
   * handlers as net.js's eventStream takes them, `more` as address() takes it; returns what closes it.
   */
  stream(name, handlers, more = {}) {
    return eventStream(this.#address(name, more), handlers);
  }

  /** The address of the call the server wrote as `name`, with `more` in place of (or besides) its query's fields. */
  address(name, more = {}) {
    return this.#address(name, more);
  }

  #address(name, more = {}) {
    const request = this.requests[name];
    if (!request) throw new Error(`no call named ${name} for this state`);
    const query = new URLSearchParams();
    for (const [key, v] of Object.entries({ ...request.query, ...more })) query.set(key, typeof v === 'string' ? v : JSON.stringify(v));
    return `${this.api}/${request.path}?${query}`;
  }

  // ----- controls in the page (controls.js) -----
  #bind(c) {
    bindControl(this, c);
  }

  #showControls() {
    showControls(this);
  }

  #controlError(c, text, detail) {
    return showControlError(this.figure, c, text, detail);
  }

  /** A click on a chart marked data-sets="start" sets that control (not on a 3D surface). */
  #bindClicks() {
    this.figure.querySelectorAll('[data-sets]').forEach((chart) => {
      const c = this.control(chart.dataset.sets);
      chart.removeAllListeners?.('plotly_click');
      if (!c || !chart.on) return;
      if (c.kind === 'point') bindStartDrag(this, chart, c);
      chart.on('plotly_click', (event) => {
        const p = event.points?.[0];
        if (!p || p.z !== undefined && chart.data?.[0]?.type === 'surface') return;
        const x = Number(p.x.toPrecision(4));
        this.set(c.name, c.kind === 'point' ? [x, Number(p.y.toPrecision(4))] : x);
      });
    });
  }

  /** Dotted lines on the loss chart where the runs forked, labelled with what changed. */
  #markForks() {
    const loss = this.figure.querySelector('[data-chart="loss"]');
    if (!loss?.layout) return;
    const c = themeColours();
    const shapes = this.forks.map((f) => ({ type: 'line', xref: 'x', yref: 'paper', x0: f.at, x1: f.at, y0: 0, y1: 1, line: { color: c.faint, width: 1.5, dash: 'dot' } }));
    const annotations = this.forks.map((f) => ({
      x: f.at, y: 1, xref: 'x', yref: 'paper', showarrow: false, xanchor: 'left', yanchor: 'top', font: { size: 11, color: c.soft }, bgcolor: c.bg,
      text: Object.entries(f).filter(([k]) => k !== 'at').map(([path, v]) => `${path.split('.').pop()} → ${num(v, 3)}`).join(', '),
    }));
    charts.plotly().relayout(loss, { shapes, annotations });
  }

  async #replot() {
    await this.module.charts(this);
    this.#bindClicks();
    this.#markForks();
    this.#draw(this.player.t, true);
    this.ghostKey = null;
    this.#ghostFromRuns();
  }

  writeHash() {
    writeAddress(this.id, this.controls, this.values, this.forks, this.player.t);
  }

  // ----- playback -----
  #draw(t, reset) {
    this.module.draw(this, t, reset);
    shell.updateReadouts(this.figure, this.player, t);
    // the step scrubber under the charts (in the page from the start) follows the clock
    (this.scrubber ??= new Scrubber(this.figure, this.player)).show(t);
    this.inside.show(t);
    if (!this.player.playing) {
      clearTimeout(this.hashTimer);
      this.hashTimer = setTimeout(() => this.writeHash(), 150);
    }
    if (this.firstPointPending && t > 0) {
      this.firstPointPending = false;
      performance.measure(`${this.id}-first-point`, `${this.id}-play`);
    }
  }

  #ended() {
    this.figure.dispatchEvent(new CustomEvent('downhill:run-ended'));
    this.setSummary(this.module.summary(this));
    this.writeHash();
  }

  #playbackChanged() {
    shell.showPlayback(this.figure, this.player);
    this.#ghostFromRuns();
    if (!this.player.playing) this.writeHash();
  }

  #busy(text) {
    shell.showBusy(this.figure, text);
  }

  setSummary(text, isError = false) {
    shell.setSummary(this.figure, text, isError);
  }

  describeRun(i, label) {
    return shell.describeRun(this.player.runs[i], label);
  }

  runLabel(i) {
    return this.module.label?.(this, i) ?? optimizerName(this.player.runs[i].spec.optimizer.name);
  }

  #bindPlayback() {
    const on = (action, handler) => this.figure.querySelector(`[data-action="${action}"]`)?.addEventListener('click', handler);
    on('play', () => {
      if (this.restarting) this.playWhenReady = !this.playWhenReady;
      else if (this.player.playing) this.player.pause();
      else this.#play();
    });
    on('step', () => this.player.stepOnce());
    on('reset', () => { this.player.pause(); this.player.goTo(0); this.writeHash(); });
    on('download-csv', () => this.#download('csv'));
    on('download-json', () => this.#download('json'));
    on('pytorch', () => this.pytorch.toggle());
    on('copy-pytorch', () => this.pytorch.copy());
    const speed = this.figure.querySelector('[data-control="speed"]');
    speed?.addEventListener('input', () => {
      this.player.speed = Number(speed.value);
      speed.parentElement.querySelector('output').textContent = `${speed.value}/s`;
    });
  }

  #play() {
    performance.mark(`${this.id}-play`);
    this.firstPointPending = true;
    this.player.play();
  }

  async #download(kind) {
    // a widget that streams only what it draws (params and loss) downloads every column: its runs
    // are asked for again whole, which the server answers from its cache
    const runs = await Promise.all(this.player.runs.map(async (run, i) => ({
      label: this.runLabel(i), spec: run.spec, status: run.status,
      steps: run.steps[0] && !('grad' in run.steps[0]) ? await this.#wholeSteps(run) : run.steps,
    }))).catch((error) => {
      this.setSummary(`The download could not be made: ${error.message}`, true);
      return null;
    });
    if (runs) shell.download(this.figure, kind, runs);
  }

  /** The steps of `run` received so far, with every field the downloads have. */
  async #wholeSteps(run) {
    return (await fetchRunSteps(this.api, run.spec, DOWNLOAD_FIELDS)).slice(0, run.steps.length);
  }
}
