/** 复制到 Word: the async Clipboard API first, then the copy command with both formats, over stand-ins. */
import { describe, expect, test } from "@jest/globals";
import { copyBulletin, type CopyEnvironment, type CopyEventLike } from "../src/taskpane/clipboard";

const content = {
  text: "【主要指标】\n（一）产业发展指标。",
  html: '<p style="font-size:16pt"><strong>【主要指标】</strong></p>',
};

/** A copy event whose clipboardData records what was set, as the browser's would. */
function copyEvent(withData = true): CopyEventLike & { data: Map<string, string>; prevented: boolean } {
  const data = new Map<string, string>();
  const event = {
    data,
    prevented: false,
    clipboardData: withData ? { setData: (format: string, value: string) => void data.set(format, value) } : null,
    preventDefault: () => {
      event.prevented = true;
    },
  };
  return event;
}

/**
 * An environment whose copy command fires `event` at the listener and answers `commandResult`, and
 * whose selection copy records the HTML it was given and answers `selectionResult`.
 */
function environment(
  writeBoth: CopyEnvironment["writeBoth"],
  event = copyEvent(),
  commandResult = true,
  selectionResult = true,
): CopyEnvironment & { commands: number; selections: string[] } {
  const env = {
    commands: 0,
    selections: [] as string[],
    writeBoth,
    copyCommand(listener: (event: CopyEventLike) => void) {
      env.commands += 1;
      listener(event);
      return commandResult;
    },
    copySelection(html: string) {
      env.selections.push(html);
      return selectionResult;
    },
  };
  return env;
}

describe("copyBulletin", () => {
  test("uses the async Clipboard API with both formats when it works", async () => {
    const written: (typeof content)[] = [];
    const env = environment(async (both) => void written.push(both));
    await expect(copyBulletin(content, env)).resolves.toBe("clipboard-api");
    expect(written).toEqual([content]);
    expect(env.commands).toBe(0);
  });

  test("falls back to the copy command, setting HTML and plain text, when the API is refused", async () => {
    const event = copyEvent();
    const env = environment(
      () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")),
      event,
    );
    await expect(copyBulletin(content, env)).resolves.toBe("copy-command");
    expect(Object.fromEntries(event.data)).toEqual({ "text/html": content.html, "text/plain": content.text });
    // Otherwise the browser would copy the page's selection over what the listener set.
    expect(event.prevented).toBe(true);
  });

  test("falls back to the copy command where the API is missing", async () => {
    const event = copyEvent();
    await expect(copyBulletin(content, environment(null, event))).resolves.toBe("copy-command");
    expect([...event.data.keys()].sort()).toEqual(["text/html", "text/plain"]);
  });

  test("fails when the copy command is refused", async () => {
    await expect(copyBulletin(content, environment(null, copyEvent(), false))).resolves.toBe("failed");
  });

  test("copies the rendered bulletin as a selection when the copy event carries no clipboard data (IE11)", async () => {
    const event = copyEvent(false);
    const env = environment(null, event);
    await expect(copyBulletin(content, env)).resolves.toBe("copy-selection");
    expect(env.selections).toEqual([content.html]);
    // The selection is what gets copied: the event must not be cancelled.
    expect(event.prevented).toBe(false);
  });

  test("fails when the selection cannot be copied either", async () => {
    const env = environment(null, copyEvent(false), true, false);
    await expect(copyBulletin(content, env)).resolves.toBe("failed");
    expect(env.selections).toHaveLength(1);
  });

  test("does not try the selection when the copy command itself was refused", async () => {
    const env = environment(null, copyEvent(false), false);
    await expect(copyBulletin(content, env)).resolves.toBe("failed");
    expect(env.selections).toEqual([]);
  });

  test("fails when the command reports success but never fired the copy event", async () => {
    const env = environment(null);
    env.copyCommand = () => true;
    await expect(copyBulletin(content, env)).resolves.toBe("failed");
    expect(env.selections).toEqual([]);
  });
});
