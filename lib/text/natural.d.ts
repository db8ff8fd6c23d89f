// Types for the few deep `natural` modules we import. The package only ships types for its
// folder indexes, and those indexes load every language; the index of the whole package even
// pulls database clients and dotenv, so we never import it.
declare module "natural/lib/natural/stemmers/porter_stemmer" {
  const PorterStemmer: { stem(token: string): string };
  export = PorterStemmer;
}

declare module "natural/lib/natural/util/stopwords" {
  export const words: string[];
}

declare module "natural/lib/natural/sentiment/SentimentAnalyzer" {
  class SentimentAnalyzer {
    constructor(
      language: "English",
      stemmer: { stem(token: string): string } | undefined,
      type: "afinn" | "senticon" | "pattern",
    );
    getSentiment(words: string[]): number;
  }
  export = SentimentAnalyzer;
}
