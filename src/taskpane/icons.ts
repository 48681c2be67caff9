/** The pane's few icons as inline SVG built from constant shapes (no icon font, nothing fetched). */
import type { Severity } from "../core/spec";

export type IconName = Severity | "success";

const svgNamespace = "http://www.w3.org/2000/svg";

interface IconShape {
  /** The filled outline, drawn in the current text colour. */
  body: string;
  /** Strokes drawn over it in the background colour. */
  marks: string;
  /** Dots drawn over it: cx, cy. */
  dots: readonly (readonly [number, number])[];
}

const circle = "M10 2a8 8 0 1 1 0 16a8 8 0 1 1 0-16z";

const shapes: Record<IconName, IconShape> = {
  error: { body: circle, marks: "M7.2 7.2l5.6 5.6M12.8 7.2l-5.6 5.6", dots: [] },
  warning: {
    body: "M10 2.2c.5 0 .9.3 1.2.7l7.2 12.9c.5.9-.1 2-1.2 2H2.8c-1 0-1.7-1.1-1.2-2L8.8 2.9c.3-.4.7-.7 1.2-.7z",
    marks: "M10 7v4.6",
    dots: [[10, 14.2]],
  },
  info: { body: circle, marks: "M10 9v5", dots: [[10, 6.4]] },
  success: { body: circle, marks: "M6.4 10.3l2.4 2.4l4.8-5", dots: [] },
};

export function svgElement<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(svgNamespace, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
}

/** A 16px icon, hidden from assistive technology: the text beside it says the same. */
/** The icon as an inline SVG; `extraClass` goes in its class attribute (IE11's SVG elements have no classList). */
export function icon(name: IconName, extraClass?: string): SVGSVGElement {
  const shape = shapes[name];
  const className = extraClass ? `icon icon-${name} ${extraClass}` : `icon icon-${name}`;
  const svg = svgElement("svg", { viewBox: "0 0 20 20", width: "16", height: "16", class: className });
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.append(svgElement("path", { d: shape.body, fill: "currentColor" }));
  svg.append(
    svgElement("path", {
      d: shape.marks,
      class: "icon-mark",
      fill: "none",
      "stroke-width": "1.8",
      "stroke-linecap": "round",
      "stroke-linejoin": "round",
    }),
  );
  for (const [cx, cy] of shape.dots)
    svg.append(svgElement("circle", { cx: String(cx), cy: String(cy), r: "1.1", class: "icon-dot" }));
  return svg;
}
