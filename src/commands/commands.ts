/**
 * Ribbon command entry. The ribbon's buttons open the task pane with ?action=create|check|generate|next
 * (see manifest.xml), so no function runs here; Office still needs the page to report ready.
 */
if (typeof Office !== "undefined") void Office.onReady();
