// The composer keeps a member's words safe: a copy in this browser on every keystroke (it survives
// an expired session or a dropped connection), a draft on the server after a short pause (it
// survives a restart and follows the member to another device), and a live preview rendered by
// the server's own sanitizing renderer.
const token = document.querySelector('meta[name="request-verification-token"]')?.content;
const sent = new URLSearchParams(location.search).get('sent');
const storageKey = (key) => `offbenzos:draft:${key}`;

if (sent) {
  // The post was saved: forget the local copy, and tidy the address bar.
  try { localStorage.removeItem(storageKey(sent)); } catch { /* private mode */ }
  const url = new URL(location.href);
  url.searchParams.delete('sent');
  history.replaceState(null, '', url);
}

for (const composer of document.querySelectorAll('.composer[data-draft-key]')) {
  const key = composer.dataset.draftKey;
  const form = composer.closest('form');
  const body = composer.querySelector('textarea[name="Body"]');
  const title = form.querySelector('input[name="Title"]');
  const status = composer.querySelector('.draft-status');
  const previewSection = composer.querySelector('.preview');
  const previewBody = composer.querySelector('.preview-body');
  const previewButton = composer.querySelector('[data-preview]');
  const serverSavedAt = Date.parse(composer.dataset.draftSaved || '') || 0;
  let saveTimer;
  let previewTimer;

  const say = (text) => { if (status) status.textContent = text; };

  // A local copy newer than the server's draft wins (written while signed out or offline).
  try {
    const local = JSON.parse(localStorage.getItem(storageKey(key)) || 'null');
    if (local && local.savedAt > serverSavedAt && local.body && local.body !== body.value) {
      body.value = local.body;
      if (title && local.title) title.value = local.title;
      say('We brought back what you were writing.');
      scheduleServerSave();
    }
  } catch { /* storage unavailable: the server draft still works */ }

  function saveLocal() {
    try {
      localStorage.setItem(storageKey(key), JSON.stringify({ body: body.value, title: title?.value ?? null, savedAt: Date.now() }));
    } catch { /* full or disabled */ }
  }

  async function saveServer() {
    if (!token) return;
    try {
      const response = await fetch(`/api/drafts/${encodeURIComponent(key)}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', RequestVerificationToken: token },
        body: JSON.stringify({ title: title?.value ?? null, markdown: body.value }),
        credentials: 'same-origin',
      });
      if (response.ok) say('Draft saved.');
      else if (response.status === 401) say('Saved in this browser. Sign in again and it will be here.');
      else say('Saved in this browser.');
    } catch {
      say('Saved in this browser; we will keep trying.');
      scheduleServerSave(10000);
    }
  }

  function scheduleServerSave(delay = 1500) {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveServer, delay);
  }

  async function preview() {
    if (!token || !previewBody) return;
    try {
      const response = await fetch('/api/preview', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', RequestVerificationToken: token },
        body: JSON.stringify({ markdown: body.value }),
        credentials: 'same-origin',
      });
      if (!response.ok) return;
      const result = await response.json();
      // The HTML comes from the server's sanitizer, the same that stores posts.
      previewBody.innerHTML = result.html || '';
      if (result.error) say(result.error);
      previewSection.hidden = false;
    } catch { /* the Preview button still works without script */ }
  }

  const onInput = () => {
    saveLocal();
    scheduleServerSave();
    if (previewSection && !previewSection.hidden) {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(preview, 600);
    }
  };
  body.addEventListener('input', onInput);
  title?.addEventListener('input', onInput);

  previewButton?.addEventListener('click', (event) => {
    if (!token) return;
    event.preventDefault();
    preview();
  });

  form.addEventListener('submit', saveLocal);
}

// @mention autocomplete: suggestions from the server as the member types "@na", chosen with the
// arrow keys and Enter (or a tap); names with spaces are written @[Jane Doe]. The textarea is a
// textbox, which may not carry aria-expanded: aria-controls and aria-activedescendant say the rest.
for (const composer of document.querySelectorAll('.composer[data-group]')) {
  const body = composer.querySelector('textarea[name="Body"]');
  const list = composer.querySelector('.mention-list');
  if (!body || !list || !token) continue;
  let options = [];
  let active = -1;
  let fetchTimer;

  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    options = [];
    active = -1;
    body.removeAttribute('aria-activedescendant');
  };

  const typedMention = () => {
    const before = body.value.slice(0, body.selectionStart);
    const match = /(^|\s)@(\[[^\]\n]{0,30}|[\p{L}\p{N}_.'-]{1,30})$/u.exec(before);
    return match ? { text: match[2], start: before.length - match[2].length - 1 } : null;
  };

  const choose = (name) => {
    const mention = typedMention();
    if (!mention) return close();
    const written = /\s/.test(name) ? `@[${name}] ` : `@${name} `;
    body.setRangeText(written, mention.start, body.selectionStart, 'end');
    body.dispatchEvent(new Event('input'));
    close();
    body.focus();
  };

  const highlight = (index) => {
    active = index;
    [...list.children].forEach((item, i) => item.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) body.setAttribute('aria-activedescendant', list.children[active].id);
  };

  const show = (names) => {
    options = names;
    list.replaceChildren(...names.map((name, i) => {
      const item = document.createElement('li');
      item.id = `mention-option-${i}`;
      item.setAttribute('role', 'option');
      item.textContent = name;
      item.addEventListener('mousedown', (event) => { event.preventDefault(); choose(name); });
      return item;
    }));
    list.hidden = names.length === 0;
    highlight(names.length > 0 ? 0 : -1);
  };

  body.addEventListener('input', () => {
    const mention = typedMention();
    clearTimeout(fetchTimer);
    if (!mention || mention.text.replace('[', '').length < 1) return close();
    fetchTimer = setTimeout(async () => {
      try {
        const url = `/api/mentions?q=${encodeURIComponent(mention.text)}&group=${composer.dataset.group}`;
        const response = await fetch(url, { credentials: 'same-origin' });
        if (response.ok) show(await response.json());
      } catch { close(); }
    }, 200);
  });

  body.addEventListener('keydown', (event) => {
    if (list.hidden || options.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      highlight((active + step + options.length) % options.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(options[Math.max(active, 0)]);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  body.addEventListener('blur', () => setTimeout(close, 150));
}
