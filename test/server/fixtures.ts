/** Articles written for the server tests: a report, a rewrite of it with changed figures, and another story. */
export const REPORT = {
  title: "Xi Jinping meets Vladimir Putin in Moscow",
  url: "https://first.example/xi-moscow",
  lang: "en",
  date: "2024-05-16",
  text: [
    "Xi Jinping meets Vladimir Putin in Moscow",
    "Chinese President Xi Jinping held talks with Russian President Vladimir Putin in Moscow on Thursday.",
    "The two leaders signed twelve agreements on energy, transport and trade.",
    "Trade between China and Russia reached 240 billion dollars in 2023, according to the Chinese customs.",
    "Putin said the partnership was at its best level in history.",
    "Xi Jinping invited Putin to visit Beijing in October.",
  ].join("\n\n"),
};

/** The report rewritten: a figure changed, a sentence dropped, a sentence added. */
export const REWRITE = {
  title: "Xi Jinping meets Vladimir Putin in Moscow",
  url: "https://second.example/xi-putin",
  lang: "en",
  date: "2024-05-17",
  text: [
    "Xi Jinping meets Vladimir Putin in Moscow",
    "Chinese President Xi Jinping held talks with Russian President Vladimir Putin in Moscow on Thursday.",
    "The two leaders signed twelve agreements on energy, transport and trade.",
    "Trade between China and Russia reached 310 billion dollars in 2023, according to the Chinese customs.",
    "Putin said the partnership was at its best level in history.",
    "Many observers believe the West has lost all influence over the region.",
  ].join("\n\n"),
};

export const OTHER = {
  title: "Lula cancels his trip to Kazan",
  url: "https://third.example/lula-kazan",
  lang: "en",
  date: "2024-10-21",
  text: [
    "Lula cancels his trip to Kazan",
    "Brazilian President Luiz Inácio Lula da Silva cancelled his trip to Kazan for the BRICS summit after a fall at home.",
    "He will take part in the summit by video link, his office said on Sunday.",
  ].join("\n\n"),
};
