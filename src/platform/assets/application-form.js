// Progressive enhancement for the application form: autosave while typing, upload progress, and
// a question shown only when the answer before it asks for it.
// Without this file the same forms save and upload through their buttons.

const AUTOSAVE_DELAY_MS = 2000;

function setStatus(element, text) {
  element.hidden = false;
  element.textContent = text;
}

/** Saves the step's answers in the background, two seconds after the last change. */
function enableAutosave(form) {
  const url = form.dataset.autosave;
  const status = form.querySelector('[data-autosave-status]');
  const version = form.querySelector('input[name="version"]');
  if (!url || !status || !version) return;
  const texts = {
    idle: status.dataset.idle ?? status.textContent,
    saving: status.dataset.saving ?? '',
    saved: status.dataset.saved ?? '',
    refused: status.dataset.refused ?? '',
    failed: status.dataset.failed ?? '',
    conflict: status.dataset.conflict ?? '',
  };
  setStatus(status, texts.idle);
  let timer = null;
  /** The autosave under way, if any. */
  let pending = null;
  /** Typed since the last autosave began; a change made while one is under way is saved after it. */
  let dirty = false;
  let queued = false;
  let stopped = false;
  let resubmitting = false;

  async function send() {
    setStatus(status, texts.saving);
    try {
      const body = new URLSearchParams(new FormData(form));
      body.delete('action');
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
        // Outlives the page, so that a save begun as the person leaves still arrives; the
        // browser takes at most 64 KB so, and a larger step saves as the page stays.
        keepalive: body.toString().length < 60_000,
      });
      if (response.ok) {
        document.dispatchEvent(new Event('bp:session-renewed'));
        const result = await response.json();
        version.value = String(result.version);
        setStatus(status, result.refused?.length > 0 ? texts.refused : texts.saved);
        const total = form.querySelector('[data-budget-total]');
        if (total && typeof result.budgetTotal === 'string') total.textContent = result.budgetTotal;
      } else if (response.status === 409) {
        // Someone else saved: stop autosaving; the button shows both versions and what differs.
        stopped = true;
        setStatus(status, texts.conflict);
      } else {
        setStatus(status, texts.failed);
      }
    } catch {
      setStatus(status, texts.failed);
    }
  }

  async function save() {
    clearTimeout(timer);
    if (stopped) return;
    if (pending) {
      queued = true;
      return;
    }
    dirty = false;
    pending = send();
    await pending;
    pending = null;
    if (queued) {
      queued = false;
      save();
    }
  }

  form.addEventListener('input', () => {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, AUTOSAVE_DELAY_MS);
  });
  // Leaving a field, or the page, saves at once: a link followed right after typing loses nothing.
  form.addEventListener('change', () => {
    if (dirty) save();
  });
  window.addEventListener('pagehide', () => {
    if (dirty) save();
  });
  form.addEventListener('submit', (event) => {
    // The post carries what was typed.
    dirty = false;
    queued = false;
    clearTimeout(timer);
    const waiting = pending;
    if (!waiting || resubmitting) return;
    // Posted now, the form would carry the version the autosave under way is replacing, and the
    // save would be refused as a conflict with one's own autosave. Post it once that is done.
    event.preventDefault();
    const submitter = event.submitter;
    waiting.then(() => {
      resubmitting = true;
      if (submitter) form.requestSubmit(submitter);
      else form.requestSubmit();
    });
  });
}

/** Shows how far an upload has come; the server's answer page replaces this one when it is done. */
function enableUploadProgress(form) {
  const bar = form.querySelector('[data-upload-bar]');
  if (!bar || !window.XMLHttpRequest) return;
  form.addEventListener('submit', (event) => {
    const file = form.querySelector('input[type="file"]');
    if (!file || file.files.length === 0) return;
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
    });
    request.addEventListener('load', () => {
      // The answer is the page to show: the updated page after the redirect (with its message), or
      // the form with its errors. It replaces this page as a navigation would.
      showPage(request.responseText, request.responseURL);
    });
    request.addEventListener('error', () => form.submit());
    bar.hidden = false;
    bar.value = 0;
    request.send(new FormData(form));
  });
}

/** Replaces the document with a page the server answered, then starts the page's scripts again. */
function showPage(html, url) {
  document.open();
  document.write(html);
  document.close();
  if (url) history.replaceState(null, '', url);
  document.body.classList.add('js-enabled', 'govuk-frontend-supported');
  import('/assets/govuk-frontend.min.js').then(({ initAll }) => {
    initAll();
    enhance();
    // A new page takes the focus as a page load would not: the error summary takes it itself,
    // otherwise the notice of what happened does, so that a screen reader reads it.
    const notice = document.querySelector('[data-notice]');
    if (notice && !document.querySelector('.govuk-error-summary')) {
      notice.tabIndex = -1;
      notice.focus();
    }
  });
}

/**
 * Shows a follow-up question (such as which partner a certificate is for) only while the radio
 * it belongs to is chosen. Without this script the question is always there.
 */
function enableShownWhen(group) {
  const radio = document.getElementById(group.dataset.shownWhen);
  if (!radio?.form) return;
  const update = () => {
    group.hidden = !radio.checked;
  };
  for (const other of radio.form.querySelectorAll(`input[type="radio"][name="${radio.name}"]`)) other.addEventListener('change', update);
  update();
}

function enhance() {
  for (const group of document.querySelectorAll('[data-shown-when]')) enableShownWhen(group);
  for (const form of document.querySelectorAll('form[data-autosave]')) enableAutosave(form);
  for (const form of document.querySelectorAll('form[data-upload-progress]')) enableUploadProgress(form);
}

enhance();
