// A widget's state in the page address, so a link reproduces it:
//   #w1.lr=0.1&w1.start=1,2&w1.changes=40:lr:0.01&w1.t=25
// Each control has its own key (chosen on the server, kept short and stable); a restored value
// is kept only within that control's bounds, as the server rendered them.

function parse(c, raw) {
  const within = (v, lo, hi) => Number.isFinite(v) && v >= lo && v <= hi;
  if (c.kind === 'slider') return within(Number(raw), c.min, c.max) ? Number(raw) : undefined;
  if (c.kind === 'toggle' || c.kind === 'press') return raw === '1' ? true : raw === '0' ? false : undefined;
  if (c.kind === 'select') return c.options.some((o) => o.value === raw) ? raw : undefined;
  if (c.kind === 'text') return raw.trim().length > 0 && raw.length <= c.max ? raw.trim() : undefined;
  const point = raw.split(',').map(Number);
  return point.length === c.axes.length && point.every((v, i) => within(v, c.axes[i][0], c.axes[i][1])) ? point : undefined;
}

function format(c, v) {
  if (c.kind === 'toggle' || c.kind === 'press') return v ? '1' : '0';
  if (c.kind === 'point') return v.map((x) => Number(x.toPrecision(4))).join(',');
  return String(v);
}

/** The values, forks ([{at, path: value}]) and step a link carries for widget `id`. */
export function readAddress(id, controls) {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const get = (key) => params.get(`${id}.${key}`);
  const values = {};
  for (const c of controls) {
    const raw = get(c.hash);
    const v = raw === null ? undefined : parse(c, raw);
    if (v !== undefined) values[c.name] = v;
  }
  const forks = [];
  for (const part of (get('changes') ?? '').split(',').filter(Boolean)) {
    const [at, ...pairs] = part.split(':');
    const fork = { at: Number(at) };
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const c = controls.find((x) => x.live && x.path.split('.').pop() === pairs[i]);
      const v = c && parse(c, pairs[i + 1]);
      if (v !== undefined) fork[c.path] = v;
    }
    if (Number.isInteger(fork.at) && fork.at >= 1 && Object.keys(fork).length > 1) forks.push(fork);
  }
  const t = Number(get('t'));
  return { values, forks, t: Number.isInteger(t) && t > 0 ? t : 0 };
}

/** Writes widget `id`'s values that differ from the block's, its forks and its step. */
export function writeAddress(id, controls, values, forks, t) {
  const params = new URLSearchParams(window.location.hash.slice(1));
  for (const key of [...params.keys()]) if (key.startsWith(`${id}.`)) params.delete(key);
  for (const c of controls) {
    if (!(c.name in values)) continue;
    const text = format(c, values[c.name]);
    if (text !== format(c, c.value)) params.set(`${id}.${c.hash}`, text);
  }
  if (forks.length) {
    params.set(`${id}.changes`, forks.map((f) => [f.at, ...Object.entries(f).filter(([k]) => k !== 'at')
      .flatMap(([path, v]) => [path.split('.').pop(), v])].join(':')).join(','));
  }
  if (t > 0) params.set(`${id}.t`, String(t));
  const hash = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  history.replaceState(null, '', hash ? `#${hash}` : window.location.pathname + window.location.search);
}
