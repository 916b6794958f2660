/** Numbered footnotes: the same text always gets the same number, in the order first met. */
export class Footnotes {
  private readonly numbers = new Map<string, number>();

  number(text: string): number {
    if (!this.numbers.has(text)) this.numbers.set(text, this.numbers.size + 1);
    return this.numbers.get(text)!;
  }

  list(): [number, string][] {
    return [...this.numbers].map(([text, number]) => [number, text]);
  }
}
