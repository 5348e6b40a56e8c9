// Citing by selecting, on a source page, for editors (issue 16). The page's text carries, on each of its pieces, where
// that piece starts in the document's one canonical text (span[data-at], written by the server, Core's
// CanonicalLayout.MarkOffsets); what lies outside those spans (footnote markers, passage numbers, previews) is not
// text. A selection becomes two canonical offsets, and the buttons the server rendered for editors (#cite-selection)
// are moved after the selection's paragraph with links that carry them: the server builds the quote, its context
// and its footnote from the offsets and checks that they anchor. Progressive enhancement only: without this script
// the page reads as before, and its "Left to cite" list links to the claim editor all the same.
(() => {
  'use strict';

  const NOT_TEXT = '.passage-anchor, .source-preview, .cite-selection';
  const BLOCKS = 'p, li, blockquote, h1, h2, h3, h4, h5, h6, td, th, dd, dt, figcaption, pre';
  const INSIDE = new Set(['LI', 'TD', 'TH', 'DD', 'DT']);
  const PAUSE = 150;

  const tools = () => document.getElementById('cite-selection');

  function textNodes(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement && n.parentElement.closest(NOT_TEXT) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const nodes = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n);
    }
    return nodes;
  }

  const lengthOf = (span) => textNodes(span).reduce((sum, n) => sum + n.data.length, 0);

  // Where a boundary point falls in the canonical text. Inside a piece: counted within it. Elsewhere (on a footnote
  // marker, between blocks): a start moves on to the next piece, an end back to the end of the previous one.
  function offsetOf(node, offset, isStart, pieces) {
    const point = document.createRange();
    point.setStart(node, offset);
    const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    const piece = element && !element.closest(NOT_TEXT) ? element.closest('[data-at]') : null;
    if (piece) {
      let count = 0;
      for (const t of textNodes(piece)) {
        if (t === node) {
          return Number(piece.dataset.at) + count + offset;
        }
        if (point.comparePoint(t, 0) >= 0) {
          return Number(piece.dataset.at) + count;
        }
        count += t.data.length;
      }
      return Number(piece.dataset.at) + count;
    }
    if (isStart) {
      const next = pieces.find((p) => point.comparePoint(p, 0) >= 0);
      return next ? Number(next.dataset.at) : null;
    }
    const previous = pieces.filter((p) => point.comparePoint(p, p.childNodes.length) <= 0).pop();
    return previous ? Number(previous.dataset.at) + lengthOf(previous) : null;
  }

  // A click elsewhere or Escape puts the buttons away; a selection lost to Tab (focus moving on) keeps them, so the
  // keyboard reaches them.
  let pointed = 0;
  document.addEventListener('pointerdown', (e) => {
    pointed = tools() && tools().contains(e.target) ? 0 : Date.now();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && tools() && !tools().hidden) {
      tools().hidden = true;
    }
  });

  function hide() {
    const bar = tools();
    if (bar && !bar.contains(document.activeElement) && Date.now() - pointed < 1000) {
      bar.hidden = true;
    }
  }

  function link(base, source, start, end) {
    const query = new URLSearchParams({ source, start: String(start), end: String(end) });
    return base + '?' + query.toString();
  }

  function update() {
    const bar = tools();
    const selection = document.getSelection();
    if (!bar || !selection || selection.rangeCount === 0 || selection.isCollapsed) {
      hide();
      return;
    }
    const range = selection.getRangeAt(0);
    const container = range.commonAncestorContainer;
    const body = (container.nodeType === Node.TEXT_NODE ? container.parentElement : container).closest('.source-body');
    if (!body || bar.contains(container)) {
      hide();
      return;
    }
    const pieces = [...body.querySelectorAll('[data-at]')];
    const start = offsetOf(range.startContainer, range.startOffset, true, pieces);
    const end = offsetOf(range.endContainer, range.endOffset, false, pieces);
    if (start === null || end === null || end <= start) {
      hide();
      return;
    }
    const source = bar.dataset.source;
    bar.querySelector('[data-cite="new"]').href = link(bar.dataset.newClaim, source, start, end);
    bar.querySelector('[data-cite="add"]').href = link(bar.dataset.add, source, start, end);
    bar.dataset.start = String(start);
    bar.dataset.end = String(end);
    // After the selection's paragraph, so Tab from the selection reaches the buttons next.
    const endElement = range.endContainer.nodeType === Node.TEXT_NODE ? range.endContainer.parentElement : range.endContainer;
    const block = (endElement.closest(BLOCKS) && body.contains(endElement.closest(BLOCKS))) ? endElement.closest(BLOCKS) : null;
    if (block && INSIDE.has(block.tagName)) {
      if (bar.parentElement !== block) {
        block.append(bar);
      }
    } else if (block) {
      if (block.nextElementSibling !== bar) {
        block.after(bar);
      }
    } else if (bar.parentElement !== body) {
      body.append(bar);
    }
    bar.hidden = false;
  }

  let timer = 0;
  document.addEventListener('selectionchange', () => {
    clearTimeout(timer);
    timer = setTimeout(update, PAUSE);
  });
})();
