// One run streamed from the server: steps arrive in frames over Server-Sent Events.

export class RunStream {
  /**
   * @param {string} api     base URL of the API, e.g. "/course/api"
   * @param {object} spec    the run spec (same JSON as POST /api/runs)
   * @param {object} options { keep: steps already known (a prefix that this run shares), onData, onDone, onError }
   */
  constructor(api, spec, { keep = [], onData = () => {}, onDone = () => {}, onError = () => {} } = {}) {
    this.spec = spec;
    this.steps = keep.slice();
    this.status = null;
    this.error = null;
    this.onData = onData;
    this.onDone = onDone;
    this.onError = onError;
    const from = this.steps.length - 1;
    // the widgets draw these; Adam's moment terms would triple every frame
    this.url = `${api}/runs/stream?fields=params,loss,grad,grad_norm,lr&spec=${encodeURIComponent(JSON.stringify(spec))}`
      + (from >= 0 ? `&from=${from}` : '');
    this.source = new EventSource(this.url);
    this.source.addEventListener('frame', (e) => this.#frame(e));
    this.source.addEventListener('done', (e) => this.#done(e));
    this.source.addEventListener('error', () => this.#failed());
  }

  get finished() {
    return this.status !== null || this.error !== null;
  }

  #frame(event) {
    const { steps } = JSON.parse(event.data);
    for (const step of steps) {
      if (step.t === this.steps.length) this.steps.push(step);
    }
    this.onData(this);
  }

  #done(event) {
    this.status = JSON.parse(event.data).status;
    this.close();
    this.onDone(this);
  }

  async #failed() {
    if (this.finished) return;
    // EventSource retries by itself (resuming with Last-Event-ID) unless the server refused outright.
    if (this.source.readyState !== EventSource.CLOSED) return;
    try {
      const response = await fetch(this.url, { headers: { Accept: 'text/event-stream' } });
      const body = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
      this.error = body?.detail ? `${body.field ? body.field + ': ' : ''}${body.detail}` : `the server answered ${response.status}`;
    } catch (e) {
      this.error = 'the connection to the server was lost';
    }
    this.onError(this);
  }

  close() {
    this.source.close();
  }
}
