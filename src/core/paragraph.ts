/** Joining row phrases into a 主要指标 paragraph with the conventional punctuation. */
import type { SentenceEnd } from "./layout";

const punctuation = /^[，；。、,;.\s]+|[，；。、,;.\s]+$/g;
const ordinals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

/** （一）…（十五）: the section numbering of official documents. */
export function sectionOrdinal(index: number): string {
  return `（${ordinals[index] ?? String(index + 1)}）`;
}

/** Strength of sentence punctuation: a run of several keeps only the strongest. */
const strength: Readonly<Record<string, number>> = { "、": 1, "，": 2, "；": 3, "。": 4 };

/** Collapses runs like "，，" or "，。" that staff text or values can produce into one mark. */
function tidyPunctuation(text: string): string {
  return text.replace(/[，；。、]{2,}/g, (run) =>
    [...run].reduce((best, mark) => (strength[mark]! > strength[best]! ? mark : best)),
  );
}

export interface Phrase {
  text: string;
  end: SentenceEnd;
}

/**
 * Each phrase followed by its row's 句末, the last by 。. Punctuation a template carries at either
 * end is dropped first, so the joins never double it.
 */
export function joinPhrases(phrases: readonly Phrase[]): string {
  const texts = phrases.map((phrase) => ({
    text: tidyPunctuation(phrase.text).replace(punctuation, ""),
    end: phrase.end,
  }));
  const kept = texts.filter((phrase) => phrase.text !== "");
  return kept.map((phrase, i) => phrase.text + (i === kept.length - 1 ? "。" : phrase.end)).join("");
}

export function indicatorParagraph(index: number, title: string, phrases: readonly Phrase[]): string {
  return `${sectionOrdinal(index)}${title}。${joinPhrases(phrases)}`;
}
