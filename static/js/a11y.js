// Two things screen readers and keyboards need that the markup alone cannot give:
// a name for a button whose whole label is maths, and a Tab stop (with a name) for every code
// block, table or equation too wide for the screen, so it can be scrolled without a mouse.

/**
 * Buttons (quiz answers) whose only content is maths get their TeX source as hidden text, so they
 * have a name that screen readers read and that contains what is shown.
 */
export function nameMathsOnlyButtons(root = document) {
  for (const button of root.querySelectorAll('button:has(.katex)')) {
    if (button.querySelector('.maths-name')) continue;
    const clone = button.cloneNode(true);
    clone.querySelectorAll('.katex, [aria-hidden="true"]').forEach((el) => el.remove());
    if (clone.textContent.trim() !== '') continue;
    const tex = [...button.querySelectorAll('.katex annotation')].map((a) => a.textContent.trim()).join(' ');
    const name = document.createElement('span');
    name.className = 'sr-only maths-name';
    name.textContent = tex;
    button.append(name);
  }
}

const NAMES = [['pre', 'Code'], ['.prose table', 'Table'], ['.math-display', 'Equation'],
  ['.widget-board', 'Table'], ['.graph-view', 'Computation graph']];

function markScrollable(el, name) {
  const scrolls = el.scrollWidth > el.clientWidth + 1;
  if (scrolls && !el.hasAttribute('tabindex')) {
    el.setAttribute('tabindex', '0');
    el.dataset.scrollStop = 'true';
    if (!el.hasAttribute('aria-label')) {
      // a table keeps its own role (and so its rows and headers for screen readers)
      if (el.tagName !== 'TABLE') el.setAttribute('role', 'region');
      el.dataset.scrollName = 'true';
      el.setAttribute('aria-label', `${name} (scrolls sideways)`);
    }
  } else if (!scrolls && el.dataset.scrollStop === 'true') {
    el.removeAttribute('tabindex');
    delete el.dataset.scrollStop;
    if (el.dataset.scrollName === 'true') {
      if (el.getAttribute('role') === 'region') el.removeAttribute('role');
      el.removeAttribute('aria-label');
      delete el.dataset.scrollName;
    }
  }
}

/** Marks what scrolls sideways now; called again when the window's width changes. */
export function focusableScrollers() {
  for (const [selector, name] of NAMES) {
    for (const el of document.querySelectorAll(`main ${selector}, .print-course ${selector}`)) markScrollable(el, name);
  }
}

export function watchScrollers() {
  focusableScrollers();
  let timer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(timer);
    timer = setTimeout(focusableScrollers, 150);
  });
}
