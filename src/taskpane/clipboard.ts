/**
 * 复制到 Word: the bulletin goes on the clipboard as HTML (Word and WPS keep its fonts and sizes) and
 * as plain text. The async Clipboard API is missing or refused in some Office web views, so the old
 * copy command is the fallback — with a copy listener that sets both formats, so it keeps the
 * formatting too. Internet Explorer 11 (Office 2016/2019) gives that listener no clipboard data: there
 * the bulletin is rendered off-screen, selected, and copied as a selection, which Trident puts on the
 * clipboard as HTML and text itself. The page is reached through `CopyEnvironment`, which tests replace.
 */

export interface BulletinClipboardContent {
  text: string;
  html: string;
}

/** The part of a `copy` event the fallback uses. */
export interface CopyEventLike {
  clipboardData: { setData(format: string, data: string): void } | null;
  preventDefault(): void;
}

export interface CopyEnvironment {
  /** Writes both formats with the async Clipboard API; null where the page lacks it. */
  writeBoth: ((content: BulletinClipboardContent) => Promise<void>) | null;
  /**
   * Runs `document.execCommand("copy")` with `listener` attached to the copy event it fires;
   * returns what execCommand returned (false when it threw).
   */
  copyCommand(listener: (event: CopyEventLike) => void): boolean;
  /** Renders `html` off-screen, selects it and runs the copy command on the selection; true when it ran. */
  copySelection(html: string): boolean;
}

export type CopyOutcome = "clipboard-api" | "copy-command" | "copy-selection" | "failed";

/** Copies `content` with the first way that works. */
export async function copyBulletin(content: BulletinClipboardContent, env: CopyEnvironment): Promise<CopyOutcome> {
  if (env.writeBoth) {
    try {
      await env.writeBoth(content);
      return "clipboard-api";
    } catch {
      // Refused by the host's permissions or the browser: the copy command below.
    }
  }
  let wrote = false;
  let withoutData = false;
  const listener = (event: CopyEventLike) => {
    if (!event.clipboardData) {
      withoutData = true;
      return;
    }
    event.clipboardData.setData("text/html", content.html);
    event.clipboardData.setData("text/plain", content.text);
    // Without this the browser would copy the page's selection instead of what was just set.
    event.preventDefault();
    wrote = true;
  };
  const ran = env.copyCommand(listener);
  if (ran && wrote) return "copy-command";
  if (ran && withoutData) return env.copySelection(content.html) ? "copy-selection" : "failed";
  return "failed";
}

/** The copy command on a rendering of `html` placed off-screen and selected; the selection is cleared after. */
function copyRenderedSelection(html: string): boolean {
  const pageSelection = window.getSelection();
  if (!pageSelection) return false;
  const holder = document.createElement("div");
  holder.setAttribute("aria-hidden", "true");
  holder.style.cssText = "position:fixed;left:-10000px;top:0;width:600px;background:#fff;color:#000";
  // The bulletin's own markup (export-html escapes every text it holds), the same HTML the other ways copy.
  holder.innerHTML = html;
  document.body.appendChild(holder);
  try {
    const range = document.createRange();
    range.selectNodeContents(holder);
    pageSelection.removeAllRanges();
    pageSelection.addRange(range);
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    pageSelection.removeAllRanges();
    document.body.removeChild(holder);
  }
}

/** The page's clipboard: the async API where the page has it, and the copy command. */
export function browserCopyEnvironment(): CopyEnvironment {
  const clipboard = typeof navigator === "undefined" ? undefined : navigator.clipboard;
  const canWrite = typeof ClipboardItem !== "undefined" && typeof clipboard?.write === "function";
  return {
    writeBoth: canWrite
      ? (content) =>
          clipboard!.write([
            new ClipboardItem({
              "text/html": new Blob([content.html], { type: "text/html" }),
              "text/plain": new Blob([content.text], { type: "text/plain" }),
            }),
          ])
      : null,
    copyCommand(listener) {
      const handler = (event: ClipboardEvent) => listener(event);
      document.addEventListener("copy", handler);
      try {
        return document.execCommand("copy");
      } catch {
        return false;
      } finally {
        document.removeEventListener("copy", handler);
      }
    },
    copySelection: copyRenderedSelection,
  };
}
