// What an editor typed, kept in this browser (localStorage) until it is saved, so a dropped connection or a closed
// tab loses nothing: the editor pages offer the kept draft back. One draft per editor page (its path); the value is
// the page's own (the source editor's field values, the claim editor's draft as JSON).
(() => {
  'use strict';

  const key = () => 'kb-draft:' + location.pathname;

  window.kbDrafts = {
    keep(value) {
      try {
        localStorage.setItem(key(), JSON.stringify({ savedAt: new Date().toISOString(), value }));
      } catch {
        // A full or forbidden storage: the editor still works, only without the safety net.
      }
    },

    // { savedAt, value }, or null when nothing (readable) is kept.
    stored() {
      try {
        const draft = JSON.parse(localStorage.getItem(key()) || 'null');
        return draft && typeof draft.savedAt === 'string' && 'value' in draft ? draft : null;
      } catch {
        return null;
      }
    },

    // After a save, or when the editor discards the draft.
    forget() {
      try {
        localStorage.removeItem(key());
      } catch {
        // Nothing kept, nothing to forget.
      }
    },
  };
})();
