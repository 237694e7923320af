#!/usr/bin/env python3
"""Independent checks of `caresurvey validate RETURN.xlsx --annotate OUT.xlsx` (run by XLSXAnnotateTests).

  check-annotate.py inject IN.xlsx OUT.xlsx
      A copy of the council workbook IN with faults typed into the data sheet (values out of
      range, a text that looks like a formula); prints the faulty cells, one per line.
  check-annotate.py check INPUT.xlsx ANNOTATED.xlsx PROBLEMS.csv FAULT-CELL...
      PROBLEMS.csv is `validate INPUT --format csv`. Checks, reading the files with zipfile,
      regular expressions and openpyxl (never CareSurvey's own code):
      - every zip entry of INPUT is in ANNOTATED, byte-identical (same compressed bytes, CRC,
        method, timestamp) unless it is one of the parts an annotation must change;
      - styles.xml keeps every existing font, fill and cell format, in order (new ones appended);
      - the data sheet: every cell element byte-identical except the problem cells, whose only
        change is the style attribute (cells inserted only where a problem cell was empty);
      - every problem cell (and every FAULT-CELL) highlighted and carrying a note with the
        problem's message; the first sheet lists every problem of PROBLEMS.csv, in order, with a
        link to its cell; no formula cell anywhere in that sheet, and text that begins with
        = + - @ is text.
  check-annotate.py libreoffice INPUT.xlsx ANNOTATED.xlsx SHEET
      LibreOffice headless converts SHEET of both workbooks to CSV: the same values.
Prints OK or the differences; exit status 0 only when everything matches.
"""
import csv, os, re, struct, subprocess, sys, tempfile, zipfile

DATA_SHEET = "Service User Data"
CELL = re.compile(rb'<c\s[^>]*?(?:/>|>.*?</c>)', re.S)
REF = re.compile(rb'\sr="([A-Z]+[0-9]+)"')
STYLE = re.compile(rb'\ss="[0-9]+"')


def sheet_part(z, name):
    wb = z.read("xl/workbook.xml").decode()
    rels = z.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(r'<sheet [^>]*name="%s"[^>]*r:id="([^"]+)"' % re.escape(name), wb).group(1)
    target = re.search(r'<Relationship [^>]*Id="%s"[^>]*Target="([^"]+)"' % rid, rels)
    if target is None:
        target = re.search(r'<Relationship [^>]*Target="([^"]+)"[^>]*Id="%s"' % rid, rels)
    t = target.group(1)
    return t.lstrip("/") if t.startswith("/") else "xl/" + t


def raw(z, info):
    z.fp.seek(info.header_offset)
    header = z.fp.read(30)
    n, m = struct.unpack("<HH", header[26:30])
    z.fp.seek(info.header_offset + 30 + n + m)
    return z.fp.read(info.compress_size)


def inject(src, dst):
    z = zipfile.ZipFile(src)
    part = sheet_part(z, DATA_SHEET)
    xml = z.read(part)
    faults = [("I5", b"<v>999</v>"), ("K6", b"<v>77</v>"), ("G7", b"<v>9</v>"), ("L8", "=1+2"), ("AR9", b"<v>99</v>")]
    for ref, value in faults:
        m = re.search(rb'<c r="%s"[^>]*?(?:/>|>.*?</c>)' % ref.encode(), xml, re.S)
        found = re.search(rb'\ss="([0-9]+)"', m.group(0))
        style = found.group(1) if found else b"0"
        if isinstance(value, str):
            cell = b'<c r="%s" s="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref.encode(), style, value.encode())
        else:
            cell = b'<c r="%s" s="%s" t="n">%s</c>' % (ref.encode(), style, value)
        xml = xml[:m.start()] + cell + xml[m.end():]
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            out.writestr(info, xml if info.filename == part else z.read(info.filename), zipfile.ZIP_DEFLATED)
    print("\n".join(ref for ref, _ in faults))


def cells(xml):
    out = {}
    for m in CELL.finditer(xml):
        ref = REF.search(m.group(0)).group(1).decode()
        out[ref] = m.group(0)
    return out, CELL.sub(b"", xml)


def children(xml, name):
    m = re.search(rb"<%s[\s>].*?</%s>" % (name, name), xml, re.S)
    inner = re.sub(rb"^<%s[^>]*>" % name, b"", m.group(0))
    return inner[: -len(b"</%s>" % name)]


def check(src, annotated, problems_csv, faults):
    import openpyxl
    errors = []
    a, b = zipfile.ZipFile(src), zipfile.ZipFile(annotated)
    part = sheet_part(a, DATA_SHEET)
    folder, base = part.rsplit("/", 1)
    rels = f"{folder}/_rels/{base}.rels"
    may_change = {"[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", part, rels}
    if rels in a.namelist():
        for t in re.findall(r'Target="([^"]+)"', a.read(rels).decode()):
            if t.endswith(".vml") or "comments" in t:
                may_change.add(os.path.normpath(os.path.join(folder, t)))
    b_infos = {i.filename: i for i in b.infolist()}
    for info in a.infolist():
        other = b_infos.get(info.filename)
        if other is None:
            errors.append(f"entry {info.filename} missing from the annotated copy")
        elif info.filename not in may_change:
            same = (raw(a, info) == raw(b, other) and info.CRC == other.CRC and info.compress_type == other.compress_type
                    and info.date_time == other.date_time)
            if not same:
                errors.append(f"entry {info.filename} is not byte-identical")
    for name in ("fonts", "fills", "cellXfs", "numFmts", "borders", "cellStyleXfs", "dxfs"):
        try:
            before = children(a.read("xl/styles.xml"), name.encode())
        except AttributeError:
            continue
        after = children(b.read("xl/styles.xml"), name.encode())
        if not after.startswith(before):
            errors.append(f"styles.xml: the existing {name} changed")
    # The data sheet: cell by cell.
    before, rest_a = cells(a.read(part))
    after, rest_b = cells(b.read(part))
    rest_b = re.sub(rb'<legacyDrawing [^>]*/>', b"", rest_b)
    rest_a = re.sub(rb'<legacyDrawing [^>]*/>', b"", rest_a)
    if rest_a != rest_b.replace(b"<row r=", b"<row r=") and re.sub(rb'<row r="[0-9]+"></row>', b"", rest_b) != rest_a:
        errors.append("the data sheet changed outside its cells")
    rows = list(csv.DictReader(open(problems_csv, newline="", encoding="utf-8")))
    wb = openpyxl.load_workbook(annotated)
    listing = wb.worksheets[0]
    listed = [r for r in listing.iter_rows(min_row=4)]
    if len(listed) != len(rows):
        errors.append(f"the problem sheet lists {len(listed)} problems, the CSV {len(rows)}")
    problem_cells = set()
    for r, (row, d) in enumerate(zip(listed, rows)):
        values = [c.value for c in row]
        for c in row:
            if c.data_type == "f":
                errors.append(f"problem sheet {c.coordinate}: a formula cell")
        want_value = d["value"][1:] if d["value"][:2] in ("'=", "'+", "'-", "'@") else d["value"]
        if values[1] != d["severity"] or (values[5] or "") != want_value or values[6] != d["rule"] or values[7] != d["message"]:
            errors.append(f"problem sheet row {r + 4}: {values[1:]} vs CSV {d}")
        if values[0]:
            ref = values[0]
            problem_cells.add(ref)
            if not re.fullmatch(r"[A-Z]+%s" % d["row"], ref) or d["sheet"] != DATA_SHEET:
                errors.append(f"problem sheet row {r + 4}: cell {ref} for row {d['row']} of {d['sheet']}")
            link = row[0].hyperlink
            if link is None or link.location != f"'{DATA_SHEET}'!{ref}":
                errors.append(f"problem sheet row {r + 4}: no link to {ref}")
        elif d["sheet"] == DATA_SHEET and d["row"] and d["column"]:
            errors.append(f"problem sheet row {r + 4}: a cell problem without its cell ({d})")
    for f in faults:
        if f not in problem_cells:
            errors.append(f"injected fault {f} is not listed")
    ws = wb[DATA_SHEET]
    messages = {}
    for row, d in zip(listed, rows):
        if row[0].value:
            messages.setdefault(row[0].value, []).append(d["message"])
    for ref in problem_cells:
        cell = ws[ref]
        if cell.fill is None or cell.fill.fgColor.rgb not in ("FFFFC7CE", "FFFFEB9C"):
            errors.append(f"{ref}: not highlighted ({cell.fill.fgColor.rgb if cell.fill else None})")
        if cell.comment is None or not all(m in cell.comment.text for m in messages[ref]):
            errors.append(f"{ref}: no note with the problem ({cell.comment.text if cell.comment else None!r})")
    for ref, element in after.items():
        if ref in problem_cells:
            if ref in before and STYLE.sub(b"", element) != STYLE.sub(b"", before[ref]):
                errors.append(f"{ref}: a problem cell changed beyond its style")
            if ref not in before and element != b'<c r="%s" s="%s"/>' % (ref.encode(), STYLE.search(element).group(0)[4:-1]):
                errors.append(f"{ref}: an inserted cell is not empty")
        elif before.get(ref) != element:
            errors.append(f"{ref}: changed but it has no problem")
    for ref in before:
        if ref not in after:
            errors.append(f"{ref}: missing from the annotated copy")
    return errors, len(rows), len(problem_cells)


def libreoffice(src, annotated, sheet):
    def convert(path, out):
        filt = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
        run = subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{out}/profile",
                              "--convert-to", filt, "--outdir", out, path], capture_output=True, text=True, timeout=600,
                             env=dict(os.environ, HOME=out))
        stem = os.path.splitext(os.path.basename(path))[0]
        name = os.path.join(out, f"{stem}-{sheet}.csv")
        if run.returncode != 0 or not os.path.exists(name):
            return None, f"LibreOffice could not convert {path}: {run.returncode} {run.stderr}"
        return open(name, encoding="utf-8").read(), None
    with tempfile.TemporaryDirectory() as one, tempfile.TemporaryDirectory() as two:
        x, e1 = convert(src, one)
        y, e2 = convert(annotated, two)
    if e1 or e2:
        return [e1 or e2]
    return [] if x == y else [f"{sheet}: LibreOffice reads different values from the annotated copy"]


def main():
    mode = sys.argv[1]
    if mode == "inject":
        inject(sys.argv[2], sys.argv[3])
        return
    if mode == "check":
        errors, n, c = check(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
        summary = f"OK check: {n} problems listed, {c} cells highlighted"
    else:
        errors = libreoffice(sys.argv[2], sys.argv[3], sys.argv[4])
        summary = f"OK libreoffice {sys.argv[4]}"
    if errors:
        print("\n".join(errors[:60]))
        sys.exit(1)
    print(summary)


if __name__ == "__main__":
    main()
