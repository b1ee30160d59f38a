// The header search box: results as you type, from the server's index of the course.

function debounce(fn, ms) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

export function startSearch() {
  const form = document.querySelector('.site-search');
  if (!form) return;
  const input = form.querySelector('input');
  const list = form.querySelector('.search-popup');
  const base = document.body.dataset.base;
  let controller = null;

  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); };
  const links = () => [...list.querySelectorAll('a')];

  const showMessage = (text) => {
    const item = document.createElement('li');
    item.className = 'search-empty';
    item.textContent = text;
    list.replaceChildren(item);
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  const show = (query, results) => {
    list.replaceChildren();
    if (results.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'search-empty';
      empty.textContent = `No lesson mentions “${query}”.`;
      list.append(empty);
    }
    for (const r of results) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = r.url;
      const title = document.createElement('span');
      title.className = 'search-lesson';
      title.textContent = r.lesson + (r.heading ? ` › ${r.heading}` : '');
      const snippet = document.createElement('span');
      snippet.className = 'search-snippet';
      snippet.innerHTML = r.snippet; // escaped by the server, with <mark> around matches
      a.append(title, snippet);
      li.append(a);
      list.append(li);
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  const run = debounce(async () => {
    const query = input.value.trim();
    if (query.length < 2) { close(); return; }
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`${base}/api/search?q=${encodeURIComponent(query)}`, { signal: controller.signal });
      const body = await response.json().catch(() => ({}));
      if (input.value.trim() !== query) return;
      if (response.ok) show(query, body.results);
      else if (response.status === 400) showMessage(`The search ${body.detail ?? 'is not valid'}.`);
      else close();
    } catch (e) {
      if (e.name !== 'AbortError') close();
    }
  }, 120);

  input.addEventListener('input', run);
  input.addEventListener('focus', () => { if (list.children.length && input.value.trim().length >= 2) list.hidden = false; });
  form.addEventListener('keydown', (e) => {
    const items = links();
    const i = items.indexOf(document.activeElement);
    if (e.key === 'ArrowDown' && items.length) { e.preventDefault(); items[Math.min(items.length - 1, i + 1)].focus(); }
    if (e.key === 'ArrowUp' && items.length) { e.preventDefault(); if (i <= 0) input.focus(); else items[i - 1].focus(); }
    if (e.key === 'Escape') { close(); input.focus(); }
  });
  document.addEventListener('click', (e) => { if (!form.contains(e.target)) close(); });
  document.addEventListener('keydown', (e) => {
    if (e.key === '/' && !/input|textarea|select/i.test(document.activeElement?.tagName ?? '')) {
      e.preventDefault();
      input.focus();
    }
  });
}
