/**
 * The shapes of a fuzz case, as fast-check arbitraries over the mutations of mutate.ts, and how each
 * becomes the reader's input: one file (bytes, or its text), a ZIP package (its entries, or its bytes),
 * or a set of files (a package folder, a signed submission: mutate one or more files, drop one, add one).
 */
import fc from 'fast-check';
import type { RawEntry } from '../../fixtures/hostile/zip-writer.js';
import { applyByteOps, applyTextOps, byteOps, bytesOfText, jsonOp, mutateJson, mutateZip, textOps, utf8, zipOp, type ByteOp, type JsonOp, type TextOp, type ZipOp } from './mutate.js';
import type { FuzzInput } from './verdict.js';

const variant = fc.nat(999);

/** One file named `input`: the input of the single-file targets. */
export const singleFile = (bytes: Uint8Array): FuzzInput => ({ files: [['input', bytes]], variant: 0 });

export interface BlobCase {
  readonly seed: number;
  readonly text: readonly TextOp[];
  readonly bytes: readonly ByteOp[];
  readonly variant: number;
}

/**
 * One file: byte mutations (any seed) or, with tokens, text mutations of the seeds listed in
 * `textSeeds` (all by default), alone or followed by a few byte mutations.
 */
export function blobCases(seedCount: number, tokens?: readonly string[], textSeeds?: readonly number[]): fc.Arbitrary<BlobCase> {
  const bytesOnly = fc.record({ seed: fc.nat(seedCount - 1), text: fc.constant([]), bytes: byteOps(), variant });
  if (!tokens) return bytesOnly;
  const seed = textSeeds ? fc.constantFrom(...textSeeds) : fc.nat(seedCount - 1);
  return fc.oneof(
    { weight: 1, arbitrary: bytesOnly },
    { weight: 3, arbitrary: fc.record({ seed, text: textOps(tokens), bytes: fc.constant([]), variant }) },
    { weight: 1, arbitrary: fc.record({ seed, text: textOps(tokens, 2), bytes: byteOps(2), variant }) },
  );
}

/** The mutated file; `latin1` keeps every byte of a binary format (a PDF) through the text mutations. */
export function buildBlob(seeds: readonly Uint8Array[], c: BlobCase, encoding: 'utf8' | 'latin1' = 'utf8', name = 'input'): FuzzInput {
  const seed = seeds[c.seed] as Uint8Array;
  const text = c.text.length > 0 ? new Uint8Array(Buffer.from(applyTextOps(Buffer.from(seed).toString(encoding), c.text), encoding)) : seed;
  return { files: [[name, applyByteOps(text, c.bytes)]], variant: c.variant };
}

export interface ZipCase {
  readonly seed: number;
  readonly zip: readonly ZipOp[];
  readonly bytes: readonly ByteOp[];
  readonly variant: number;
}

/** A package: mostly structure-aware (entries mutated and zipped again), sometimes its raw bytes. */
export function zipCases(seedCount: number, tokens: readonly string[]): fc.Arbitrary<ZipCase> {
  const seed = fc.nat(seedCount - 1);
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ seed, zip: fc.array(zipOp(tokens), { minLength: 1, maxLength: 4 }), bytes: fc.constant([]), variant }) },
    { weight: 1, arbitrary: fc.record({ seed, zip: fc.constant([]), bytes: byteOps(), variant }) },
    { weight: 1, arbitrary: fc.record({ seed, zip: fc.array(zipOp(tokens), { minLength: 1, maxLength: 2 }), bytes: byteOps(1), variant }) },
  );
}

export interface ZipSeed {
  readonly bytes: Uint8Array;
  readonly entries: readonly RawEntry[];
}

export function buildZip(seeds: readonly ZipSeed[], c: ZipCase): FuzzInput {
  const seed = seeds[c.seed] as ZipSeed;
  const zipped = c.zip.length > 0 ? mutateZip(seed.entries, c.zip) : seed.bytes;
  return { files: [['input', applyByteOps(zipped, c.bytes)]], variant: c.variant };
}

export type SetOp =
  | { readonly how: 'bytes'; readonly file: number; readonly ops: readonly ByteOp[] }
  | { readonly how: 'text'; readonly file: number; readonly ops: readonly TextOp[] }
  | { readonly how: 'json'; readonly file: number; readonly ops: readonly JsonOp[] }
  | { readonly how: 'drop'; readonly file: number }
  | { readonly how: 'copy'; readonly file: number; readonly name: string };

export interface SetCase {
  readonly ops: readonly SetOp[];
  readonly variant: number;
}

/**
 * A set of files. `focus` lists file indexes chosen more often (the signature, the manifest); `names`
 * are names a copied file may take (a second signature, a file in a folder the manifest does not list).
 */
export function setCases(fileCount: number, tokens: readonly string[], names: readonly string[], focus: readonly number[] = []): fc.Arbitrary<SetCase> {
  const file = focus.length === 0 ? fc.nat(fileCount - 1) : fc.oneof(fc.nat(fileCount - 1), fc.constantFrom(...focus));
  const op: fc.Arbitrary<SetOp> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ how: fc.constant('bytes' as const), file, ops: byteOps(4) }) },
    { weight: 3, arbitrary: fc.record({ how: fc.constant('text' as const), file, ops: textOps(tokens) }) },
    { weight: 3, arbitrary: fc.record({ how: fc.constant('json' as const), file, ops: fc.array(jsonOp, { minLength: 1, maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ how: fc.constant('drop' as const), file }) },
    { weight: 1, arbitrary: fc.record({ how: fc.constant('copy' as const), file, name: fc.constantFrom(...names) }) },
  );
  return fc.record({ ops: fc.array(op, { minLength: 1, maxLength: 3 }), variant });
}

/** JSON text as the program writes it (two-space indent, final newline), or compact. */
export const jsonText = (value: unknown, compact = false): string => (compact ? JSON.stringify(value) : `${JSON.stringify(value, null, 2)}\n`);

/** Applies the operations; a JSON operation on a file that is not JSON mutates its text instead. */
export function buildSet(seed: readonly (readonly [string, Uint8Array])[], c: SetCase): FuzzInput {
  const files = seed.map(([n, b]) => [n, b] as [string, Uint8Array]);
  for (const o of c.ops) {
    if (files.length === 0) break;
    const k = o.file % files.length;
    const [name, bytes] = files[k] as [string, Uint8Array];
    switch (o.how) {
      case 'bytes':
        files[k] = [name, applyByteOps(bytes, o.ops)];
        break;
      case 'text':
        files[k] = [name, bytesOfText(applyTextOps(utf8(bytes), o.ops))];
        break;
      case 'json': {
        let value: unknown;
        try {
          value = JSON.parse(utf8(bytes));
        } catch {
          files[k] = [name, bytesOfText(applyTextOps(utf8(bytes), [{ op: 'insert', at: o.ops.length, token: '{' }]))];
          break;
        }
        files[k] = [name, bytesOfText(jsonText(mutateJson(value, o.ops), c.variant % 2 === 1))];
        break;
      }
      case 'drop':
        files.splice(k, 1);
        break;
      case 'copy':
        if (!files.some(([n]) => n === o.name)) files.push([o.name, bytes]);
        break;
    }
  }
  return { files, variant: c.variant };
}
