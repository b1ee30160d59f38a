// The shared step clock of a widget: one or more runs stream in, the clock shows step t of each.

import { RunStream } from './stream.js';

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

export class Player {
  /**
   * @param {string} api base URL of the API
   * @param {object} hooks { draw(t), ended(), changed(), failed(stream) }
   */
  constructor(api, hooks) {
    this.api = api;
    this.hooks = hooks;
    this.runs = [];
    this.t = 0;
    this.playing = false;
    this.speed = 30;
    this.target = null;
    this.clock = 0;
    this.frame = null;
    this.lastTick = 0;
  }

  /** Starts fresh runs (cancelling any old ones) and returns to step 0. */
  setRuns(specs) {
    this.runs.forEach((run) => run.close());
    this.runs = specs.map((spec) => this.#open(spec, []));
    this.t = 0;
    this.clock = 0;
    this.hooks.draw(0, true);
  }

  /**
   * Stops the current runs where they are while the next ones are fetched: none of their steps
   * plays or draws any more, so nothing of the old runs lands on charts drawn for the new ones.
   */
  hold() {
    this.pause();
    this.runs.forEach((run) => run.close());
  }

  /**
   * Replaces run i by a run that shares its first `at` steps (a mid-run change, by default at the
   * clock's step): the steps before it are kept, the server replays the rest, and the clock stays.
   */
  fork(i, spec, at = this.t) {
    const old = this.runs[i];
    const keep = old.steps.slice(0, Math.max(0, Math.min(at, old.steps.length)));
    old.close();
    this.runs[i] = this.#open(spec, keep);
  }

  #open(spec, keep) {
    this.shownAtRest = null;
    return new RunStream(this.api, spec, {
      keep,
      gate: this.gate,
      fields: this.fields,
      onData: () => this.#dataArrived(),
      onDone: () => this.#dataArrived(),
      onError: (stream) => { this.pause(); this.hooks.failed(stream); },
      onBusy: (text) => this.hooks.busy?.(text),
    });
  }

  /** The last step the clock can show: unfinished runs hold it back until their steps arrive. */
  get available() {
    let limit = this.lastStep;
    for (const run of this.runs) {
      if (!run.finished) limit = Math.min(limit, run.steps.length - 1);
    }
    return Math.max(0, limit);
  }

  get finished() {
    return this.runs.every((run) => run.finished);
  }

  get lastStep() {
    return Math.max(0, ...this.runs.map((run) => run.steps.length - 1));
  }

  get atEnd() {
    return this.finished && this.t >= this.lastStep;
  }

  #dataArrived() {
    if (this.target !== null) this.#seek();
    // before Play only a run's first step changes the picture (its start), and its end (the
    // scrubber's length, the statuses): seven streams of thousands of steps redrew the charts on
    // each of their frames while the page opened
    const shown = `${this.runs.filter((run) => run.steps.length > 0).length} ${this.finished}`;
    if (this.t === 0 && !this.playing && shown !== this.shownAtRest) {
      this.shownAtRest = shown;
      this.hooks.draw(0, false);
    }
    if (this.atEnd && this.playing) this.#end();
    if (this.finished) this.hooks.changed();
  }

  play() {
    if (this.atEnd) this.goTo(0);
    if (this.playing) return;
    this.playing = true;
    this.lastTick = performance.now();
    // the next step shows on the very next frame, so pressing Play answers at once
    this.clock = this.t + 0.999;
    this.hooks.changed();
    this.frame = requestAnimationFrame((now) => this.#tick(now));
  }

  pause() {
    if (!this.playing) return;
    this.playing = false;
    cancelAnimationFrame(this.frame);
    this.hooks.changed();
  }

  toggle() {
    if (this.playing) this.pause(); else this.play();
  }

  /** One step forward; if that step has not arrived yet, it shows as soon as it does. */
  stepOnce() {
    this.pause();
    const base = this.target ?? this.t;
    if (this.finished && base >= this.lastStep) return;
    this.goTo(base + 1);
  }

  /** Moves the clock to step t, waiting for the data if it has not arrived yet. */
  goTo(t) {
    this.target = t;
    this.#seek();
  }

  #seek() {
    const reachable = Math.min(this.target, this.lastStep);
    if (reachable >= this.target || this.finished) {
      this.target = null;
      this.#show(reachable, reachable < this.t);
    }
  }

  #tick(now) {
    if (!this.playing) return;
    const elapsed = Math.min(0.25, (now - this.lastTick) / 1000);
    this.lastTick = now;
    const limit = this.available;
    const rate = reducedMotion.matches ? Math.min(this.speed, 10) : this.speed;
    this.clock = Math.min(limit, this.clock + rate * elapsed);
    const next = Math.floor(this.clock);
    if (next > this.t) this.#show(next);
    if (this.atEnd) {
      this.#end();
      return;
    }
    this.frame = requestAnimationFrame((later) => this.#tick(later));
  }

  #show(t, rewind = false) {
    this.t = t;
    this.clock = Math.max(this.clock, t);
    if (rewind) this.clock = t;
    this.hooks.draw(t, rewind);
    if (this.atEnd && !this.playing) this.hooks.ended();
  }

  #end() {
    this.playing = false;
    cancelAnimationFrame(this.frame);
    this.hooks.changed();
    this.hooks.ended();
  }

  /** Step t of run i, or that run's last step if it ended earlier. */
  stepOf(i, t = this.t) {
    const steps = this.runs[i].steps;
    return steps[Math.min(t, steps.length - 1)];
  }

  dispose() {
    this.pause();
    this.runs.forEach((run) => run.close());
  }
}
