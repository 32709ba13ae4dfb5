import { parseHTML } from "linkedom";

/** Elements that end a paragraph: their text never runs into the text around them. */
const BLOCKS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "DD",
  "DETAILS",
  "DIV",
  "DL",
  "DT",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "SUMMARY",
  "TABLE",
  "TD",
  "TH",
  "TR",
  "UL",
]);
/** Elements whose content is never reading text. */
const SKIPPED = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "SVG",
  "IFRAME",
  "OBJECT",
  "BUTTON",
  "SELECT",
]);

interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

/**
 * The text of a DOM subtree with one paragraph per block element, blank lines between paragraphs
 * (sentence segmentation relies on them) and a `<br>` as a line break; inline whitespace collapses.
 */
export function blocksToText(root: DomNode): string {
  const paragraphs: string[] = [];
  let line = "";
  let lines: string[] = [];
  const endLine = () => {
    const text = line.replace(/\s+/g, " ").trim();
    if (text) lines.push(text);
    line = "";
  };
  const endParagraph = () => {
    endLine();
    if (lines.length > 0) paragraphs.push(lines.join("\n"));
    lines = [];
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      line += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    if (name === "BR") return endLine();
    const block = BLOCKS.has(name);
    if (block) endParagraph();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i] as DomNode);
    if (block) endParagraph();
  };
  walk(root);
  endParagraph();
  return paragraphs.join("\n\n");
}

/** The text of an HTML fragment (a feed item's description, an article's content), paragraphs kept. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html))
    return html
      .replace(/[ \t]+/g, " ")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return blocksToText(document.body as unknown as DomNode);
}
