// One live connection per page for a signed-in member: the unread-notifications count in the
// header, and whatever the page itself listens for (see thread.js). Quietly does nothing if the
// connection cannot be made: every page works without it.
const link = document.querySelector('.notifications-link');
const badge = link?.querySelector('[data-unread-count]');

export const connection = window.signalR
  ? new window.signalR.HubConnectionBuilder().withUrl('/hubs/forum').withAutomaticReconnect().build()
  : null;

connection?.on('UnreadNotifications', (count) => {
  if (!badge) return;
  badge.textContent = String(count);
  badge.hidden = count === 0;
  link.setAttribute('aria-label', count === 0 ? 'Notifications' : `Notifications, ${count} unread`);
});

export const started = connection
  ? connection.start().then(() => true, () => false)
  : Promise.resolve(false);

// Suspended or banned: close the connection and let the server show the page that explains why.
connection?.on('SessionEnded', async () => {
  await connection.stop();
  location.reload();
});

// Moderators are alerted to crisis and medical items on whatever page they have open.
const alertRegion = document.querySelector('[data-crisis-alert]');
if (connection && alertRegion && document.querySelector('meta[name="offbenzos-moderator"]')) {
  connection.on('CrisisAlert', (itemId, lane) => {
    const link = document.createElement('a');
    link.href = `/moderation/items/${itemId}`;
    link.textContent = lane === 'Medical' ? 'A medical-emergency item is waiting: open it' : 'A crisis item is waiting: open it';
    alertRegion.setAttribute('role', 'alert');
    alertRegion.replaceChildren(link);
    alertRegion.hidden = false;
  });
  const watch = () => connection.invoke('WatchQueue').catch(() => {});
  connection.onreconnected(watch);
  started.then((ok) => { if (ok) watch(); });
}
