// Follows a data export being prepared: updates the progress bar, and shows the download when ready.
const box = document.querySelector('[data-export-progress]');
const bar = box.querySelector('progress');
const status = box.querySelector('[data-export-status]');
const url = `/Identity/Account/Manage/Privacy?handler=ExportStatus&id=${encodeURIComponent(box.dataset.exportId)}`;
let lastSaid = -1;

async function poll() {
  try {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.ok) {
      const state = await response.json();
      bar.value = state.progress;
      bar.textContent = `${state.progress}%`;
      if (state.status === 'Ready' || state.status === 'Failed') {
        location.reload();
        return;
      }
      // Say it in steps of a quarter, so a screen reader is not flooded.
      const step = Math.floor(state.progress / 25);
      if (step !== lastSaid) {
        lastSaid = step;
        status.textContent = `${state.progress}% done. You can leave this page: we'll tell you when it's ready.`;
      }
    }
  } catch { /* try again */ }
  setTimeout(poll, 1500);
}
poll();
