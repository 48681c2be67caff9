/** Joining row phrases into a 主要指标 paragraph with the conventional punctuation. */
import type { SentenceEnd } from "../spec/layout";

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

/** Phrases joined into one string at a time: their own strings can then go while the paragraph grows. */
const blockSize = 256;

/**
 * Joins phrases as they come: each followed by its row's 句末, the last by 。. Punctuation a template
 * carries at either end is dropped first, so the joins never double it. Only the joined text is kept,
 * not the phrases, which matters on sheets of thousands of rows.
 */
export class PhraseJoiner {
  private joined = "";
  private readonly parts: string[] = [];
  /** The 句末 owed to the last phrase if another one follows; null before the first. */
  private end: SentenceEnd | null = null;

  /** Adds a phrase; false when it holds nothing but punctuation and space, so it adds nothing. */
  add(phrase: Phrase): boolean {
    const text = tidyPunctuation(phrase.text).replace(punctuation, "");
    if (text === "") return false;
    if (this.end !== null) this.parts.push(this.end);
    this.parts.push(text);
    this.end = phrase.end;
    if (this.parts.length >= blockSize) {
      this.joined += this.parts.join("");
      this.parts.length = 0;
    }
    return true;
  }

  text(): string {
    return this.end === null ? "" : `${this.joined}${this.parts.join("")}。`;
  }
}

export function joinPhrases(phrases: readonly Phrase[]): string {
  const joiner = new PhraseJoiner();
  for (const phrase of phrases) joiner.add(phrase);
  return joiner.text();
}

/** A 主要指标 paragraph: its numbered title, then `text`, the joined phrases. */
export function indicatorParagraph(index: number, title: string, text: string): string {
  return `${sectionOrdinal(index)}${title}。${text}`;
}
