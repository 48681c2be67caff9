/**
 * What Internet Explorer 11 (the task pane webview of Office 2016 and 2019) lacks beyond core-js: the
 * few DOM methods the pane calls, Blob#arrayBuffer (导入报送表) and TextEncoder (the docx package
 * encodes the .docx's parts with it). Only the legacy bundle starts with this module; each piece is
 * installed where the engine lacks it, and written for nothing more than the pane's own use.
 */

import { encodeUtf8 } from "./utf8";

type NodeContent = Node | string;

function asNode(item: NodeContent): Node {
  return typeof item === "string" ? document.createTextNode(item) : item;
}

function define(target: object, name: string, value: unknown): void {
  if (name in target) return;
  Object.defineProperty(target, name, { value, configurable: true, writable: true });
}

function appendAll(parent: Node, items: NodeContent[]): void {
  for (const item of items) parent.appendChild(asNode(item));
}

for (const prototype of [Element.prototype, Document.prototype, DocumentFragment.prototype]) {
  define(prototype, "append", function append(this: Node, ...items: NodeContent[]) {
    appendAll(this, items);
  });
  define(prototype, "replaceChildren", function replaceChildren(this: Node, ...items: NodeContent[]) {
    while (this.lastChild) this.removeChild(this.lastChild);
    appendAll(this, items);
  });
}

for (const prototype of [Element.prototype, CharacterData.prototype]) {
  define(prototype, "remove", function remove(this: ChildNode) {
    this.parentNode?.removeChild(this);
  });
  define(prototype, "replaceWith", function replaceWith(this: ChildNode, ...items: NodeContent[]) {
    const parent = this.parentNode;
    if (!parent) return;
    const next = this.nextSibling;
    parent.removeChild(this);
    for (const item of items) parent.insertBefore(asNode(item), next);
  });
}

define(Blob.prototype, "arrayBuffer", function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(this);
  });
});

class Utf8Encoder {
  readonly encoding = "utf-8";

  encode(text = ""): Uint8Array {
    return encodeUtf8(text);
  }
}

define(window, "TextEncoder", Utf8Encoder);
