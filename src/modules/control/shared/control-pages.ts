import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { Type } from 'typebox';
import { sendStaffPage, staffHomeCrumb } from '../../../platform/auth/staff-pages.ts';
import { pageOfRows, pageWindow } from '../../../platform/db/paging.ts';
import type { FileStore } from '../../../platform/files/file-store.ts';
import { type ServedFile, sendStoredFile } from '../../../platform/uploads/download-headers.ts';
import type { FormProblems } from '../../../platform/web/components/form-problems.ts';
import type { Breadcrumb } from '../../../platform/web/layout.tsx';

/**
 * What the staff pages of management control share: the page frame below the staff home, the version a form
 * was made from, a page of a list read whole, and serving an evidence file. The forms themselves: control-forms.ts.
 */

/** A list's page in the query string (`pageNumberOf` reads it: anything else is page 1). */
export const PagedQuery = Type.Object({ page: Type.Optional(Type.String({ maxLength: 10 })) });

/**
 * One page of a list the route has whole (a year's units, a year's reports: a few dozen rows, each built from
 * several reads), cut as `pageOfRows` cuts a database read.
 */
export function pageOfList<Row>(
  list: readonly Row[],
  page: number,
  pageSize: number,
): { page: number; rows: Row[]; hasNextPage: boolean } {
  const window = pageWindow(page, pageSize);
  return { page, ...pageOfRows(list.slice(window.offset, window.offset + window.limit), window) };
}

/** The version a form was made from (its hidden `version` field); null when it is not a number. */
export function formVersion(typed: string): number | null {
  return /^[0-9]{1,9}$/.test(typed) ? Number(typed) : null;
}

/** A staff page below the staff home: its title shows 「錯誤：」 while the page lists problems. */
export function sendControlPage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    title: string;
    body: ComponentChildren;
    /** The breadcrumbs after the staff home's. */
    crumbs?: readonly Breadcrumb[];
    problems?: FormProblems;
    status?: number;
  },
): FastifyReply {
  return sendStaffPage(request, reply, {
    title: options.title,
    body: options.body,
    breadcrumbs: [staffHomeCrumb(request.lang), ...(options.crumbs ?? [])],
    status: options.status ?? 200,
    hasError: options.problems?.hasAny ?? false,
  });
}

/**
 * An evidence file as stored: sniffed by readMultipartForm when it arrived, so its type is an accepted one;
 * streamed from the file store (or from its row, for one the start-up move has not reached yet).
 */
export function sendEvidenceFile(
  reply: FastifyReply,
  files: FileStore,
  file: ServedFile,
): Promise<FastifyReply> {
  return sendStoredFile(reply, files, file);
}
