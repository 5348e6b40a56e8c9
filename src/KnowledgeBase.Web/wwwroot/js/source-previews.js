// Previews on a source page, as Wikipedia's reference previews: pointing at or tabbing to a footnote marker shows
// the footnote; pointing at a highlighted passage, or tabbing to its number (¶), shows the claims it backs.
// Progressive enhancement only. Without this script every marker is a plain link to its footnote, every passage
// number a link to the list of cited passages, and every highlighted passage has a title.
//
// The preview is inserted right after its trigger, so Tab moves from the trigger into the preview's links and on
// into the text; the trigger is described by it (aria-describedby). Escape closes it; so do moving the pointer or
// the focus away, and following the link. Events are delegated from the document, so the script keeps working
// when Blazor's enhanced navigation swaps the page in place.
(() => {
  'use strict';

  const TRIGGERS = '.source-body a.footnote-ref, .source-body a.passage-anchor, .source-body mark.passage';
  const SHOW_DELAY = 200;
  const HIDE_DELAY = 300;
  const PREVIEW_ID = 'source-preview';

  let current = null; // { trigger, preview }
  let showTimer = 0;
  let hideTimer = 0;

  let reopenSuppressed = null; // the trigger focus is being returned to after Escape

  const triggerOf = (node) =>
    (node instanceof Element && !node.closest('.source-preview') ? node.closest(TRIGGERS) : null);
  const insidePreview = (node) => !!(current && node instanceof Node && current.preview.contains(node));

  // A copy without ids (they would clash with the originals) and without the page's own navigation aids.
  function cleanCopy(element) {
    const copy = element.cloneNode(true);
    copy.querySelectorAll('[id]').forEach((e) => e.removeAttribute('id'));
    copy.querySelectorAll('a.footnote-back-ref, a.passage-anchor').forEach((e) => e.remove());
    copy.querySelectorAll('mark[data-passages]').forEach((m) => {
      m.removeAttribute('data-passages');
      m.removeAttribute('title');
    });
    copy.removeAttribute('id');
    return copy;
  }

  function heading(text) {
    const p = document.createElement('p');
    p.className = 'source-preview-title';
    p.textContent = text;
    return p;
  }

  // A fragment that is not valid percent-encoding (#%E0%A4%A) names no element; decoding it must not throw.
  function decodeFragment(fragment) {
    try {
      return decodeURIComponent(fragment);
    } catch {
      return '';
    }
  }

  function footnoteContent(trigger) {
    const id = decodeFragment((trigger.getAttribute('href') || '').replace(/^[^#]*#/, ''));
    const note = id ? document.getElementById(id) : null;
    if (!note) {
      return null;
    }
    const number = trigger.textContent.trim();
    const body = document.createElement('div');
    body.append(heading(`Footnote ${number}`));
    // The note's "Cite:" download links belong to the page, not to the preview.
    for (const child of Array.from(note.children).filter((c) => !c.matches('.footnote-cite'))) {
      body.append(cleanCopy(child));
    }
    return { label: `Footnote ${number}`, body, beside: false };
  }

  function passageContent(ids) {
    const body = document.createElement('div');
    let found = 0;
    for (const id of ids) {
      const entry = document.getElementById(`passage-${id}-claims`);
      const anchor = document.getElementById(`passage-${id}`);
      const claims = entry && entry.querySelector('.cited-passage-claims');
      if (!claims) {
        continue;
      }
      const number = anchor ? anchor.getAttribute('data-passage-number') : '';
      const count = claims.children.length;
      body.append(heading(`Passage ${number} backs ${count === 1 ? '1 claim' : `${count} claims`}`));
      body.append(cleanCopy(claims));
      found++;
    }
    return found === 0 ? null : { label: 'Claims this passage backs', body, beside: true };
  }

  function contentFor(trigger) {
    if (trigger.matches('a.footnote-ref')) {
      return footnoteContent(trigger);
    }
    if (trigger.matches('a.passage-anchor')) {
      return passageContent([trigger.getAttribute('data-passage')]);
    }
    const ids = (trigger.getAttribute('data-passages') || '').split(/\s+/).filter(Boolean);
    return passageContent(ids);
  }

  // A footnote preview opens under its marker, as Wikipedia's do. A passage's preview opens in the margin beside
  // the text when there is room, so it never covers the words (or the marker) the reader is heading for; on a
  // narrow screen it opens under the passage.
  function place(trigger, preview, beside) {
    const margin = 8;
    const gap = 16;
    const rect = trigger.getBoundingClientRect();
    const parent = preview.offsetParent || document.body;
    const origin = parent.getBoundingClientRect();
    const viewport = document.documentElement.clientWidth;
    const column = (trigger.closest('.source-body') || trigger).getBoundingClientRect();
    const room = viewport - column.right - gap - margin;
    let left;
    let top;
    if (beside && room >= 240) {
      preview.style.width = `${Math.min(room, 416)}px`;
      left = column.right + gap;
      top = Math.max(margin, Math.min(rect.top, window.innerHeight - preview.offsetHeight - margin));
    } else {
      const width = preview.offsetWidth;
      const height = preview.offsetHeight;
      left = Math.max(margin, Math.min(rect.left, viewport - width - margin));
      top = rect.bottom + 6;
      if (top + height > window.innerHeight - margin && rect.top - height - 6 > margin) {
        top = rect.top - height - 6;
      }
    }
    preview.style.left = `${left - origin.left}px`;
    preview.style.top = `${top - origin.top}px`;
  }

  function open(trigger) {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (current && current.trigger === trigger) {
      return;
    }
    close(false);
    const content = contentFor(trigger);
    if (!content) {
      return;
    }
    // The native tooltip would repeat what the preview shows.
    if (trigger.hasAttribute('title')) {
      trigger.setAttribute('data-title', trigger.getAttribute('title'));
      trigger.removeAttribute('title');
    }
    const preview = document.createElement('div');
    preview.id = PREVIEW_ID;
    preview.className = 'source-preview';
    preview.setAttribute('role', 'group');
    preview.setAttribute('aria-label', content.label);
    preview.classList.add(content.beside ? 'source-preview-beside' : 'source-preview-under');
    preview.append(content.body);
    trigger.after(preview);
    trigger.setAttribute('aria-describedby', PREVIEW_ID);
    trigger.classList.add('has-preview');
    current = { trigger, preview };
    place(trigger, preview, content.beside);
  }

  function close(returnFocus) {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (!current) {
      return;
    }
    const { trigger, preview } = current;
    current = null;
    preview.remove();
    trigger.removeAttribute('aria-describedby');
    trigger.classList.remove('has-preview');
    if (trigger.hasAttribute('data-title')) {
      trigger.setAttribute('title', trigger.getAttribute('data-title'));
      trigger.removeAttribute('data-title');
    }
    if (returnFocus) {
      // A mark is not focusable: focus goes to its passage's number, the link that stands for it.
      const focusable = trigger.matches('mark')
        ? document.getElementById(`passage-${(trigger.getAttribute('data-passages') || '').split(/\s+/)[0]}`)
        : trigger;
      if (focusable) {
        reopenSuppressed = focusable;
        focusable.focus();
        reopenSuppressed = null;
      }
    }
  }

  function closeSoon() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => close(false), HIDE_DELAY);
  }

  document.addEventListener('mouseover', (event) => {
    const trigger = triggerOf(event.target);
    if (trigger) {
      clearTimeout(hideTimer);
      if (!current || current.trigger !== trigger) {
        clearTimeout(showTimer);
        showTimer = setTimeout(() => open(trigger), SHOW_DELAY);
      }
    } else if (insidePreview(event.target)) {
      clearTimeout(hideTimer);
    }
  });

  document.addEventListener('mouseout', (event) => {
    const from = triggerOf(event.target) || (insidePreview(event.target) ? current.preview : null);
    if (!from) {
      return;
    }
    const to = event.relatedTarget;
    if (to instanceof Node && (from.contains(to) || insidePreview(to) || (current && current.trigger.contains(to)))) {
      return;
    }
    closeSoon();
  });

  document.addEventListener('focusin', (event) => {
    const trigger = triggerOf(event.target);
    if (trigger && trigger.matches('a')) {
      if (trigger !== reopenSuppressed) {
        open(trigger);
      }
    } else if (current && !insidePreview(event.target)) {
      close(false);
    }
  });

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && current) {
      const returnFocus = insidePreview(document.activeElement) || current.trigger === document.activeElement;
      close(returnFocus);
      event.stopPropagation();
    }
  });

  // Following the link (or pressing elsewhere) ends the preview.
  document.addEventListener('pointerdown', (event) => {
    if (current && !insidePreview(event.target) && !current.trigger.contains(event.target)) {
      close(false);
    }
  });
  document.addEventListener('click', (event) => {
    if (current && triggerOf(event.target) === current.trigger) {
      close(false);
    }
    // Blazor's enhanced navigation moves to a fragment with pushState, which :target does not see.
    setTimeout(markTarget, 0);
  });

  // The passage or footnote the address points at, marked with a class as well as :target, because an address
  // changed by history.pushState (Blazor's enhanced navigation) does not update :target.
  function markTarget() {
    document.querySelectorAll('.source-body .passage-current, .source-body .is-target')
      .forEach((e) => e.classList.remove('passage-current', 'is-target'));
    const id = decodeFragment(location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (!target || !target.closest('.source-body')) {
      return;
    }
    target.classList.add('is-target');
    const passage = target.getAttribute('data-passage');
    if (passage) {
      document.querySelectorAll(`.source-body mark.passage[data-passages~="${CSS.escape(passage)}"]`)
        .forEach((m) => m.classList.add('passage-current'));
    }
  }

  window.addEventListener('hashchange', markTarget);
  window.addEventListener('popstate', () => setTimeout(markTarget, 0));
  if (window.Blazor && typeof window.Blazor.addEventListener === 'function') {
    window.Blazor.addEventListener('enhancedload', () => {
      current = null;
      markTarget();
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', markTarget);
  } else {
    markTarget();
  }
})();
