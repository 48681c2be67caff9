/**
 * Number display for bulletin text: 四舍五入 (half away from zero) on the decimal digits a person sees,
 * applied only when printing, with trailing zeros dropped as the seed bulletin writes them (13%, 1.2亿元).
 */

/** Adds one unit in the last place of a string of decimal digits ("0999" → "1000"). */
function incrementDigits(digits: string): string {
  const chars = digits.split("");
  let i = chars.length - 1;
  while (i >= 0) {
    if (chars[i] === "9") {
      chars[i] = "0";
      i -= 1;
    } else {
      chars[i] = String(Number(chars[i]) + 1);
      return chars.join("");
    }
  }
  return "1" + chars.join("");
}

/**
 * Fixed-point text rounded half-up. Works on the shortest 15-significant-digit form of the number,
 * so binary noise (1.005 stored as 1.00499999…) does not decide the rounding.
 */
export function toFixedHalfUp(value: number, decimals: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const places = Math.max(0, Math.min(10, Math.trunc(decimals)));
  const negative = value < 0;
  const precise = Math.abs(value).toPrecision(15);
  let text: string;
  if (precise.includes("e")) {
    // Beyond 1e21 or below 1e-6: too large or too small for the decimals shown here to be ambiguous.
    text = Math.abs(value).toFixed(places);
  } else {
    const [integerPart = "0", fractionPart = ""] = precise.split(".");
    // Not padEnd: ES2017, newer than the custom functions' runtime on older Windows builds (ES2016).
    const fraction = fractionPart + "0".repeat(Math.max(0, places + 1 - fractionPart.length));
    let digits = integerPart + fraction.slice(0, places);
    if (fraction.charCodeAt(places) >= "5".charCodeAt(0)) digits = incrementDigits(digits);
    const integerLength = digits.length - places;
    text = places === 0 ? digits : `${digits.slice(0, integerLength) || "0"}.${digits.slice(integerLength)}`;
    text = text.replace(/^0+(?=\d)/, "");
  }
  const isZero = /^[0.]*$/.test(text);
  return negative && !isZero ? `-${text}` : text;
}

/** Drops trailing fractional zeros: "13.0" → "13", "1.20" → "1.2". */
export function trimZeros(fixed: string): string {
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}

/** A number as the bulletin prints it: rounded half-up to `decimals`, trailing zeros dropped, no grouping. */
export function formatNumber(value: number, decimals: number): string {
  return trimZeros(toFixedHalfUp(value, decimals));
}

/** A ratio as a percentage figure without the sign: 0.924 → "92.4". */
export function percentFigure(ratio: number, decimals: number): string {
  return formatNumber(ratio * 100, decimals);
}

/** A ratio as a percentage: 0.924 → "92.4%", 1.05 → "105%". */
export function formatPercent(ratio: number, decimals: number): string {
  return `${percentFigure(ratio, decimals)}%`;
}

/** The value that display rounding yields, e.g. to tell 持平 from a real change. */
export function roundHalfUp(value: number, decimals: number): number {
  return Number(toFixedHalfUp(value, decimals));
}

export const defaultDecimals = { amount: 2, percent: 1 } as const;
