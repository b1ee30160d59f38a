import { markVisited, resetProgress, showProgress } from './progress.js';
import { startQuizzes } from './quiz.js';
import { startSearch } from './search.js';
import { nameMathsOnlyButtons, focusableScrollers, watchScrollers } from './a11y.js';

// Page behaviour shared by every page: theme, course drawer, maths, code, contents, dev reload.

const root = document.documentElement;
const THEME_KEY = 'downhill-theme';

function currentTheme() {
  return root.getAttribute('data-theme') === 'dark' ? 'dark' : 'light';
}

function applyTheme(theme) {
  root.setAttribute('data-theme', theme);
  const button = document.querySelector('.theme-toggle');
  if (button) {
    const other = theme === 'dark' ? 'light' : 'dark';
    button.setAttribute('aria-label', `Switch to ${other} theme`);
    button.querySelector('.theme-label').textContent = other === 'dark' ? 'Dark' : 'Light';
  }
  document.dispatchEvent(new CustomEvent('downhill:theme', { detail: { theme } }));
}

function setUpThemeToggle() {
  applyTheme(currentTheme());
  document.querySelector('.theme-toggle')?.addEventListener('click', () => {
    const next = currentTheme() === 'dark' ? 'light' : 'dark';
    try { localStorage.setItem(THEME_KEY, next); } catch (e) { /* private mode: theme lasts for this page */ }
    applyTheme(next);
  });
}

function setUpDrawer() {
  const button = document.querySelector('.menu-button');
  const sidebar = document.getElementById('sidebar');
  if (!button || !sidebar) return;
  // on a phone the drawer covers part of the page: a tap on the rest closes it
  const backdrop = document.createElement('div');
  backdrop.className = 'drawer-backdrop';
  backdrop.hidden = true;
  sidebar.after(backdrop);
  const setOpen = (open) => {
    sidebar.classList.toggle('open', open);
    backdrop.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', () => setOpen(!sidebar.classList.contains('open')));
  backdrop.addEventListener('click', () => setOpen(false));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && sidebar.classList.contains('open')) {
      setOpen(false);
      button.focus();
    }
  });
}

function whenGlobal(name, callback) {
  if (window[name]) { callback(window[name]); return; }
  window.addEventListener('load', () => { if (window[name]) callback(window[name]); });
}

function renderMaths() {
  const nodes = document.querySelectorAll('.math-inline, .math-display');
  if (nodes.length === 0) return;
  whenGlobal('katex', (katex) => {
    const render = (node) => katex.render(node.textContent, node, {
      displayMode: node.classList.contains('math-display'),
      throwOnError: false,
      // readable in both themes (KaTeX's own red is 3.1:1 on the dark background)
      errorColor: 'var(--caution)',
    });
    // a few dozen formulas at a time, in document order: a lesson's hundreds of formulas in one
    // go kept the page from answering a scroll or a click for a fifth of a second
    const queue = [...nodes];
    const renderAll = () => { while (queue.length) render(queue.shift()); };
    window.addEventListener('beforeprint', renderAll);
    const slice = () => {
      const until = performance.now() + 30;
      while (queue.length && performance.now() < until) render(queue.shift());
      if (queue.length) setTimeout(slice, 0);
      else rendered();
    };
    slice();
  });
}

/** Once every formula is drawn: names for maths-only buttons, and wide formulas made focusable. */
function rendered() {
  document.documentElement.dataset.maths = 'ready';
  nameMathsOnlyButtons();
  focusableScrollers();
  // the maths fonts may arrive later and widen an equation past its box
  document.fonts?.ready.then(() => focusableScrollers());
  document.fonts?.addEventListener('loadingdone', () => focusableScrollers());
}

function highlightCode() {
  if (!document.querySelector('pre code')) return;
  whenGlobal('hljs', (hljs) => {
    document.querySelectorAll('pre code').forEach((block) => {
      if (!/\blanguage-/.test(block.className)) block.classList.add('language-plaintext');
      hljs.highlightElement(block);
    });
  });
}

function followContents() {
  const links = [...document.querySelectorAll('.toc a[href^="#"]')];
  if (links.length === 0 || !('IntersectionObserver' in window)) return;
  const byId = new Map(links.map((a) => [decodeURIComponent(a.getAttribute('href').slice(1)), a]));
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      links.forEach((a) => a.classList.remove('active'));
      byId.get(entry.target.id)?.classList.add('active');
    }
  }, { rootMargin: '0px 0px -70% 0px' });
  byId.forEach((_, id) => { const h = document.getElementById(id); if (h) observer.observe(h); });
}

function listenForDevReload() {
  if (document.body.dataset.dev !== 'true') return;
  const source = new EventSource(`${document.body.dataset.base}/_dev/reload`);
  // marks the page as listening, so that a tool (or a test) knows a save now reloads it
  source.addEventListener('open', () => { document.body.dataset.devReload = 'listening'; });
  source.addEventListener('reload', () => window.location.reload());
}

setUpThemeToggle();
setUpDrawer();
watchScrollers();
window.addEventListener('load', () => focusableScrollers());
renderMaths();
highlightCode();
followContents();
listenForDevReload();

function trackProgress() {
  const lesson = document.querySelector('article.lesson[data-slug]');
  if (lesson) markVisited(lesson.dataset.slug);
  showProgress();
  document.querySelector('[data-progress-reset]')?.addEventListener('click', () => {
    resetProgress();
    showProgress();
  });
}

trackProgress();
startSearch();
if (document.querySelector('[data-quiz]')) startQuizzes();

if (document.querySelector('figure[data-widget]')) {
  import('./widgets/index.js').then((widgets) => widgets.startWidgets());
}
