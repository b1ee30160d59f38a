// Talking to the server: every request that computes may be told "busy" (429 or 503 with
// Retry-After) when a whole class presses Play at once. These helpers wait and try again by
// themselves, and say so in plain words through onBusy, instead of failing.

const MAX_TRIES = 20;

/** Seconds to wait before trying again: the server's Retry-After, growing a little with each try. */
function retryDelay(response, attempt) {
  const said = Number(response.headers.get('Retry-After'));
  const base = Number.isFinite(said) && said > 0 ? said : 1;
  return Math.min(30, base * (1 + attempt * 0.5)) * (0.8 + Math.random() * 0.4);
}

function sleep(seconds, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, seconds * 1000);
    signal?.addEventListener('abort', () => { clearTimeout(timer); reject(new DOMException('aborted', 'AbortError')); }, { once: true });
  });
}

/** A refused request as an Error: its message in plain words, and the problem's field and detail. */
export async function problemOf(response) {
  let body = null;
  try {
    body = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  } catch (e) { /* not JSON after all */ }
  const error = new Error(body?.detail ? `${body.field ? body.field + ': ' : ''}${body.detail}`
    : `the server could not answer (HTTP ${response.status})`);
  error.field = body?.field;
  error.detail = body?.detail;
  return error;
}

/** The plain-words reason of a refused request: the problem's field and detail, or the status. */
export async function problemText(response) {
  return (await problemOf(response)).message;
}

export function busyText(seconds) {
  return `The server is busy with other learners' runs; trying again in ${Math.max(1, Math.round(seconds))} s…`;
}

let notice = null;
let noticeTimer = null;

/** One polite notice for the whole page while any request waits for a busy server. */
function announceBusy(seconds) {
  if (!notice) {
    notice = document.createElement('p');
    notice.className = 'busy-notice';
    notice.setAttribute('role', 'status');
    document.body.append(notice);
  }
  notice.textContent = busyText(seconds);
  notice.hidden = false;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => { notice.hidden = true; }, (seconds + 2) * 1000);
}

/**
 * fetch() that waits and retries while the server is busy (429, 503).
 * @param {object} options fetch options plus onBusy(seconds) and signal
 */
export async function fetchApi(url, options = {}) {
  const { onBusy = () => {}, ...init } = options;
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url, init);
    if ((response.status !== 429 && response.status !== 503) || attempt + 1 >= MAX_TRIES) return response;
    const wait = retryDelay(response, attempt);
    announceBusy(wait);
    onBusy(wait);
    await sleep(wait, init.signal);
  }
}

/** The steps of the run `spec` with the step fields `fields`, asked for whole (GET /runs). */
export async function fetchRunSteps(api, spec, fields) {
  const response = await fetchApi(`${api}/runs?fields=${fields}&spec=${encodeURIComponent(JSON.stringify(spec))}`);
  if (!response.ok) throw await problemOf(response);
  return (await response.json()).steps;
}

/** fetchApi, then the JSON body; a refusal becomes an Error whose message says why. */
export async function fetchJson(url, options = {}) {
  const response = await fetchApi(url, options);
  if (!response.ok) throw new Error(await problemText(response));
  return response.json();
}

/**
 * Server-Sent Events over fetch, so that a refusal is seen (EventSource hides the status), a busy
 * server is retried, and a dropped connection resumes after the last event id it received.
 *
 * @param {string} url
 * @param {object} handlers { onEvent(name, data, id), onBusy(seconds), onConnected(), onFailed(message) }
 * @returns {{ close(): void }}
 */
export function eventStream(url, { onEvent, onBusy = () => {}, onConnected = () => {}, onFailed = () => {} }) {
  const controller = new AbortController();
  let lastId = null;
  let closed = false;
  let drops = 0;

  async function connect() {
    const headers = { Accept: 'text/event-stream' };
    if (lastId !== null) headers['Last-Event-ID'] = lastId;
    const response = await fetchApi(url, { headers, signal: controller.signal, onBusy });
    if (!response.ok) {
      onFailed(await problemText(response));
      return true;
    }
    onConnected();
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let event = { name: 'message', data: [], id: null };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return false;
      buffer += decoder.decode(value, { stream: true });
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (line === '') {
          if (event.id !== null) lastId = event.id;
          if (event.data.length) {
            const finished = onEvent(event.name, event.data.join('\n'), event.id);
            if (finished) return true;
          }
          event = { name: 'message', data: [], id: null };
        } else if (line.startsWith('event:')) event.name = line.slice(6).trim();
        else if (line.startsWith('data:')) event.data.push(line.slice(5).replace(/^ /, ''));
        else if (line.startsWith('id:')) event.id = line.slice(3).trim();
      }
    }
  }

  (async () => {
    while (!closed) {
      try {
        if (await connect()) return;
        // the connection ended before the last event: resume after the last one received
      } catch (e) {
        if (closed || e.name === 'AbortError') return;
      }
      if (++drops > MAX_TRIES) {
        onFailed('the connection to the server was lost');
        return;
      }
      await sleep(Math.min(10, drops), controller.signal).catch(() => {});
    }
  })();

  return {
    close() {
      closed = true;
      controller.abort();
    },
  };
}
