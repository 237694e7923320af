#!/usr/bin/env python3
"""Writes the fuzz seed corpora, deterministically, from the test fixtures:

Fuzz/corpus/csv/   small real CSV returns (the first rows of every conformance set and of the SACE
                   fixture) and hand-made edge cases (BOM, CRLF/CR line ends, quoted fields with
                   doubled quotes and line breaks, blank lines, unterminated quotes, NUL bytes, bad
                   values, unknown and duplicate columns, duplicate serials, formula-like free text).
Fuzz/corpus/xlsx/  the small workbooks of Tests/Fixtures/xlsx and Tests/Fixtures/sace (not the zip
                   bomb: over -max_len), a miniature of conformance return-716.xlsx in the official
                   layout (Sign Off Sheet, Eligible Population, Service User Data with its header,
                   three data rows (one non-respondent, two respondents) and two formula-only template rows; formulas shortened), and
                   *stored* (uncompressed) copies of the workbooks, so that byte mutations reach
                   the XML readers (the fuzz target also re-runs each input with the CRCs of stored
                   entries corrected).
usage: python3 Fuzz/make-seeds.py   (from any directory; needs only the standard library)"""
import io, os, re, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIX = os.path.join(ROOT, "Tests", "Fixtures")
CSV_OUT = os.path.join(HERE, "corpus", "csv")
XLSX_OUT = os.path.join(HERE, "corpus", "xlsx")
STAMP = (2022, 1, 1, 0, 0, 0)


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def head(path, lines):
    with open(path, "rb") as f:
        return b"".join(f.readline() for _ in range(lines))


# ---------------------------------------------------------------- CSV
def csv_seeds():
    os.makedirs(CSV_OUT, exist_ok=True)
    conf = os.path.join(FIX, "conformance")
    for name, rel in [("ascs-edge", "ascs-2021-22-edge/returns.csv"),
                      ("ascs-twenty-before", "ascs-2021-22-twenty/before/returns.csv"),
                      ("ascs-twenty-after", "ascs-2021-22-twenty/after/returns.csv"),
                      ("sace-twenty", "sace-2021-22-twenty/returns.csv")]:
        write(os.path.join(CSV_OUT, name + ".csv"), head(os.path.join(conf, rel), 12))
    write(os.path.join(CSV_OUT, "sace-carers-data.csv"), head(os.path.join(FIX, "sace", "carers-data.csv"), 8))
    write(os.path.join(CSV_OUT, "ascs-2022-23-codebook-fixture.csv"), head(os.path.join(FIX, "codebooks", "ascs-2022-23-716.csv"), 6))
    write(os.path.join(CSV_OUT, "sace-2023-24-codebook-fixture.csv"), head(os.path.join(FIX, "codebooks", "sace-2023-24-614.csv"), 6))

    base = head(os.path.join(conf, "sace-2021-22-twenty/returns.csv"), 4).decode()
    lines = base.splitlines()
    header, rows = lines[0], lines[1:]
    cols = header.split(",")

    def row_with(i, **changes):
        cells = rows[i].split(",")
        for k, v in changes.items():
            cells[cols.index(k)] = v
        return ",".join(cells)

    edge = {
        "empty.csv": "",
        "header-only.csv": header + "\n",
        "header-no-newline.csv": header,
        "bom-crlf.csv": "\ufeff" + "\r\n".join(lines) + "\r\n",
        "lone-cr.csv": "\r".join(lines) + "\r",
        "blank-lines.csv": header + "\n\n" + rows[0] + "\n\n\n" + rows[1] + "\n,,,,\n" + rows[2] + "\n\n",
        "quoted.csv": header + "\n" + row_with(0, SerialNo='"C716-""00001"""', LaCode='"716"') + "\n"
                      + row_with(1, SerialNo='"C716\n00002"') + "\n" + rows[2] + "\n",
        "quote-then-junk.csv": header + "\n" + row_with(0, SerialNo='"C716-1"junk') + "\n",
        "unterminated-quote.csv": header + "\n" + rows[0] + "\n" + row_with(1, SerialNo='"C716-2') + "\n" + rows[2] + "\n",
        "bad-values.csv": header + "\n" + row_with(0, q1="abc", q2a="1.5", q3="99", Age="-4") + "\n"
                          + row_with(1, Response="7", Gender="") + "\n" + row_with(2, Response="") + "\n",
        "non-respondent-with-answers.csv": header + "\n" + row_with(0, Response="2") + "\n",
        "duplicate-serial.csv": header + "\n" + rows[0] + "\n" + rows[0] + "\n",
        "unknown-and-duplicate-columns.csv": header + ",Extra,q1\n" + "\n".join(r + ",x,3" for r in rows) + "\n",
        "missing-serial-column.csv": ",".join(c for c in cols if c != "SerialNo") + "\n"
                                     + "\n".join(",".join(v for c, v in zip(cols, r.split(",")) if c != "SerialNo") for r in rows) + "\n",
        "lowercase-spaced-header.csv": ",".join(" " + c.lower() + " " for c in cols) + "\n" + "\n".join(rows) + "\n",
        "short-and-long-rows.csv": header + "\n716,C716-9,1\n" + rows[0] + ",1,2,3,4\n",
        "nul-byte.csv": header + "\n" + rows[0] + "\0\n",
        "no-council.csv": header + "\n" + row_with(0, LaCode="") + "\n",
    }
    for name, text in edge.items():
        write(os.path.join(CSV_OUT, name), text.encode())
    # Free text and formula-like content in an ASCS file (ASCS has free-text columns in some years).
    ascs = head(os.path.join(conf, "ascs-2021-22-edge/returns.csv"), 3).decode().splitlines()
    write(os.path.join(CSV_OUT, "ascs-formula-text.csv"),
          (ascs[0] + ",Comments\n" + ascs[1] + ',"=HYPERLINK(""http://x"")"\n' + ascs[2] + ",@SUM(A1)\n").encode())


# ---------------------------------------------------------------- XLSX
def restore(src, dst_name, method):
    """Rewrites every entry of a workbook with one compression method."""
    with zipfile.ZipFile(src) as z:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as w:
            for info in z.infolist():
                zi = zipfile.ZipInfo(info.filename, STAMP)
                zi.compress_type = method
                w.writestr(zi, z.read(info.filename))
    write(os.path.join(XLSX_OUT, dst_name), out.getvalue())


def mini_716():
    """The official layout in miniature, from conformance return-716.xlsx."""
    src = os.path.join(FIX, "conformance", "ascs-2021-22-twenty", "before", "return-716.xlsx")
    z = zipfile.ZipFile(src)
    sst = re.findall(rb"<si>.*?</si>|<si/>", z.read("xl/sharedStrings.xml"), re.S)
    used = {}

    def remap(xml):
        def cell(m):
            c = m.group(0)
            if b't="s"' in c:
                idx = int(re.search(rb"<v>(\d+)</v>", c).group(1))
                new = used.setdefault(idx, len(used))
                c = re.sub(rb"<v>\d+</v>", b"<v>%d</v>" % new, c)
            return c
        return re.sub(rb"<c [^>]*?(?:/>|>.*?</c>)", cell, xml, flags=re.S)

    def slim(row):
        row = re.sub(rb'<row r="(\d+)"[^>]*?(/?)>', rb'<row r="\1"\2>', row)
        row = re.sub(rb' s="\d+"', b"", row)
        row = row.replace(b' t="n"', b"")
        row = re.sub(rb"<f[^>]*>.*?</f>", b"<f>X1</f>", row, flags=re.S)
        return row

    def rows_of(part):
        return re.findall(rb"<row [^>]*?/>|<row [^>]*>.*?</row>", z.read(part), re.S)

    def renumber(row, new):
        old = re.search(rb'<row r="(\d+)"', row).group(1)
        row = row.replace(b'<row r="%s"' % old, b'<row r="%d"' % new, 1)
        return re.sub(rb'(<c r="[A-Z]+)%s"' % old, rb'\g<1>%d"' % new, row)

    sign_off = [slim(r) for r in rows_of("xl/worksheets/sheet8.xml")[:4]]
    population = [slim(r) for r in rows_of("xl/worksheets/sheet9.xml") if int(re.search(rb'r="(\d+)"', r).group(1)) <= 60]
    data_rows = rows_of("xl/worksheets/sheet10.xml")
    # The header, the first data row (a non-respondent) and the two fullest of the next rows (respondents).
    fullest = sorted(data_rows[2:40], key=lambda r: -r.count(b"<c "))[:2]
    data = ([slim(data_rows[0]), slim(data_rows[1])] + [renumber(slim(r), 3 + i) for i, r in enumerate(fullest)]
            + [renumber(slim(r), 5 + i) for i, r in enumerate(data_rows[3990:3992])])
    head_xml = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:GA6"/><sheetData>'
    sheets = [("Sign Off Sheet", sign_off), ("Eligible Population", population), ("Service User Data", data)]
    parts = {}
    for i, (name, rows) in enumerate(sheets, 1):
        parts["xl/worksheets/sheet%d.xml" % i] = head_xml + remap(b"".join(rows)) + b"</sheetData></worksheet>"
    strings = [None] * len(used)
    for old, new in used.items():
        strings[new] = sst[old]
    parts["xl/sharedStrings.xml"] = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(strings), len(strings))
                                     + b"".join(strings) + b"</sst>")
    ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    parts["xl/workbook.xml"] = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ' + ns + b"><sheets>"
                                + b"".join(b'<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (n.encode(), i, i) for i, (n, _) in enumerate(sheets, 1))
                                + b"</sheets></workbook>")
    rel = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    parts["xl/_rels/workbook.xml.rels"] = (b'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                           + b"".join(b'<Relationship Id="rId%d" Type="%sworksheet" Target="worksheets/sheet%d.xml"/>' % (i, rel, i) for i in range(1, 4))
                                           + b'<Relationship Id="rId9" Type="%ssharedStrings" Target="sharedStrings.xml"/></Relationships>' % rel)
    parts["_rels/.rels"] = (b'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                            b'<Relationship Id="rId1" Type="%sofficeDocument" Target="xl/workbook.xml"/></Relationships>' % rel)
    parts["[Content_Types].xml"] = (b'<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                                    b'<Default Extension="xml" ContentType="application/xml"/></Types>')
    order = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
             "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"]
    for suffix, method in [("", zipfile.ZIP_DEFLATED), ("-stored", zipfile.ZIP_STORED)]:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as w:
            for name in order:
                zi = zipfile.ZipInfo(name, STAMP)
                zi.compress_type = method
                w.writestr(zi, parts[name])
        write(os.path.join(XLSX_OUT, "mini-716%s.xlsx" % suffix), out.getvalue())


def xlsx_seeds():
    os.makedirs(XLSX_OUT, exist_ok=True)
    small = ["bad-checksum.xlsx", "doctype-in-shared-strings.xlsx", "encrypted.xlsx", "endless-stream.xlsx",
             "hostile-sheets.xlsx", "legacy.xls", "lying-size.xlsx", "not-a-workbook.xlsx", "text-renamed.xlsx", "types.xlsx"]
    for name in small:
        with open(os.path.join(FIX, "xlsx", name), "rb") as f:
            write(os.path.join(XLSX_OUT, name), f.read())
    with open(os.path.join(FIX, "sace", "carers-data.xlsx"), "rb") as f:
        write(os.path.join(XLSX_OUT, "sace-carers-data.xlsx"), f.read())
    restore(os.path.join(FIX, "xlsx", "types.xlsx"), "types-stored.xlsx", zipfile.ZIP_STORED)
    restore(os.path.join(FIX, "xlsx", "hostile-sheets.xlsx"), "hostile-sheets-stored.xlsx", zipfile.ZIP_STORED)
    restore(os.path.join(FIX, "sace", "carers-data.xlsx"), "sace-carers-data-stored.xlsx", zipfile.ZIP_STORED)
    mini_716()


def dictionaries():
    """Fuzz/csv.dict: every column name of every codebook plus CSV tokens; Fuzz/xlsx.dict: the XML
    and zip tokens the readers look for."""
    import json
    names = set()
    qdir = os.path.join(ROOT, "Questionnaires")
    for f in sorted(os.listdir(qdir)):
        if f.endswith(".json"):
            with open(os.path.join(qdir, f)) as fh:
                for field in json.load(fh).get("fields", []):
                    names.add(field["name"])
    tokens = sorted(names) + ["\\x22", "\\x22\\x22", "\\x0d\\x0a", "\\x0d", "\\xef\\xbb\\xbf", "-9", "1.5", "=1+1", "@x"]
    with open(os.path.join(HERE, "csv.dict"), "w") as fh:
        fh.write("# Column names of every codebook in Questionnaires/ and CSV tokens (written by make-seeds.py).\n")
        for i, t in enumerate(tokens):
            fh.write('t%d="%s"\n' % (i, t))
    xml = ["<row", "</row>", "<c ", "</c>", "<v>", "</v>", "<f>", "<is>", "<t>", "</t>", "<rPh>", "<si>", "</si>",
           "<sheetData>", "</sheetData>", "<sheetData/>", "<dimension ref=", "<sheet name=", "<sheets>", "r:id=",
           "t=\\x22s\\x22", "t=\\x22str\\x22", "t=\\x22inlineStr\\x22", "t=\\x22b\\x22", "t=\\x22e\\x22",
           "r=\\x22", "<!DOCTYPE", "<!ENTITY", "<![CDATA[", "]]>", "<!--", "-->", "<?xml", "?>", "&amp;", "&lt;",
           "&#x41;", "&#65;", "_x000D_", "_xD83D__xDE00_", "XFD", "1048576", "1048577", "A1:XFD1048576",
           "Target=", "TargetMode=\\x22External\\x22", "state=\\x22hidden\\x22", "xl/workbook.xml",
           "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "Service User Data", "Carers Data", "Sign Off Sheet",
           "Eligible Population", "PK\\x03\\x04", "PK\\x01\\x02", "PK\\x05\\x06", "PK\\x06\\x06", "PK\\x06\\x07",
           "\\xff\\xff\\xff\\xff", "\\xff\\xff"]
    with open(os.path.join(HERE, "xlsx.dict"), "w") as fh:
        fh.write("# XML and zip tokens of the .xlsx reader (written by make-seeds.py).\n")
        for i, t in enumerate(xml):
            fh.write('x%d="%s"\n' % (i, t))


if __name__ == "__main__":
    dictionaries()
    csv_seeds()
    xlsx_seeds()
    for d in (CSV_OUT, XLSX_OUT):
        names = sorted(os.listdir(d))
        print("%s: %d files, %d bytes" % (os.path.relpath(d, ROOT), len(names), sum(os.path.getsize(os.path.join(d, n)) for n in names)))
