// What every widget shares: playback buttons, speed, readouts, the summary line, downloads,
// state in the URL hash, theme colours, and the Player that streams the runs.

import { Player } from './player.js';
import { num, optimizerName } from './format.js';
import * as shell from './shell.js';

export { colour, themeColours, SERIES } from './theme.js';

export class Widget {
  constructor(figure) {
    this.figure = figure;
    this.config = JSON.parse(figure.dataset.config);
    this.api = figure.dataset.api;
    this.id = figure.id;
    this.changes = [];
    this.state = {};
    this.player = new Player(this.api, {
      draw: (t, reset) => this.#draw(t, reset),
      ended: () => this.#ended(),
      changed: () => this.#playbackChanged(),
      failed: (stream) => this.setSummary(`The run could not start: ${stream.error}`, true),
      busy: (text) => this.#busy(text),
    });
    this.player.speed = this.config.speed;
    this.pytorch = new shell.PyTorchPanel(figure, this.api, () => this.player.runs.map((run) => run.spec));
    this.#bindPlayback();
    document.addEventListener('downhill:theme', () => this.themeChanged());
  }

  // ----- to be provided by each widget type -----
  /** The run specs for the current state. */
  specs() { return []; }
  /** Draw step t of every run (reset: redraw from scratch). */
  draw(t, reset) {}
  /** One sentence for screen readers when the runs end. */
  summary() { return ''; }
  themeChanged() {}

  // ----- life cycle -----
  async launch() {
    this.defaults = this.currentState();
    this.readHash();
    await this.setup();
    this.changes = this.restoredChanges();
    this.player.setRuns(this.specs());
    this.changes.forEach((c) => this.markChange(c.at, c));
    this.setSummary('Press Play to start the run.');
    const wanted = Number(this.state.t);
    if (wanted > 0) this.player.goTo(wanted);
  }

  async setup() {}

  /** Runs again from step 0 with the current controls. */
  restart() {
    this.changes = [];
    this.player.setRuns(this.specs());
    this.writeHash();
    this.setSummary('Press Play to start the run.');
    this.refreshPyTorch();
  }

  /**
   * A hyper-parameter changed. From step 0 the run simply restarts; later, the runs fork: the
   * change applies from the current step on, and the loss chart marks where.
   */
  changeParameter(values) {
    const t = this.player.t;
    if (t === 0) {
      this.restart();
      return;
    }
    this.changes = this.changes.filter((c) => c.at < t);
    this.changes.push({ at: t, ...values });
    this.specs().forEach((spec, i) => this.player.fork(i, spec));
    this.writeHash();
    this.markChange(t, values);
    this.refreshPyTorch();
  }

  markChange(t, values) {}

  #draw(t, reset) {
    this.draw(t, reset);
    this.updateReadouts(t);
    if (!this.player.playing) {
      clearTimeout(this.hashTimer);
      this.hashTimer = setTimeout(() => this.writeHash(), 150);
    }
    if (this.firstPointPending && t > 0) {
      this.firstPointPending = false;
      performance.measure(`${this.id}-first-point`, `${this.id}-play`);
    }
  }

  updateReadouts(t) {
    shell.updateReadouts(this.figure, this.player, t);
  }

  #ended() {
    this.figure.dispatchEvent(new CustomEvent('downhill:run-ended'));
    this.setSummary(this.summary());
    this.writeHash();
  }

  #playbackChanged() {
    shell.showPlayback(this.figure, this.player);
    if (!this.player.playing) this.writeHash();
  }

  #busy(text) {
    shell.showBusy(this.figure, text);
  }

  setSummary(text, isError = false) {
    shell.setSummary(this.figure, text, isError);
  }

  /** "Adam reached loss 3.2e-4 in 142 steps" for run i. */
  describeRun(i, label) {
    return shell.describeRun(this.player.runs[i], label);
  }

  // ----- controls -----
  #bindPlayback() {
    const on = (action, handler) => this.figure.querySelector(`[data-action="${action}"]`)?.addEventListener('click', handler);
    on('play', () => {
      if (!this.player.playing) {
        performance.mark(`${this.id}-play`);
        this.firstPointPending = true;
      }
      this.player.toggle();
    });
    on('step', () => this.player.stepOnce());
    on('reset', () => { this.player.pause(); this.player.goTo(0); this.writeHash(); });
    on('download-csv', () => this.download('csv'));
    on('download-json', () => this.download('json'));
    on('pytorch', () => this.togglePyTorch());
    on('copy-pytorch', () => this.copyPyTorch());
    this.bindControl('speed', (value) => { this.player.speed = value; return `${value}/s`; });
  }

  /** Binds a slider or select; the handler gets the value and may return the text to show. */
  bindControl(name, handler, { live = false } = {}) {
    const input = this.figure.querySelector(`[data-control="${name}"]`);
    if (!input) return null;
    const output = input.parentElement.querySelector('output');
    const read = () => {
      if (input.type === 'checkbox') return input.checked;
      if (input.type === 'range') {
        const v = Number(input.value);
        return input.dataset.scale === 'log' ? Number((10 ** v).toPrecision(2)) : v;
      }
      return input.value;
    };
    const show = (text) => { if (output && text !== undefined) output.textContent = text; };
    input.addEventListener('input', () => {
      const v = read();
      show(input.dataset.scale === 'log' ? num(v, 3) : (typeof v === 'number' ? num(v, 3) : undefined));
      if (live) show(handler(v));
    });
    input.addEventListener('change', () => show(handler(read())));
    return input;
  }

  /** Whether a value lies within a slider's range as the server rendered it (for restoring links). */
  controlAllows(name, value) {
    const input = this.figure.querySelector(`[data-control="${name}"]`);
    if (!input || !Number.isFinite(value)) return false;
    const v = input.dataset.scale === 'log' ? Math.log10(value) : value;
    return v >= Number(input.min) && v <= Number(input.max);
  }

  /** Sets a control's value without firing its handler (used when restoring a shared link). */
  setControl(name, value) {
    const input = this.figure.querySelector(`[data-control="${name}"]`);
    if (!input) return;
    if (input.type === 'checkbox') input.checked = Boolean(value);
    else if (input.type === 'range' && input.dataset.scale === 'log') input.value = Math.log10(value);
    else input.value = value;
    const output = input.parentElement.querySelector('output');
    if (output) output.textContent = typeof value === 'number' ? num(value, 3) : value;
  }

  // ----- state in the URL hash: #w1.lr=0.1&w1.start=1,2&w1.changes=40:lr:0.01 -----
  hashParams() {
    return new URLSearchParams(window.location.hash.slice(1));
  }

  hashValue(key) {
    return this.hashParams().get(`${this.id}.${key}`);
  }

  readHash() {
    const params = this.hashParams();
    const prefix = `${this.id}.`;
    for (const [key, value] of params) {
      if (key.startsWith(prefix)) this.state[key.slice(prefix.length)] = value;
    }
    this.restoreState(this.state);
  }

  /** Applies a restored state to the controls; widgets override and call super. */
  restoreState(state) {}

  /** The widget's own state as strings; widgets override. */
  currentState() { return {}; }

  writeHash() {
    const params = this.hashParams();
    for (const key of [...params.keys()]) if (key.startsWith(`${this.id}.`)) params.delete(key);
    const state = Object.fromEntries(Object.entries(this.currentState())
      .filter(([key, value]) => this.defaults?.[key] !== value));
    if (this.changes.length) {
      state.changes = this.changes.map((c) => `${c.at}:${Object.entries(c).filter(([k]) => k !== 'at').map(([k, v]) => `${k}:${v}`).join(':')}`).join(',');
    }
    if (this.player.t > 0) state.t = String(this.player.t);
    for (const [key, value] of Object.entries(state)) params.set(`${this.id}.${key}`, value);
    const hash = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
    history.replaceState(null, '', hash ? `#${hash}` : window.location.pathname + window.location.search);
  }

  /** Changes restored from the hash, as {at, key: value} objects. */
  restoredChanges() {
    const text = this.state.changes;
    if (!text) return [];
    return text.split(',').map((part) => {
      const [at, ...pairs] = part.split(':');
      const change = { at: Number(at) };
      for (let i = 0; i + 1 < pairs.length; i += 2) change[pairs[i]] = Number(pairs[i + 1]);
      return change;
    }).filter((c) => Number.isInteger(c.at) && c.at >= 1);
  }

  // ----- downloads and the PyTorch script -----
  download(kind) {
    const runs = this.player.runs.map((run, i) => ({ label: this.runLabel(i), spec: run.spec, status: run.status, steps: run.steps }));
    shell.download(this.figure, kind, runs);
  }

  togglePyTorch() {
    this.pytorch.toggle();
  }

  refreshPyTorch() {
    return this.pytorch.refresh();
  }

  copyPyTorch() {
    return this.pytorch.copy();
  }

  runLabel(i) {
    return optimizerName(this.player.runs[i].spec.optimizer.name);
  }
}
