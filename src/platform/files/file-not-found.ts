/**
 * A SHA-256 the store does not hold (or a malformed one): the caller answers 404 or reports the gap. In a file
 * of its own, without the store's database code, so that what serves files (platform/uploads) can recognise
 * it and still be unit-tested without a database.
 */
export class FileNotFoundError extends Error {
  readonly sha256: string;
  constructor(sha256: string) {
    super(`The file store holds no file ${sha256.slice(0, 80)}`);
    this.name = 'FileNotFoundError';
    this.sha256 = sha256;
  }
}
