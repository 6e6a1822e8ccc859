/** Helpers of the QTI tests: `xmllint --noout` (libxml2, /usr/bin/xmllint) and a namespace-aware XML tree (saxes) to check structure. */
import { execFileSync } from 'node:child_process';
import { SaxesParser, type SaxesTagNS } from 'saxes';

/** Runs `xmllint --noout` on files (throws with its output when one is not well-formed). */
export function xmllint(paths: readonly string[]): void {
  for (let k = 0; k < paths.length; k += 200) execFileSync('/usr/bin/xmllint', ['--noout', '--nonet', ...paths.slice(k, k + 200)], { stdio: 'pipe' });
}

export interface XmlNode {
  readonly uri: string;
  readonly local: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
  text: string;
}

/** A namespace-aware tree of an XML document (attributes by qualified name). */
export function parseTree(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  parser.on('opentag', (tag: SaxesTagNS) => {
    const node: XmlNode = { uri: tag.uri, local: tag.local, attrs: Object.fromEntries(Object.entries(tag.attributes).map(([k, a]) => [k, a.value])), children: [], text: '' };
    stack.at(-1)?.children.push(node);
    root ??= node;
    stack.push(node);
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root!;
}

/** Descendants with this local name (depth first). */
export function find(node: XmlNode, local: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.local === local) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

/** Runs `xmllint --noout` on XML text given on stdin (throws with its output when not well-formed). */
export function xmllintText(xml: string): void {
  execFileSync('/usr/bin/xmllint', ['--noout', '--nonet', '-'], { input: xml, stdio: 'pipe' });
}

/** The single child with this local name (throws when there is not exactly one). */
export function only(node: XmlNode, local: string): XmlNode {
  const found = node.children.filter((c) => c.local === local);
  if (found.length !== 1) throw new Error(`${node.local} has ${String(found.length)} ${local}`);
  return found[0]!;
}
