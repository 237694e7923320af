#!/usr/bin/env python3
"""Independent checks of a CareSurvey workbook (run by XLSXOutputTests; fails when a tool is missing).

  check-output.py openpyxl WORKBOOK SHEET CSV FORMATS
      Reads WORKBOOK with openpyxl. The sheet SHEET must hold exactly the rows of CSV (the same
      command's CSV output) from row 3 (the header) on: text equal (CSV's formula-neutralising
      leading ' removed), numbers stored as numbers and equal to the CSV's digits, with the number
      format FORMATS gives for the column (separated by ;: text, 0, #,##0, 0.0%, 0.000, 0.0000,
      estimate = 0.0% or 0.000 (by the kind or unit column), General, any = General number or text). Also the layout: Contents then Notes first, a title in A1
      of every sheet, a frozen header, no merged cells, no formula cells, sheet names of at most
      31 characters, a width for every column.
  check-output.py libreoffice WORKBOOK SHEET CSV
      Converts every sheet of WORKBOOK to CSV with LibreOffice headless (soffice) and compares
      SHEET's rows with CSV: the same text, numbers within 1e-13 relative or 1e-19 absolute
      (LibreOffice prints 15 significant digits and at most 20 decimals; percentages as "12.3%").
Prints OK or the differences; exit status 0 only when everything matches.
"""
import csv, math, os, re, subprocess, sys, tempfile

NEUTRALISE = ("=", "+", "-", "@", "\t", "\r")
MARKER = re.compile(r"^\[[cxzw]\]$")


def csv_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def plain(text):
    """The text as the user gave it: CSV prefixes ' to text that a spreadsheet would run."""
    if len(text) > 1 and text[0] == "'" and text[1] in NEUTRALISE:
        return text[1:]
    return text


def as_number(text):
    try:
        return float(text)
    except ValueError:
        return None


def check_openpyxl(workbook, sheet, csv_path, formats):
    import openpyxl  # a missing module is an error, never a skip
    errors = []
    wb = openpyxl.load_workbook(workbook)
    names = wb.sheetnames
    if names[:2] != ["Contents", "Notes"]:
        errors.append(f"first sheets are {names[:2]}, not Contents, Notes")
    for ws in wb.worksheets:
        if len(ws.title) > 31 or any(c in ws.title for c in "[]:*?/\\"):
            errors.append(f"bad sheet name {ws.title!r}")
        if not isinstance(ws["A1"].value, str) or not ws["A1"].value:
            errors.append(f"{ws.title}: no title in A1")
        if ws.merged_cells.ranges:
            errors.append(f"{ws.title}: merged cells {list(ws.merged_cells.ranges)[:3]}")
        if ws.freeze_panes is None:
            errors.append(f"{ws.title}: no frozen panes")
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    errors.append(f"{ws.title}!{c.coordinate}: a formula cell {c.value!r}")
    links = [c.hyperlink for row in wb["Contents"].iter_rows() for c in row if c.hyperlink is not None]
    for link in links:
        target = link.location.split("!")[0].strip("'").replace("''", "'")
        if target not in names:
            errors.append(f"Contents link to missing sheet {target!r}")
    if len(links) != len(names) - 1:
        errors.append(f"Contents has {len(links)} links for {len(names) - 1} sheets")
    ws = wb[sheet]
    expected = csv_rows(csv_path)
    formats = formats.split(";")
    if len(formats) != len(expected[0]):
        errors.append(f"{len(formats)} formats for {len(expected[0])} columns")
    got = [list(r) for r in ws.iter_rows(min_row=3, max_col=len(expected[0]))]
    if len(got) != len(expected):
        errors.append(f"{sheet}: {len(got)} rows from the header on, CSV has {len(expected)}")
    letters = [openpyxl.utils.get_column_letter(i + 1) for i in range(len(expected[0]))]
    for i, letter in enumerate(letters):
        width = ws.column_dimensions[letter].width
        if not width or width < min(len(expected[0][i]), 58):
            errors.append(f"{sheet}: column {letter} ({expected[0][i]}) width {width}")
    for r, (want_row, got_row) in enumerate(zip(expected, got)):
        for c, want in enumerate(want_row):
            cell = got_row[c] if c < len(got_row) else None
            value = cell.value if cell is not None else None
            where = f"{sheet}!{letters[c]}{r + 3}"
            if r == 0:
                if value != want:
                    errors.append(f"{where}: header {value!r}, CSV {want!r}")
                continue
            fmt = formats[c]
            if want == "":
                if value not in (None, ""):
                    errors.append(f"{where}: {value!r}, CSV empty")
            elif fmt == "any" and isinstance(value, str):
                # a General column with text and numbers (trend): text cells hold the CSV's text
                if value != plain(want):
                    errors.append(f"{where}: {value!r}, CSV text {want!r}")
            elif fmt == "text" or MARKER.match(want):
                if not isinstance(value, str) or value != plain(want):
                    errors.append(f"{where}: {value!r}, CSV text {want!r}")
            else:
                number = as_number(want)
                if number is None or isinstance(value, (str, bool)) or value is None:
                    errors.append(f"{where}: {value!r} ({type(value).__name__}), CSV number {want!r}")
                elif float(value) != number:
                    errors.append(f"{where}: {value!r}, CSV {want!r} (not exactly equal)")
                allowed = {"estimate": ("0.0%", "0.000"), "any": ("General",)}.get(fmt, (fmt,))
                if fmt == "estimate" and "kind" in expected[0]:
                    # measures: proportions as percentages, scores as decimals
                    allowed = ("0.0%",) if want_row[expected[0].index("kind")] == "proportion" else ("0.000",)
                elif fmt == "estimate" and "unit" in expected[0]:
                    # benchmark: by the measure's unit (percent measures as percentages, scores and rates as decimals)
                    allowed = ("0.0%",) if want_row[expected[0].index("unit")] == "percent" else ("0.000",)
                if cell.number_format not in allowed:
                    errors.append(f"{where}: number format {cell.number_format!r}, expected {' or '.join(allowed)}")
            if len(errors) > 40:
                break
    return errors, len(expected) - 1


def check_libreoffice(workbook, sheet, csv_path):
    errors = []
    with tempfile.TemporaryDirectory() as out:
        # Token 12 = -1: every sheet to its own file, <name>-<sheet>.csv; UTF-8 (76), comma, quote.
        filt = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
        env = dict(os.environ, HOME=out)
        run = subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{out}/profile",
                              "--convert-to", filt, "--outdir", out, workbook],
                             capture_output=True, text=True, timeout=300, env=env)
        stem = os.path.splitext(os.path.basename(workbook))[0]
        converted = os.path.join(out, f"{stem}-{sheet}.csv")
        if run.returncode != 0 or not os.path.exists(converted):
            return [f"LibreOffice did not convert {workbook}: status {run.returncode} {run.stdout} {run.stderr}"], 0
        got = csv_rows(converted)[2:]
    expected = csv_rows(csv_path)
    if len(got) != len(expected):
        errors.append(f"{sheet}: LibreOffice gives {len(got)} rows from the header on, CSV has {len(expected)}")
    for r, (want_row, got_row) in enumerate(zip(expected, got)):
        for c, want in enumerate(want_row):
            value = got_row[c] if c < len(got_row) else ""
            where = f"{sheet} row {r + 3} column {c + 1}"
            if value == plain(want):
                continue
            number, seen = as_number(want), value
            if seen.endswith("%") and as_number(seen[:-1]) is not None:
                seen = as_number(seen[:-1]) / 100
            else:
                seen = as_number(seen.replace(",", "")) if seen else None
            if number is None or seen is None or not math.isclose(seen, number, rel_tol=1e-13, abs_tol=1e-19):
                errors.append(f"{where}: LibreOffice {value!r}, CSV {want!r}")
            if len(errors) > 40:
                break
    return errors, len(expected) - 1


def main():
    mode, workbook, sheet, csv_path = sys.argv[1:5]
    if mode == "openpyxl":
        errors, rows = check_openpyxl(workbook, sheet, csv_path, sys.argv[5])
    else:
        errors, rows = check_libreoffice(workbook, sheet, csv_path)
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    print(f"OK {mode} {sheet}: {rows} rows")


if __name__ == "__main__":
    main()
