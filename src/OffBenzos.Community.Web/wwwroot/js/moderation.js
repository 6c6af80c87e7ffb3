// The review queue updates itself: when an item appears, is claimed or is decided, the list is
// fetched again (from this site, filtered by the server for this moderator) and swapped in.
import { connection, started } from './live.js';

const region = document.querySelector('[data-queue-region]');

if (region && connection) {
  const status = document.querySelector('[data-queue-status]');
  let pending;
  const refresh = async () => {
    try {
      const response = await fetch(location.href, { credentials: 'same-origin' });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = page.querySelector('[data-queue-region]');
      const freshStatus = page.querySelector('[data-queue-status]');
      if (fresh) region.replaceChildren(...fresh.childNodes);
      if (freshStatus && status) status.textContent = freshStatus.textContent;
    } catch { /* the next change or a reload brings it up to date */ }
  };
  connection.on('QueueChanged', () => {
    clearTimeout(pending);
    pending = setTimeout(refresh, 300);
  });
  const watch = () => connection.invoke('WatchQueue').catch(() => {});
  connection.onreconnected(watch);
  started.then((ok) => { if (ok) watch(); });
}
