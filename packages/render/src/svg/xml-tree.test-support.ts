import { SaxesParser } from 'saxes';

/** A parsed XML element, for tests: saxes throws on anything not well-formed. */
export interface XmlNode {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlNode[];
  text: string;
}

export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser();
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  parser.on('opentag', (tag) => {
    const node: XmlNode = {
      name: tag.name,
      attributes: { ...(tag.attributes as Record<string, string>) },
      children: [],
      text: '',
    };
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  });
  parser.on('text', (t) => {
    for (const node of stack) node.text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
  return root.children[0]!;
}

/** Every element below `node` (itself included) matching `test`, in document order. */
export function findAll(node: XmlNode, test: (n: XmlNode) => boolean): XmlNode[] {
  return [...(test(node) ? [node] : []), ...node.children.flatMap((c) => findAll(c, test))];
}

/** The text of each <text> element, its lines joined by spaces. */
export const texts = (node: XmlNode): string[] =>
  findAll(node, (n) => n.name === 'text').map((t) =>
    t.children.length > 0 ? t.children.map((c) => c.text).join(' ') : t.text,
  );
