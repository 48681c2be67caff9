/**
 * Saving a file the pane made (the .docx, a unit form) through the page's download. Some hosts cannot
 * save files from a task pane — Office on Mac and iPad run it in a web view that drops downloads
 * without a word — so the pane says so instead. The page is reached through `FileSavingEnvironment`.
 */

export interface SavedFile {
  bytes: Uint8Array;
  name: string;
  mimeType: string;
}

export interface FileSavingEnvironment {
  /** Office.context.platform as a string ("PC", "Mac", "OfficeOnline", "iOS"…), null outside Office. */
  platform: string | null;
  /** The old Edge/IE save dialog, where the page has it. */
  msSaveOrOpenBlob: ((blob: Blob, fileName: string) => boolean) | null;
  /** Blob + URL.createObjectURL + <a download>, or null when the page lacks one of them. */
  download: ((file: SavedFile) => void) | null;
}

/** Platforms whose task pane web view drops downloads without a word. */
const platformsWithoutDownloads = new Set(["Mac", "iOS", "Android"]);

export type SaveOutcome = "saved" | "unsupported";

/** Saves the file, or answers "unsupported" where this host cannot; a failed download throws. */
export function saveFile(file: SavedFile, env: FileSavingEnvironment): SaveOutcome {
  if (env.platform !== null && platformsWithoutDownloads.has(env.platform)) return "unsupported";
  if (env.msSaveOrOpenBlob) {
    const blob = new Blob([file.bytes as BlobPart], { type: file.mimeType });
    return env.msSaveOrOpenBlob(blob, file.name) ? "saved" : "unsupported";
  }
  if (!env.download) return "unsupported";
  env.download(file);
  return "saved";
}

function hasDownloadSupport(): boolean {
  return (
    typeof Blob !== "undefined" &&
    typeof URL !== "undefined" &&
    typeof URL.createObjectURL === "function" &&
    "download" in document.createElement("a")
  );
}

/** The page's ways of saving a file. */
export function browserFileSaving(platform: string | null): FileSavingEnvironment {
  const legacy = (navigator as { msSaveOrOpenBlob?: (blob: Blob, fileName: string) => boolean }).msSaveOrOpenBlob;
  return {
    platform,
    msSaveOrOpenBlob: typeof legacy === "function" ? legacy.bind(navigator) : null,
    download: hasDownloadSupport()
      ? (file) => {
          const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: file.mimeType }));
          const link = document.createElement("a");
          link.href = url;
          link.download = file.name;
          link.hidden = true;
          document.body.append(link);
          link.click();
          link.remove();
          // The download has taken its copy once click() returns; a later revoke keeps old Edge safe.
          setTimeout(() => URL.revokeObjectURL(url), 10000);
        }
      : null,
  };
}
