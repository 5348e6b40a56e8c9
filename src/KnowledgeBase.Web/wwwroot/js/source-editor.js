// The source editor's body field, for long documents (issue 16). Bound the usual Blazor way, the whole body would
// travel to the server on every keystroke (and back), in one message that the circuit's size limit refuses past a
// few pages. Instead the server is told once typing pauses and reads the text as a stream, which Blazor sends in
// chunks under that limit. What is typed is also kept in this browser (localStorage) until it is saved, so a dropped
// connection or a closed tab loses nothing: the page offers the draft back (drafts.js keeps it).
(() => {
  'use strict';

  const PAUSE = 400;
  const formOf = (field) => field.closest('form');
  // The form's own fields, by id (the body included); not checkboxes, not the upload and paste tools.
  const fieldsOf = (form) =>
    [...form.querySelectorAll('input[id], textarea[id]')].filter((f) => f.type !== 'checkbox' && f.type !== 'file');

  function keep(form) {
    const values = {};
    for (const f of fieldsOf(form)) {
      values[f.id] = f.value;
    }
    window.kbDrafts.keep(values);
  }

  function stored() {
    const draft = window.kbDrafts.stored();
    return draft && draft.value && typeof draft.value === 'object' ? { savedAt: draft.savedAt, values: draft.value } : null;
  }

  window.kbSourceEditor = {
    // Called by the page after each render that creates the body field; returns when a draft differs from the form.
    attach(field, editor) {
      if (field.kbEditor === editor) {
        return null;
      }
      field.kbEditor = editor;
      const form = formOf(field);
      let timer = 0;
      field.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(() => editor.invokeMethodAsync('BodyChanged'), PAUSE);
      });
      if (form && !form.kbKeeping) {
        form.kbKeeping = true;
        form.addEventListener('input', () => keep(form));
      }
      const draft = stored();
      const differs = draft && form && fieldsOf(form).some((f) => f.id in draft.values && draft.values[f.id] !== f.value);
      return differs ? draft.savedAt : null;
    },

    isEmpty(field) {
      return field.value.length === 0;
    },

    // The field's text as bytes: .NET reads it as a stream (IJSStreamReference), which cannot be empty.
    text(field) {
      return new TextEncoder().encode(field.value);
    },

    // Puts the kept draft back into the form; Blazor hears each field's change as if typed.
    restore(field) {
      const draft = stored();
      const form = formOf(field);
      if (!draft || !form) {
        return;
      }
      for (const f of fieldsOf(form)) {
        if (f.id in draft.values && f.value !== draft.values[f.id]) {
          f.value = draft.values[f.id];
          if (f !== field) {
            f.dispatchEvent(new Event('change', { bubbles: true }));
          }
        }
      }
    },

    // After a save, or when the editor discards the draft.
    forget() {
      window.kbDrafts.forget();
    },
  };
})();
