/**
 * Namespace-aware SAX parsing of one XML part with saxes (XML 1.0 + Namespaces): the part has already
 * been scanned (xml-guard.ts: bounded, no DTD), saxes itself never resolves external entities; its error
 * becomes a ReaderError with a Chinese message.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ReaderError } from '../errors.js';

export interface SaxHandlers {
  readonly open: (tag: SaxesTagNS) => void;
  readonly close?: (tag: SaxesTagNS) => void;
  readonly text?: (text: string) => void;
}

/** Parses `xml`; a syntax error is thrown as ReaderError(`message(detail)`). */
export function parseXml(xml: string, handlers: SaxHandlers, message: (detail: string) => string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', handlers.open);
  if (handlers.close) parser.on('closetag', handlers.close);
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  parser.on('doctype', () => {
    throw new ReaderError(message('DOCTYPE'));
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof ReaderError) throw e;
    throw new ReaderError(message((e instanceof Error ? e.message : String(e)).split('\n')[0] ?? ''));
  }
}

/** The value of the attribute with this local name and namespace ('' for none). */
export function attr(tag: SaxesTagNS, local: string, uri = ''): string | undefined {
  return Object.values(tag.attributes).find((a) => a.local === local && a.uri === uri)?.value;
}

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
