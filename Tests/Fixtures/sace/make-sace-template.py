#!/usr/bin/env python3
"""Writes the SYNTHETIC SACE data-return workbooks of CodebookImportSACETests and SACEWorkbookTests.

No official SACE blank data-return workbook has been seen (shared/reference/ has only the ASCS one), so these
are built, not copied: the layout is the ASCS 2021-22 return's (sace.md section 2 says the SACE return is
"matched like the ASCS return"), the content is the committed provisional codebooks Questionnaires/sace-*.json.
What the tests can show with them is that `codebook import` reads a SACE-shaped workbook (data sheet "Carers
Data", codes sheet "Carers Data – Codes" with an en dash as in the 2023-24 guidance, the year from a
"YYYY-YY Changes" sheet, admin fields paired by header, the COVID-19 section 7 of 2021-22) and carries the
SACE measures over; it does NOT show that the codebooks match the real SACE codes sheet (they stay provisional).

- sace-data-return-2021-22-synthetic.xlsx, sace-data-return-2023-24-synthetic.xlsx: blank templates. Sheets
  Contents, "YYYY-YY Changes", "Carers Data – Codes" (title row, a "Field / Code / Label" header in row 3,
  then one block per coded field: the field's header text, its codes and labels, -9 Missing), "Sign Off Sheet"
  (council code in E2, "Select LA name in cell below" when blank), and "Carers Data" (header row 1 with every
  field's official-style header; 200 template rows whose column A is the ASCS formula reading the Sign Off Sheet).
- sace-return-614-2021-22.xlsx: the 2021-22 template filled in with council 614's 30 rows of carers-data.csv
  (Sign Off Sheet E2 = 614; column A keeps its formula, uncalculated, so the council comes from the Sign Off
  Sheet), numbers typed as numbers except every seventh cell typed as text, -9 kept, blanks left empty; plus
  the same rows as tidy CSV, sace-return-614-2021-22.csv (LaCode written out).
usage: python3 make-sace-template.py   (from any directory; needs openpyxl)"""
import csv, datetime, json, os
import openpyxl

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, "..", "..", "..")
LA_FORMULA = "=IF('Sign Off Sheet'!$E$2=\"Select LA name in cell below\",\"\",'Sign Off Sheet'!$E$2)"
CODES = "Carers Data \u2013 Codes"


def letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def template(codebook, council=None):
    wb = openpyxl.Workbook()
    contents = wb.active
    contents.title = "Contents"
    contents["B2"] = "Survey of Adult Carers in England %s: data return (SYNTHETIC test template, not the official workbook)" % codebook["surveyYear"]
    changes = wb.create_sheet("%s Changes" % codebook["surveyYear"])
    changes["B2"] = "Changes since the previous survey: see Questionnaires/README.md (synthetic)"
    codes = wb.create_sheet(CODES)
    codes["B1"] = "Codes for the Carers Data worksheet"
    codes["B3"], codes["C3"], codes["E3"] = "Field", "Code", "Label"
    row = 4
    for f in codebook["fields"]:
        if f["kind"] != "code":
            continue
        title = f["header"].split("\n")[0]
        codes.cell(row=row, column=2, value=title)
        for c in f["codes"] + [{"code": -9, "label": "Missing"}]:
            codes.cell(row=row, column=3, value=c["code"])
            codes.cell(row=row, column=5, value=c["label"])
            row += 1
    sign = wb.create_sheet("Sign Off Sheet")
    sign["B2"], sign["B3"] = "Council Code:", "Name of Council:"
    sign["E2"] = council if council else "Select LA name in cell below"
    data = wb.create_sheet("Carers Data")
    for i, f in enumerate(codebook["fields"]):
        data.cell(row=1, column=i + 1, value=f["header"])
    for r in range(2, 202):
        data.cell(row=r, column=1, value=LA_FORMULA)
    wb.properties.created = wb.properties.modified = datetime.datetime(2022, 1, 1)
    return wb, data


def load(name):
    with open(os.path.join(root, "Questionnaires", name)) as f:
        return json.load(f)


for year in ("2021-22", "2023-24"):
    wb, _ = template(load("sace-%s.json" % year))
    wb.save(os.path.join(here, "sace-data-return-%s-synthetic.xlsx" % year))

# Council 614's return in the 2021-22 template, and the same rows as CSV.
book = load("sace-2021-22.json")
with open(os.path.join(here, "carers-data.csv"), newline="") as f:
    rows = [r for r in csv.DictReader(f) if r["LaCode"] == "614"]
names = [f["name"] for f in book["fields"]]
wb, data = template(book, council="614")
k = 0
for n, r in enumerate(rows, start=2):
    for i, name in enumerate(names):
        value = r.get(name, "")
        if name == "LaCode" or value == "":
            continue
        k += 1
        if name == "SerialNo" or k % 7 == 0:
            data.cell(row=n, column=i + 1, value=value).data_type = "s"
        else:
            data.cell(row=n, column=i + 1, value=int(value))
wb.save(os.path.join(here, "sace-return-614-2021-22.xlsx"))
with open(os.path.join(here, "sace-return-614-2021-22.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(names)
    for r in rows:
        w.writerow([r.get(name, "") for name in names])
