/**
 * CSV for staff exports (RFC 4180), one way: a UTF-8 byte-order mark first (Excel in Taiwan reads UTF-8
 * without one as Big5 and garbles the Chinese), CRLF line ends, a field quoted when it holds a comma, a
 * quote or a line break, and a field a spreadsheet would run as a formula (starting with = + - @, a tab or
 * a carriage return) defused with a leading apostrophe — plain negative numbers aside. Pure.
 */

/** The UTF-8 byte-order mark, written once at the start of a file. */
export const csvByteOrderMark = '\uFEFF';

/** One field. */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record, CRLF included. */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/**
 * Reads CSV text (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF) into
 * records, each with the line it starts on (counting from 1). A byte-order mark is dropped. A quote left
 * open at the end is reported with the line where its field began.
 */
export function parseCsv(
  input: string,
): { ok: true; records: { line: number; cells: string[] }[] } | { ok: false; line: number } {
  const text = input.startsWith(csvByteOrderMark) ? input.slice(1) : input;
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quotedFrom: number | null = null;
  let index = 0;
  const endRecord = () => {
    cells.push(cell);
    // A line holding nothing at all (a blank line, the file's last line end) is no record.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  while (index < text.length) {
    const char = text[index] as string;
    if (quotedFrom !== null) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          cell += '"';
          index += 2;
          continue;
        }
        quotedFrom = null;
        index += 1;
        continue;
      }
      if (char === '\n') line += 1;
      cell += char;
      index += 1;
      continue;
    }
    if (char === '"' && cell === '') {
      quotedFrom = line;
      index += 1;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
      index += 1;
    } else if (char === '\r' || char === '\n') {
      endRecord();
      index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
    } else {
      cell += char;
      index += 1;
    }
  }
  if (quotedFrom !== null) return { ok: false, line: quotedFrom };
  if (cell !== '' || cells.length > 0) endRecord();
  return { ok: true, records };
}
