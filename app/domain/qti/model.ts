/**
 * The QTI 2.1 exchange of theory items, as the rest of the program sees it: the namespaces and fixed
 * values of IMS QTI 2.1 (assessmentItem, §2 of the Information Model; resource type
 * `imsqti_item_xmlv2p1` of the Integration Guide) and IMS Content Packaging 1.1 (imsmanifest.xml), the
 * `qbank:` metadata extension, and the neutral shape a reader hands over of one item it parsed — what
 * app/domain/qti/map-item.ts turns back into a theory item draft. Pure data, no I/O.
 */

export const QTI_NS = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
/** QTI 2.0 and 2.2 items share the parts we map (choiceInteraction, responseDeclaration). */
export const QTI_ITEM_NAMESPACES: ReadonlySet<string> = new Set([
  'http://www.imsglobal.org/xsd/imsqti_v2p0',
  QTI_NS,
  'http://www.imsglobal.org/xsd/imsqti_v2p2',
]);
export const QTI_SCHEMA_LOCATION = `${QTI_NS} http://www.imsglobal.org/xsd/imsqti_v2p1.xsd`;
export const CP_NS = 'http://www.imsglobal.org/xsd/imscp_v1p1';
export const CP_SCHEMA_LOCATION = `${CP_NS} http://www.imsglobal.org/xsd/imscp_v1p1.xsd`;
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
/** Our own metadata of a resource: 鉴定点, 难度, type, version, statistics. */
export const QBANK_META_NS = 'urn:qbank:qti-metadata:1';
export const QTI_ITEM_RESOURCE = 'imsqti_item_xmlv2p1';
/** Item resource types we read (QTI 2.0–2.2). */
export const QTI_ITEM_RESOURCE_TYPES: ReadonlySet<string> = new Set(['imsqti_item_xmlv2p0', QTI_ITEM_RESOURCE, 'imsqti_item_xmlv2p2']);
export const MATCH_CORRECT = 'http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct';
/** The 判断题 choices: `T` 正确, `F` 错误. */
export const TRUE_ID = 'T';
export const FALSE_ID = 'F';
export const MANIFEST_FILE = 'imsmanifest.xml';
export const IMAGE_FOLDER = 'images';

/** Pooled statistics of an item (通过率 p, respondents n, discrimination), when the caller has them. */
export interface QtiItemStatistics {
  readonly p: number;
  readonly n: number;
  readonly discrimination: number | null;
}

/** The `qbank:` metadata of one item resource (all optional: a foreign package has none). */
export interface QtiResourceMeta {
  readonly element?: string;
  readonly difficulty?: number;
  readonly type?: string;
  readonly itemId?: number;
  readonly version?: number;
  readonly statistics?: QtiItemStatistics;
}

/** One `simpleChoice` as read: identifier, text (line breaks as `\n`), and whether it holds anything but text. */
export interface QtiChoice {
  readonly identifier: string;
  readonly text: string;
  readonly hasMedia: boolean;
}

export interface QtiResponseDeclaration {
  readonly identifier: string;
  readonly cardinality: string;
  readonly baseType: string;
  /** The `correctResponse` values; undefined when there is none. */
  readonly correct: readonly string[] | undefined;
}

/** An image of the stem: its `src` as written and, when it lies inside the package, its resolved path. */
export interface QtiImageRef {
  readonly src: string;
  readonly path?: string;
}

/** One assessmentItem as a reader parsed it (namespace-aware, nothing interpreted yet). */
export interface QtiItemContent {
  readonly identifier: string;
  readonly title: string;
  /** The stem: text of the itemBody's blocks and of the interaction's prompt, line breaks as `\n`. */
  readonly stem: string;
  readonly images: readonly QtiImageRef[];
  /** Local names of every `…Interaction` element in the body, in document order. */
  readonly interactions: readonly string[];
  readonly choiceInteraction?: { readonly responseIdentifier: string; readonly choices: readonly QtiChoice[] };
  readonly responses: readonly QtiResponseDeclaration[];
  /** The response processing: absent, a template (URI) or written out in the item. */
  readonly responseProcessing: { readonly template?: string } | undefined;
  /** Text of `rubricBlock`s for scorers/tutors (our export puts the 解析 there). */
  readonly explanation: string;
  /** Elements of the body we cannot carry over (`object`, `math`, `table` …), local names. */
  readonly unsupported: readonly string[];
}

/** How an image of the stem was resolved for import: its content hash, or why it cannot be used. */
export type QtiImageLookup = (path: string) => { readonly sha256: string } | { readonly problem: string } | undefined;
