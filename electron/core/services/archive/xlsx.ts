// A streaming XLSX writer for the archive's tickets.xlsx: each sheet's XML is produced row by row
// and deflated straight into the workbook's zip, so memory stays flat at any size. It writes what
// the archive needs and nothing else: inline strings (no shared-string table to hold in memory),
// numbers, column widths, two frozen header rows. exceljs' WorkbookWriter did the same job at a
// tenth of the speed (an object per cell, an XML builder per row) and stamped the current time
// into the zip; here the bytes depend on the rows only, so a regenerated month is byte-identical.
// SpreadsheetML reference: ECMA-376 Part 1, §18 (worksheet, sheetData, pane) and §12.3 (parts).
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { ZipWriter, type ZipEntrySink } from './zip';

export type XlsxCell = string | number | null;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

// Characters XML 1.0 does not allow at all (a control character in a note would make the file
// unreadable), and the two that element text must escape. Most cells have none: one test, no copy.
// eslint-disable-next-line no-control-regex -- these are exactly the characters to find
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex -- as above
const NEEDS_WORK = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ESCAPE = /[&<>"]/g;
const TEXT_ESCAPE = /[&<>]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Element text (quotes need no escaping there). */
export function xmlText(s: string): string {
  return NEEDS_WORK.test(s) ? s.replace(INVALID_XML, '').replace(TEXT_ESCAPE, (c) => ENTITY[c]!) : s;
}

/** An attribute value in double quotes. */
export function xmlAttr(s: string): string {
  return s.replace(INVALID_XML, '').replace(ESCAPE, (c) => ENTITY[c]!);
}

const isXmlSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** One text cell at `ref` ("B3"), as an inline string. */
export function textCellXml(ref: string, s: string): string {
  // Leading or trailing white space and line breaks survive only with xml:space="preserve".
  const keep = isXmlSpace(s.charCodeAt(0)) || isXmlSpace(s.charCodeAt(s.length - 1)) || s.includes('\n');
  return `<c r="${ref}" t="inlineStr"><is><t${keep ? ' xml:space="preserve"' : ''}>${xmlText(s)}</t></is></c>`;
}

/** One number cell at `ref`. */
export function numberCellXml(ref: string, n: number): string {
  return `<c r="${ref}"><v>${n}</v></c>`;
}

/** A, B, … Z, AA, AB, … */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export interface XlsxSheetSpec {
  name: string;
  /** Column widths in characters. */
  widths: number[];
  /** Rows kept in view while scrolling (the header rows). */
  frozenRows: number;
}

export interface XlsxWriterOptions {
  creator: string;
  /** Stored as the workbook's creation and modification date: fixed, so the bytes are too. */
  created: Date;
}

export class XlsxWriter {
  private readonly fd: number;
  private readonly zip: ZipWriter;
  private readonly sheets: string[] = [];
  private sheet: ZipEntrySink | null = null;
  private letters: string[] = [];
  private rowNumber = 0;
  private text = '';

  constructor(
    private readonly path: string,
    private readonly options: XlsxWriterOptions,
  ) {
    this.fd = openSync(path, 'w');
    this.zip = new ZipWriter(this.fd);
  }

  async beginSheet(spec: XlsxSheetSpec): Promise<void> {
    if (this.sheet) throw new Error('The previous sheet is still open.');
    this.sheets.push(spec.name.slice(0, 31));
    this.sheet = this.zip.entry(`xl/worksheets/sheet${this.sheets.length}.xml`);
    this.letters = spec.widths.map((_, i) => columnLetters(i));
    this.rowNumber = 0;
    const pane =
      spec.frozenRows > 0
        ? `<pane ySplit="${spec.frozenRows}" topLeftCell="A${spec.frozenRows + 1}" activePane="bottomLeft" state="frozen"/>`
        : '';
    const cols = spec.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
    this.text =
      `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      `<sheetViews><sheetView workbookViewId="0"${this.sheets.length === 1 ? ' tabSelected="1"' : ''}>${pane}</sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`;
  }

  /** The next row's number (1-based), for the cell references of putRow. */
  nextRow(): number {
    return ++this.rowNumber;
  }

  /** The column letters of the open sheet ("A", "B", …). */
  columns(): readonly string[] {
    return this.letters;
  }

  /** A row whose cells the caller made (textCellXml, numberCellXml) for the number nextRow() gave. */
  putRow(r: number, cellsXml: string): void {
    this.text += `<row r="${r}">${cellsXml}</row>`;
  }

  /** One row: text as inline strings, numbers as numbers, null as an empty cell. */
  row(cells: readonly XlsxCell[]): void {
    const r = this.nextRow();
    let xml = '';
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      if (v === null || v === undefined || v === '') continue;
      const ref = `${this.letters[i] ?? columnLetters(i)}${r}`;
      xml += typeof v === 'number' && Number.isFinite(v) ? numberCellXml(ref, v) : textCellXml(ref, String(v));
    }
    this.putRow(r, xml);
  }

  /** Hands what the rows so far made to the deflater; call every few thousand rows. */
  async flush(): Promise<void> {
    if (!this.sheet || this.text.length === 0) return;
    const t = this.text;
    this.text = '';
    await this.sheet.write(t);
  }

  async endSheet(): Promise<void> {
    if (!this.sheet) return;
    this.text += '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
    await this.flush();
    await this.sheet.end();
    this.sheet = null;
  }

  /** Writes the workbook's parts and the zip's directory, and fsyncs the file. */
  async finish(): Promise<void> {
    await this.endSheet();
    const n = this.sheets.length;
    const range = Array.from({ length: n }, (_, i) => i + 1);
    const when = this.options.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const parts: [string, string][] = [
      [
        '[Content_Types].xml',
        `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          range.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
          '</Types>',
      ],
      [
        '_rels/.rels',
        `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
          '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
          '</Relationships>',
      ],
      [
        'docProps/app.xml',
        `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${xmlText(this.options.creator)}</Application></Properties>`,
      ],
      [
        'docProps/core.xml',
        `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
          `<dc:creator>${xmlText(this.options.creator)}</dc:creator><cp:lastModifiedBy>${xmlText(this.options.creator)}</cp:lastModifiedBy>` +
          `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
          '</cp:coreProperties>',
      ],
      [
        'xl/workbook.xml',
        `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>` +
          range.map((i) => `<sheet name="${xmlAttr(this.sheets[i - 1]!)}" sheetId="${i}" r:id="rId${i}"/>`).join('') +
          '</sheets></workbook>',
      ],
      [
        'xl/_rels/workbook.xml.rels',
        `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          range.map((i) => `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('') +
          `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
          '</Relationships>',
      ],
      [
        'xl/styles.xml',
        `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
          '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
          '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
          '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
          '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
          '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
          '</styleSheet>',
      ],
    ];
    for (const [name, xml] of parts) {
      const e = this.zip.entry(name);
      await e.write(xml);
      await e.end();
    }
    this.zip.finish();
    fsyncSync(this.fd);
    closeSync(this.fd);
  }

  /** Gives up: the file is closed as it is (the caller removes the run's temp folder). */
  abandon(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}
