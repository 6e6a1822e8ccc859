/**
 * What the printed disc label and cover sheet of a package say (规程第十二条: storage only on marked
 * discs): the mark, what the disc holds, the image's SHA-256, when and by whom it was written, for
 * whom it is encrypted, and the 存档 register entry it belongs to.
 */
export interface DiscLabelData {
  readonly mark: string;
  readonly kindName: string;
  readonly label: string;
  readonly packageId: string;
  readonly imageName: string;
  readonly imageSha256: string;
  readonly imageBytes: number;
  readonly writtenAt: string;
  readonly writtenBy: string;
  readonly workstationId: string;
  readonly recipients: readonly string[];
  readonly register: string;
  readonly anchor: string;
  readonly verified: boolean;
  /** The files inside (path, size, SHA-256 of the plaintext). */
  readonly files: readonly { readonly path: string; readonly bytes: number; readonly sha256: string }[];
}
