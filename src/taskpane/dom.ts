/** Building the pane's DOM: text always goes in through textContent, never as markup. */
import { replaceControlCharacters } from "../core/wording";

export function element<K extends keyof HTMLElementTagNameMap>(
  name: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(name);
  if (className) node.className = className;
  // A bidi override or control character from a cell would reorder or hide what follows it.
  if (text !== undefined) node.textContent = replaceControlCharacters(text);
  return node;
}

export function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`taskpane.html lacks #${id}`);
  return node as T;
}

/** Adds or removes a class; IE11's classList.toggle ignores its second argument. */
export function setClass(node: Element, className: string, on: boolean): void {
  if (on) node.classList.add(className);
  else node.classList.remove(className);
}

/** Appends each node in turn: a spread argument (`append(...nodes)`) overflows the stack on long lists. */
export function appendAll(parent: Node, nodes: readonly Node[]): void {
  for (const node of nodes) parent.appendChild(node);
}

/** `parent`'s children become `nodes`, however many. */
export function replaceAll(parent: Element, nodes: readonly Node[]): void {
  parent.replaceChildren();
  appendAll(parent, nodes);
}
