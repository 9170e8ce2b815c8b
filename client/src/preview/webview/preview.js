// The bilingual preview's page script. It only moves rows into view, reports
// scrolling and clicks back to the extension, and swaps in new HTML the
// extension rendered and sanitized; it never evaluates anything from the post.
/* global acquireVsCodeApi, window, document */
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const content = document.getElementById('content');
  // Scrolls we cause ourselves are not reported back (no ping-pong with the editor).
  let ignoreScrollUntil = 0;

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-line][data-end]'));
  }

  /** The row that holds `line`, and how far into it (0..1) the line is. */
  function rowAt(line) {
    const all = rows();
    let found = null;
    for (const r of all) {
      if (Number(r.dataset.line) <= line) found = r;
      else break;
    }
    if (!found) return { row: all[0], fraction: 0 };
    const start = Number(found.dataset.line);
    const end = Number(found.dataset.end);
    return { row: found, fraction: end > start ? Math.min(1, (line - start) / (end - start + 1)) : 0 };
  }

  function scrollToLine(line) {
    const { row, fraction } = rowAt(line);
    if (!row) return;
    const rect = row.getBoundingClientRect();
    ignoreScrollUntil = Date.now() + 150;
    window.scrollTo(0, Math.max(0, window.scrollY + rect.top + rect.height * fraction - 4));
  }

  /** The source line at the top of the view. */
  function topLine() {
    for (const r of rows()) {
      const rect = r.getBoundingClientRect();
      if (rect.bottom > 1) {
        const start = Number(r.dataset.line);
        const end = Number(r.dataset.end);
        const into = rect.top < 0 && rect.height > 0 ? -rect.top / rect.height : 0;
        return Math.round(start + (end - start) * into);
      }
    }
    return 0;
  }

  function report() {
    vscode.postMessage({
      type: 'rendered',
      rows: document.querySelectorAll('tr.row').length,
      pairs: document.querySelectorAll('tr.pair:not(.unpaired):not(.orphan)').length,
      unpaired: document.querySelectorAll('tr.unpaired').length,
      glosses: document.querySelectorAll('strong.gloss-term[title]').length,
    });
  }

  let scrollTimer = 0;
  window.addEventListener('scroll', () => {
    if (Date.now() < ignoreScrollUntil) return;
    window.clearTimeout(scrollTimer);
    scrollTimer = window.setTimeout(() => vscode.postMessage({ type: 'scrolled', line: topLine() }), 50);
  });

  document.addEventListener('click', (e) => {
    const cell = e.target instanceof window.Element ? e.target.closest('[data-line]') : null;
    if (!cell || (e.target.closest && e.target.closest('a'))) return;
    vscode.postMessage({ type: 'reveal', line: Number(cell.dataset.line) });
  });

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'update' && typeof msg.html === 'string') {
      const keep = window.scrollY;
      content.innerHTML = msg.html; // rendered by the extension through rehype-sanitize
      ignoreScrollUntil = Date.now() + 150;
      window.scrollTo(0, keep);
      report();
    } else if (msg.type === 'scrollTo' && typeof msg.line === 'number') {
      scrollToLine(msg.line);
      vscode.postMessage({ type: 'synced', line: topLine() });
    }
  });

  const initial = Number(document.body.dataset.line || 0);
  if (initial > 0) scrollToLine(initial);
  report();
})();
