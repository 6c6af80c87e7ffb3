// A group's live chat room. Every message gets an id here before it is sent and waits in this
// browser (localStorage) until the server acknowledges it, so nothing typed is lost to a dropped
// connection or a reload; the server stores each id once, so retries never duplicate. Messages are
// shown in the room's sequence order; a gap in the sequence (a broadcast missed while away) is
// filled by asking the server for everything after the last message seen.
const root = document.querySelector('[data-chat]');
const roomId = Number(root.dataset.roomId);
const userId = root.dataset.userId;
const soundOn = root.dataset.sound === 'on';
const $ = (selector) => root.querySelector(selector);
const list = $('[data-chat-messages]');
const status = $('[data-chat-status]');
const announcer = $('[data-chat-announcer]');
const typingLine = $('[data-chat-typing]');
const presentList = $('[data-chat-present]');
const olderButton = $('[data-chat-older]');
const form = $('[data-chat-form]');
const textarea = $('[data-chat-text]');
const sendButton = $('[data-chat-send]');
const errorLine = $('[data-chat-error]');
const countLine = $('[data-chat-count]');
const crisisCard = $('[data-chat-crisis]');
const removeDialog = $('[data-chat-remove-dialog]');
const MAX = Number(textarea.getAttribute('maxlength')) || 2000;
const outboxKey = `offbenzos:chat-outbox:${userId}:${roomId}`;
const draftKey = `offbenzos:chat-draft:${userId}:${roomId}`;
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
const waitLine = $('[data-chat-wait]');
// In a live session: its state (lobby, slow mode, announcement mode, pin, mutes) and, for the host, the controls.
const sessionId = root.dataset.sessionId ? Number(root.dataset.sessionId) : null;
const hostPanel = $('[data-session-host]');
const hostControls = $('[data-host-controls]');
const pinnedBox = $('[data-session-pinned]');
const sessionNotice = $('[data-session-notice]');
let session = null;
let writable = false; // what the server said at the last join (membership, e-mail, silence)
let whyNotWritable = '';

let lastSequence = 0; // highest sequence up to which this page has everything
let oldestSequence = null;
let canModerate = false;
let blocked = new Set();
let joined = false;
let catchUpTimer = 0;
let presenceVersion = -1; // lists of who is here can arrive out of order (two joins at once): the highest version wins
let sessionVersion = -1; // session states can arrive out of order (the host and a moderator at once, or a Join's answer and a broadcast): the highest version wins
const seen = new Map(); // sequence -> element
const typing = new Map(); // userId -> { name, until }

// ---------- storage (private mode or a full disk must not break the chat) ----------
const load = (key, fallback) => { try { return JSON.parse(localStorage.getItem(key)) ?? fallback; } catch { return fallback; } };
const save = (key, value) => { try { localStorage.setItem(key, JSON.stringify(value)); } catch { /* kept in memory only */ } };
let outbox = load(outboxKey, []);
const saveOutbox = () => save(outboxKey, outbox);

// ---------- rendering ----------
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

// Plain text with its line breaks (CSS pre-wrap); web addresses become links, built as DOM nodes, never HTML.
function textWithLinks(text) {
  const fragment = document.createDocumentFragment();
  const pattern = /\bhttps?:\/\/[^\s<>"']+/gi;
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    let url = match[0].replace(/[.,;:!?)\]]+$/, '');
    fragment.append(text.slice(at, match.index));
    const link = document.createElement('a');
    link.href = url;
    link.textContent = url;
    link.rel = 'nofollow noopener noreferrer ugc';
    link.target = '_blank';
    fragment.append(link);
    at = match.index + url.length;
  }
  fragment.append(text.slice(at));
  return fragment;
}

function actionLink(label, href) {
  const link = document.createElement('a');
  link.href = href;
  link.textContent = label;
  return link;
}

function messageElement(message, pending) {
  const item = document.createElement('li');
  item.className = 'chat-message';
  if (message.authorId === userId) item.classList.add('chat-mine');
  item.dataset.clientId = message.clientId;
  const meta = document.createElement('p');
  meta.className = 'chat-meta';
  const author = document.createElement('strong');
  author.textContent = message.authorName;
  const time = document.createElement('time');
  const sentAt = new Date(message.sentAt);
  time.dateTime = sentAt.toISOString();
  time.textContent = timeFormat.format(sentAt);
  time.title = dayFormat.format(sentAt);
  meta.append(author, ' ', time);
  const body = document.createElement('p');
  body.className = 'chat-text';
  body.append(textWithLinks(message.text));
  item.append(meta, body);
  if (pending) {
    item.classList.add('chat-pending');
    const state = document.createElement('p');
    state.className = 'chat-state';
    state.dataset.state = '';
    state.textContent = 'Sending…';
    item.append(state);
  } else {
    setPublished(item, message);
  }
  return item;
}

// Turns an element into a published message: its id and sequence, and the actions on it.
function setPublished(item, message) {
  item.classList.remove('chat-pending');
  item.querySelector('[data-state]')?.remove();
  item.dataset.id = message.id;
  item.dataset.sequence = message.sequence;
  item.id = `chat-message-${message.id}`;
  if (item.querySelector('.chat-actions')) return;
  const actions = document.createElement('p');
  actions.className = 'chat-actions';
  if (message.authorId !== userId) {
    actions.append(actionLink('Flag', `/flag/chat-message/${message.id}`), ' ',
      actionLink("I'm worried about them", `/concern/${encodeURIComponent(message.authorId)}`));
  }
  if (hostPanel) {
    const pin = document.createElement('button');
    pin.type = 'button';
    pin.className = 'link-button';
    pin.textContent = 'Pin';
    pin.addEventListener('click', () => host('Pin', sessionId, message.id));
    actions.append(' ', pin);
  }
  if (canModerate) {
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'link-button';
    remove.textContent = 'Remove';
    remove.addEventListener('click', () => askRemove(message.id));
    actions.append(' ', remove);
  }
  if (actions.childNodes.length) item.append(actions);
}

function nearBottom() {
  const rect = list.getBoundingClientRect();
  return rect.bottom - window.innerHeight < 160;
}

function scrollToEnd() {
  list.lastElementChild?.scrollIntoView({ block: 'end', behavior: reducedMotion.matches ? 'auto' : 'smooth' });
}

// Places a published message by sequence; returns false if it was already here.
function place(message) {
  if (seen.has(message.sequence) || blocked.has(message.authorId)) {
    seen.set(message.sequence, seen.get(message.sequence) ?? null);
    return false;
  }
  // My own message may already be on screen, waiting for its acknowledgement: it becomes the real one.
  list.querySelector(`.chat-pending[data-client-id="${CSS.escape(message.clientId)}"]`)?.remove();
  const item = messageElement(message, false);
  seen.set(message.sequence, item);
  const after = [...list.querySelectorAll('.chat-message[data-sequence]')].find((el) => Number(el.dataset.sequence) > message.sequence);
  const firstPending = list.querySelector('.chat-pending');
  list.insertBefore(item, after ?? firstPending ?? null);
  if (oldestSequence === null || message.sequence < oldestSequence) oldestSequence = message.sequence;
  return true;
}

function advance() {
  while (seen.has(lastSequence + 1)) lastSequence += 1;
  const gap = [...seen.keys()].some((s) => s > lastSequence);
  clearTimeout(catchUpTimer);
  // A later message arrived before an earlier one: give the earlier one a moment, then ask for it.
  if (gap) catchUpTimer = setTimeout(catchUp, 1500);
}

function announce(message) {
  if (message.authorId === userId) return;
  const text = message.text.length > 200 ? `${message.text.slice(0, 200)}…` : message.text;
  announcer.textContent = `${message.authorName}: ${text}`;
  if (soundOn && document.visibilityState === 'visible') chime();
}

function chime() {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 660;
    gain.gain.setValueAtTime(0.04, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.25);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.25);
    tone.onended = () => audio.close();
  } catch { /* no audio here */ }
}

function renderPresence(present) {
  const here = new Set(present.map((p) => p.userId));
  presentList.replaceChildren(...present.map((p) => {
    const item = document.createElement('li');
    item.textContent = p.name;
    if (p.role) {
      const tag = document.createElement('span');
      tag.className = 'tag tag-staff';
      tag.textContent = p.role;
      item.append(' ', tag);
    }
    if (session?.muted.includes(p.userId)) {
      const tag = document.createElement('span');
      tag.className = 'tag';
      tag.textContent = 'muted';
      item.append(' ', tag);
    }
    if (hostPanel && p.userId !== userId && p.userId !== session?.hostId) {
      const muted = session?.muted.includes(p.userId);
      const mute = document.createElement('button');
      mute.type = 'button';
      mute.className = 'link-button';
      mute.textContent = muted ? `Unmute ${p.name}` : `Mute ${p.name}`;
      mute.addEventListener('click', () => host('MuteMember', sessionId, p.userId, !muted));
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'link-button';
      remove.textContent = `Remove ${p.name}`;
      remove.addEventListener('click', () => askRemoveMember(p));
      const controls = document.createElement('span');
      controls.className = 'chat-person-controls';
      controls.append(mute, remove);
      item.append(controls);
    }
    return item;
  }));
  lastPresent = present;
  // Whoever left the room is no longer typing.
  for (const id of typing.keys()) if (!here.has(id)) typing.delete(id);
  renderTyping();
}

let lastPresent = [];

function showPresence(present) {
  if (present.version < presenceVersion) return;
  presenceVersion = present.version;
  renderPresence(present.people);
}

// The host's controls work only while the connection is in the room.
function setConnected(connected) {
  joined = connected;
  if (hostControls) hostControls.disabled = !connected;
}

function renderTyping() {
  const now = Date.now();
  for (const [id, t] of typing) if (t.until < now) typing.delete(id);
  const names = [...typing.values()].map((t) => t.name);
  typingLine.textContent = names.length === 0 ? ''
    : names.length === 1 ? `${names[0]} is typing…`
      : names.length <= 3 ? `${names.join(', ')} are typing…` : 'Several people are typing…';
}
setInterval(renderTyping, 1000);

function setStatus(text) {
  status.textContent = text;
  status.hidden = text === '';
}

// Why the session keeps this member quiet right now (the server refuses the same way), or ''.
function sessionQuiet() {
  if (!session) return '';
  if (session.status === 'Scheduled') return hostPanel ? 'Open the room when you are ready: members are waiting in the lobby.' : 'This is the lobby. The room opens when the host opens it.';
  if (session.status !== 'Open') return 'This session is over.';
  if (canModerate) return '';
  if (session.muted.includes(userId)) return 'The host has muted you for now. You can still read along.';
  if (session.announcementOnly) return 'Announcement mode: only the host is writing right now.';
  return '';
}

function setComposer(enabled, why) {
  const quiet = enabled ? sessionQuiet() : '';
  textarea.disabled = !enabled || !!quiet;
  sendButton.disabled = textarea.disabled;
  if (why) errorLine.textContent = why;
  if (sessionNotice) {
    const notes = [quiet, session?.status === 'Open' && session.slowModeSeconds > 0 ? `Slow mode is on: one message every ${session.slowModeSeconds} seconds.` : ''].filter(Boolean);
    sessionNotice.textContent = notes.join(' ');
    sessionNotice.hidden = notes.length === 0;
  }
}

function applySession(state) {
  if (state.version < sessionVersion) return;
  sessionVersion = state.version;
  const opened = session?.status === 'Scheduled' && state.status === 'Open';
  session = state;
  const roomTitle = document.querySelector('[data-session-room-title]');
  if (roomTitle) roomTitle.textContent = state.status === 'Scheduled' ? 'The lobby' : 'The room';
  const lobby = document.querySelector('[data-session-lobby]');
  if (lobby) lobby.hidden = state.status !== 'Scheduled';
  if (pinnedBox) {
    if (state.pinned) {
      const heading = document.createElement('p');
      heading.className = 'chat-meta';
      const label = document.createElement('strong');
      label.textContent = 'Pinned by the host';
      heading.append(label, ` · ${state.pinned.authorName}`);
      const body = document.createElement('p');
      body.className = 'chat-text';
      body.append(textWithLinks(state.pinned.text));
      pinnedBox.replaceChildren(heading, body);
      if (hostPanel) {
        const unpin = document.createElement('button');
        unpin.type = 'button';
        unpin.className = 'link-button';
        unpin.textContent = 'Unpin';
        unpin.addEventListener('click', () => host('Pin', sessionId, null));
        pinnedBox.append(unpin);
      }
    }
    pinnedBox.hidden = !state.pinned;
  }
  if (hostPanel) {
    hostPanel.querySelector('[data-host-slow]').value = String(state.slowModeSeconds);
    hostPanel.querySelector('[data-host-announcement]').checked = state.announcementOnly;
    hostPanel.querySelector('[data-host-privacy]').checked = state.lateJoinerPrivacy;
    hostPanel.querySelector('[data-host-end]').hidden = state.status !== 'Open';
  }
  renderPresence(lastPresent);
  setComposer(writable, writable ? '' : whyNotWritable);
  // The host opened the room: take a place in it (or hear that it is full).
  if (opened) join();
}

async function host(method, ...args) {
  const error = hostPanel?.querySelector('[data-host-error]');
  if (!joined) {
    if (error) error.textContent = 'Not connected just now. Please try again when the connection is back.';
    return;
  }
  try {
    const problem = await connection.invoke(method, ...args);
    if (error) error.textContent = problem ?? '';
  } catch {
    if (error) error.textContent = 'Could not reach the server. Please try again.';
  }
}

if (hostPanel) {
  hostPanel.querySelector('[data-host-slow]').addEventListener('change', (e) => host('SetSlowMode', sessionId, Number(e.target.value)));
  hostPanel.querySelector('[data-host-announcement]').addEventListener('change', (e) => host('SetAnnouncementOnly', sessionId, e.target.checked));
  hostPanel.querySelector('[data-host-privacy]').addEventListener('change', (e) => host('SetLateJoinerPrivacy', sessionId, e.target.checked));
  hostPanel.querySelector('[data-host-end]').addEventListener('click', () => {
    if (window.confirm('End the session for everyone now?')) host('EndSession', sessionId);
  });
}

// ---------- connection ----------
const connection = new window.signalR.HubConnectionBuilder()
  .withUrl('/hubs/chat')
  // Keep trying for as long as the page is open: quickly at first, then every 30 seconds.
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => Math.min(30000, 1000 * 2 ** Math.min(context.previousRetryCount, 5)) })
  .build();

connection.on('Message', (message) => {
  if (message.roomId !== roomId) return;
  const atEnd = nearBottom();
  if (place(message)) {
    typing.delete(message.authorId);
    renderTyping();
    announce(message);
    if (atEnd || message.authorId === userId) scrollToEnd();
  }
  advance();
});

connection.on('MessageRemoved', (room, messageId) => {
  if (room === roomId) document.getElementById(`chat-message-${messageId}`)?.remove();
});

connection.on('SessionState', (room, state) => {
  if (room !== roomId) return;
  applySession(state);
});

connection.on('Presence', (room, present) => {
  if (room === roomId) showPresence(present);
});

connection.on('Typing', (room, who, name) => {
  if (room !== roomId || who === userId || blocked.has(who)) return;
  typing.set(who, { name, until: Date.now() + 6000 });
  renderTyping();
});

connection.on('RoomClosed', async (room, reason) => {
  if (room !== roomId) return;
  setConnected(false);
  setComposer(false);
  setStatus(reason);
  await connection.stop();
});

connection.on('SessionEnded', async () => {
  await connection.stop();
  location.reload();
});

connection.onreconnecting(() => {
  setConnected(false);
  setStatus('Reconnecting… Anything you send now is kept and sent when the connection is back.');
  for (const entry of outbox) setPendingState(entry, 'Waiting for the connection: it will be sent when it is back.');
});
connection.onreconnected(() => join());
connection.onclose(() => {
  setConnected(false);
  if (!status.textContent.startsWith('Reconnecting')) return;
  setStatus('The connection was lost. Reload the page to reconnect; your unsent messages are kept.');
});

async function join() {
  try {
    const result = await connection.invoke('Join', roomId, joined || lastSequence > 0 ? lastSequence : null);
    if (!result.ok) {
      setComposer(false);
      setStatus(result.error);
      return;
    }
    canModerate = result.canModerate;
    blocked = new Set(result.blocked);
    writable = result.canSend;
    whyNotWritable = result.whyNotSend ?? '';
    // The connection was in the room's group before the server read the state, so a change after
    // that read arrives as a broadcast, with a higher version than this answer's.
    const sessionFromJoin = result.session && result.session.version >= sessionVersion ? result.session : null;
    if (sessionFromJoin) session = sessionFromJoin;
    for (const id of result.removed) document.getElementById(`chat-message-${id}`)?.remove();
    const fresh = lastSequence === 0;
    let added = false;
    for (const message of result.messages) added = place(message) || added;
    if (fresh) {
      olderButton.hidden = !result.hasOlder;
    }
    // Everything the room has up to its last sequence is now here (removed and blocked messages leave gaps on purpose).
    lastSequence = Math.max(lastSequence, result.lastSequence);
    advance();
    showPresence(result.present);
    setConnected(true);
    setStatus('');
    if (sessionFromJoin) applySession(sessionFromJoin);
    setComposer(result.canSend, result.canSend ? '' : result.whyNotSend);
    if (fresh || added) scrollToEnd();
    flush();
  } catch {
    setStatus('Could not enter the room just now. Trying again…');
    setTimeout(join, 3000);
  }
}

async function catchUp() {
  if (!joined) return;
  try {
    const result = await connection.invoke('Join', roomId, lastSequence);
    if (!result.ok) return;
    for (const id of result.removed) document.getElementById(`chat-message-${id}`)?.remove();
    for (const message of result.messages) place(message);
    lastSequence = Math.max(lastSequence, result.lastSequence);
    advance();
  } catch { /* the next reconnect catches up */ }
}

olderButton.addEventListener('click', async () => {
  olderButton.disabled = true;
  try {
    const first = list.firstElementChild;
    const before = first?.getBoundingClientRect().top ?? 0;
    const page = await connection.invoke('Older', roomId, oldestSequence ?? lastSequence + 1);
    for (const message of page.messages) place(message);
    olderButton.hidden = !page.hasOlder;
    // Keep the reader's place: the messages they were reading stay where they were.
    if (first) window.scrollBy(0, first.getBoundingClientRect().top - before);
  } catch {
    setStatus('Could not load earlier messages. Please try again.');
  } finally {
    olderButton.disabled = false;
  }
});

// ---------- sending ----------
let flushing = false;
let retryTimer = 0;
let retryDelay = 1000;

function pendingElement(entry) {
  let item = list.querySelector(`.chat-pending[data-client-id="${CSS.escape(entry.clientId)}"]`);
  if (!item) {
    item = messageElement({ clientId: entry.clientId, authorId: userId, authorName: 'You', text: entry.text, sentAt: entry.at }, true);
    list.append(item);
  }
  return item;
}

function setPendingState(entry, text) {
  const state = pendingElement(entry).querySelector('[data-state]');
  if (state) state.textContent = text;
}

// A visible countdown on the waiting message (slow mode, or sending fast), second by second.
let countdownTimer = 0;
function countdown(entry, seconds) {
  clearInterval(countdownTimer);
  let left = seconds;
  const slow = session?.slowModeSeconds > 0;
  const tick = () => {
    const text = slow ? `Slow mode: this will be sent in ${left} s.` : `Sending quickly: this will be sent in ${left} s.`;
    setPendingState(entry, text);
    waitLine.textContent = left > 0 ? text : '';
    if (left <= 0) clearInterval(countdownTimer);
    left -= 1;
  };
  tick();
  countdownTimer = setInterval(tick, 1000);
}

function forget(entry) {
  outbox = outbox.filter((e) => e.clientId !== entry.clientId);
  saveOutbox();
}

function retryLater(seconds) {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(flush, seconds ? seconds * 1000 : retryDelay);
  retryDelay = Math.min(30000, retryDelay * 2);
}

// Sends what is waiting, oldest first, one at a time so they keep their order.
async function flush() {
  if (flushing || !joined) return;
  flushing = true;
  try {
    while (outbox.length > 0 && joined) {
      const entry = outbox[0];
      if (entry.check && !entry.acknowledged) break; // waiting on the support card
      setPendingState(entry, 'Sending…');
      let result;
      try {
        result = await connection.invoke('Send', roomId, entry.clientId, entry.text, !!entry.acknowledged);
      } catch {
        setPendingState(entry, 'Not sent yet: it will be sent when the connection is back.');
        retryLater();
        return;
      }
      retryDelay = 1000;
      if (result.status !== 'retry') {
        clearInterval(countdownTimer);
        waitLine.textContent = '';
      }
      if (result.status === 'sent') {
        forget(entry);
        const atEnd = nearBottom();
        place(result.message);
        advance();
        if (atEnd) scrollToEnd();
      } else if (result.status === 'held') {
        forget(entry);
        const item = pendingElement(entry);
        item.classList.add('chat-held');
        setPendingState(entry, result.error);
      } else if (result.status === 'check') {
        entry.check = true;
        saveOutbox();
        showCrisisCard(entry, result.crisis);
        break;
      } else if (result.status === 'retry') {
        countdown(entry, result.retryAfterSeconds);
        retryLater(result.retryAfterSeconds);
        return;
      } else {
        // Refused: give the words back to the writer with the reason, so nothing is lost.
        forget(entry);
        pendingElement(entry).remove();
        if (!textarea.value.trim()) textarea.value = entry.text;
        errorLine.textContent = result.error;
        saveDraft();
      }
    }
  } finally {
    flushing = false;
  }
}

function showCrisisCard(entry, crisis) {
  crisisCard.querySelector('[data-crisis-risk]').hidden = !crisis.risk;
  crisisCard.querySelector('[data-crisis-medical]').hidden = !crisis.medical;
  const lines = crisis.lines.map((line) => {
    const item = document.createElement('li');
    const label = document.createElement('span');
    const name = document.createElement('strong');
    name.textContent = line.name;
    label.append(name, `: ${line.display}`);
    item.append(label);
    if (line.tel) item.append(Object.assign(actionLink('Call', line.tel), { className: 'button' }));
    if (line.sms) item.append(Object.assign(actionLink('Text', line.sms), { className: 'button' }));
    return item;
  });
  const emergency = document.createElement('li');
  if (crisis.emergencyTel) {
    const label = document.createElement('strong');
    label.textContent = 'Emergency';
    emergency.append(label, Object.assign(actionLink(`Call ${crisis.emergencyDisplay}`, crisis.emergencyTel), { className: 'button' }));
  } else {
    const label = document.createElement('strong');
    label.textContent = crisis.emergencyText;
    emergency.append(label);
  }
  crisisCard.querySelector('[data-crisis-lines]').replaceChildren(...lines, emergency);
  crisisCard.hidden = false;
  crisisCard.dataset.clientId = entry.clientId;
  setPendingState(entry, 'Not sent yet: see the note below.');
  crisisCard.focus();
}

crisisCard.querySelector('[data-crisis-send]').addEventListener('click', () => {
  const entry = outbox.find((e) => e.clientId === crisisCard.dataset.clientId);
  crisisCard.hidden = true;
  if (!entry) return;
  entry.acknowledged = true;
  saveOutbox();
  textarea.focus();
  flush();
});

crisisCard.querySelector('[data-crisis-edit]').addEventListener('click', () => {
  const entry = outbox.find((e) => e.clientId === crisisCard.dataset.clientId);
  crisisCard.hidden = true;
  if (!entry) return;
  forget(entry);
  pendingElement(entry).remove();
  textarea.value = entry.text + (textarea.value ? `\n${textarea.value}` : '');
  saveDraft();
  textarea.focus();
  flush();
});

function saveDraft() {
  save(draftKey, textarea.value);
  const left = MAX - textarea.value.length;
  countLine.textContent = left < 200 ? `${left} characters left.` : '';
}

let lastTyping = 0;
textarea.addEventListener('input', () => {
  saveDraft();
  errorLine.textContent = '';
  if (joined && textarea.value.trim() && Date.now() - lastTyping > 2000) {
    lastTyping = Date.now();
    connection.invoke('Typing', roomId).catch(() => {});
  }
});

textarea.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    form.requestSubmit();
  }
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = textarea.value.trim();
  if (!text) {
    errorLine.textContent = 'Write something first.';
    return;
  }
  if (text.length > MAX) {
    errorLine.textContent = `Please keep a message under ${MAX} characters.`;
    return;
  }
  const entry = { clientId: crypto.randomUUID(), text, at: new Date().toISOString() };
  outbox.push(entry);
  saveOutbox();
  textarea.value = '';
  saveDraft();
  pendingElement(entry);
  if (!joined) setPendingState(entry, 'Waiting for the connection: it will be sent when it is back.');
  scrollToEnd();
  flush();
});

// ---------- removing (moderators, the group's moderators and coaches) ----------
let removing = null;
const removeTitle = removeDialog.querySelector('#chat-remove-title');
const removeHelp = removeDialog.querySelector('.help');
function askRemove(messageId) {
  removing = { messageId };
  removeTitle.textContent = 'Remove this message';
  removeHelp.textContent = 'It disappears for everyone now. The author sees your reason; the audit log keeps it.';
  removeDialog.querySelector('[data-chat-remove-error]').textContent = '';
  removeDialog.querySelector('[data-chat-remove-reason]').value = '';
  removeDialog.showModal();
}
function askRemoveMember(person) {
  removing = { person };
  removeTitle.textContent = `Remove ${person.name} from the session`;
  removeHelp.textContent = 'They leave the room now and cannot come back to this session. They see your reason; the audit log keeps it.';
  removeDialog.querySelector('[data-chat-remove-error]').textContent = '';
  removeDialog.querySelector('[data-chat-remove-reason]').value = '';
  removeDialog.showModal();
}
removeDialog.querySelector('[data-chat-remove-cancel]').addEventListener('click', () => removeDialog.close());
removeDialog.querySelector('[data-chat-remove-form]').addEventListener('submit', async (event) => {
  event.preventDefault();
  const reason = removeDialog.querySelector('[data-chat-remove-reason]').value;
  try {
    const error = removing.person
      ? await connection.invoke('RemoveMember', sessionId, removing.person.userId, reason)
      : await connection.invoke('Remove', removing.messageId, reason);
    if (error) {
      removeDialog.querySelector('[data-chat-remove-error]').textContent = error;
      return;
    }
    removeDialog.close();
  } catch {
    removeDialog.querySelector('[data-chat-remove-error]').textContent = 'Could not reach the server. Please try again.';
  }
});

// ---------- start ----------
textarea.value = load(draftKey, '') || '';
saveDraft();
for (const entry of outbox) pendingElement(entry);

async function start() {
  try {
    await connection.start();
    await join();
  } catch {
    setStatus('Could not connect. Trying again… Anything you send is kept and sent when the connection is back.');
    setTimeout(start, 5000);
  }
}
start();
