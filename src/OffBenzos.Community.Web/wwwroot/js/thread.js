// New replies to the open thread, announced politely without reloading: "2 new replies - show".
import { connection, started } from './live.js';

const notice = document.querySelector('.live-notice[data-thread-id]');

if (notice && connection) {
  const threadId = Number(notice.dataset.threadId);
  const pageSize = Number(notice.dataset.pageSize);
  const base = notice.dataset.base;
  const link = notice.querySelector('a');
  let last = Number(notice.dataset.lastNumber);
  let firstNew = null;
  let count = 0;

  connection.on('NewPost', (id, postId, number) => {
    if (id !== threadId || number <= last) return;
    last = number;
    count += 1;
    firstNew ??= { postId, number };
    const page = Math.floor((firstNew.number - 1) / pageSize) + 1;
    link.href = `${base}?page=${page}&new=${number}#post-${firstNew.postId}`;
    link.textContent = count === 1 ? '1 new reply - show' : `${count} new replies - show`;
    notice.hidden = false;
  });

  const watch = () => connection.invoke('WatchThread', threadId).catch(() => {});
  connection.onreconnected(watch);
  started.then((ok) => { if (ok) watch(); });
}
