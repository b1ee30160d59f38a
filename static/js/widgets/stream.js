// One run streamed from the server: steps arrive in frames over Server-Sent Events.
import { eventStream, busyText } from './net.js';

// what most widgets draw; Adam's moment terms would triple every frame
const FIELDS = 'params,loss,grad,grad_norm,lr';

export class RunStream {
  /**
   * @param {string} api     base URL of the API, e.g. "/course/api"
   * @param {object} spec    the run spec (same JSON as POST /api/runs)
   * @param {object} options { keep: steps already known (a prefix that this run shares), onData, onDone, onError,
   *                          onBusy(text): the server is busy (text) or has answered after all (null),
   *                          gate: a promise to wait for before connecting (the widget comes into view),
   *                          fields: the step fields to send, when a widget draws others than most do }
   */
  constructor(api, spec, { keep = [], gate = null, fields = FIELDS, onData = () => {}, onDone = () => {}, onError = () => {}, onBusy = () => {} } = {}) {
    this.spec = spec;
    this.steps = keep.slice();
    this.status = null;
    this.error = null;
    this.onData = onData;
    this.onDone = onDone;
    this.onError = onError;
    const from = this.steps.length - 1;
    this.url = `${api}/runs/stream?fields=${fields}&spec=${encodeURIComponent(JSON.stringify(spec))}`
      + (from >= 0 ? `&from=${from}` : '');
    this.closed = false;
    this.source = null;
    const connect = () => {
      if (this.closed) return;
      this.source = eventStream(this.url, {
        onEvent: (name, data) => this.#event(name, data),
        onBusy: (seconds) => onBusy(busyText(seconds)),
        onConnected: () => onBusy(null),
        onFailed: (message) => this.#failed(message),
      });
    };
    if (gate) gate.then(connect); else connect();
  }

  get finished() {
    return this.status !== null || this.error !== null;
  }

  /** Handles one event; true once the run is complete. */
  #event(name, data) {
    // a closed run's last chunk may still hold events: they belong to a run no one draws any more
    if (this.closed) return true;
    if (name === 'frame') {
      const { steps } = JSON.parse(data);
      for (const step of steps) {
        if (step.t === this.steps.length) this.steps.push(step);
      }
      this.onData(this);
      return false;
    }
    if (name === 'done') {
      this.status = JSON.parse(data).status;
      this.onDone(this);
      return true;
    }
    if (name === 'error') {
      this.#failed(JSON.parse(data).detail);
      return true;
    }
    return false;
  }

  #failed(message) {
    if (this.finished) return;
    this.error = message;
    this.onError(this);
  }

  close() {
    this.closed = true;
    this.source?.close();
  }
}
