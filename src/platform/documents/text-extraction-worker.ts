import { parentPort, workerData } from 'node:worker_threads';
import { type ExtractionLimits, extractTextInThisThread } from './text-extraction.ts';

/** The worker thread of `extractText` (text-extraction.ts): reads one document and posts its text. */
const { bytes, mediaType, limits } = workerData as {
  bytes: Uint8Array;
  mediaType: string;
  limits: ExtractionLimits;
};
parentPort?.postMessage(await extractTextInThisThread(bytes, mediaType, limits));
