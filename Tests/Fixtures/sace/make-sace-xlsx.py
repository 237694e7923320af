#!/usr/bin/env python3
"""Writes the SACE Excel fixtures of SACETests from the conformance returns:

- carers-data.csv: 60 rows of conformance/sace-2021-22-twenty (the first 30 of councils 614 and 204), tidy CSV,
  with the admin fields and COVID-19 questions the conformance returns lack filled in deterministically (ADDED);
- carers-data.xlsx: the same rows on a sheet named "Carers Data" (plus a "Notes" sheet first), with long
  descriptive headers matched by key ("LA Code", "Q4 - Overall, how satisfied ...", "Q2[a] - ..."), numbers
  stored as numeric cells except every fifth one stored as an inline string, council and serial as inline
  strings, -9 kept, blank cells omitted, and two empty trailing rows;
- population.csv: LaCode,Population for the two councils (from the conformance set).
A minimal package: [Content_Types].xml, _rels/.rels, xl/workbook.xml, xl/_rels/workbook.xml.rels,
xl/worksheets/sheet1.xml, sheet2.xml; inline strings only (no sharedStrings part). Deterministic.
usage: python3 make-sace-xlsx.py   (from any directory)"""
import csv, os, zipfile
from xml.sax.saxutils import escape

here = os.path.dirname(os.path.abspath(__file__))
conf = os.path.join(here, "..", "conformance", "sace-2021-22-twenty")
STAMP = (2022, 1, 1, 0, 0, 0)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

with open(os.path.join(conf, "returns.csv"), newline="") as f:
    reader = csv.DictReader(f)
    cols = reader.fieldnames
    allrows = list(reader)
rows = [r for r in allrows if r["LaCode"] == "614"][:30] + [r for r in allrows if r["LaCode"] == "204"][:30]
# Columns the conformance returns do not have (the 2023-24 guidance's admin fields and the COVID-19 section 7 of
# 2021-22, sace-2021-22.json), filled in deterministically: admin fields for every row (some -9), COVID-19
# questions for respondents only (some -9 or blank).
ADDED = {"Sexuality": [1, 1, 1, 2, 3, 1, 5, 6, -9], "Religion": [1, 2, 2, 6, 4, 99, 2, 8], "AssessmentMethod": [1, 2, 3, 1, -9],
         "CarerSupport": [1, 2, 3, 4, 5, 6, 4], "q31": [1, 2, 3, 4, 5, -9, ""], "q32": [2, 1, 9, 3, ""], "q33": [1, 1, 2, 3, 4, 5]}
cols = cols[:cols.index("Ethnicity") + 1] + ["Sexuality", "Religion", "AssessmentMethod", "CarerSupport"] + cols[cols.index("Ethnicity") + 1:] + ["q31", "q32", "q33"]
for i, r in enumerate(rows):
    for name, cycle in ADDED.items():
        r[name] = "" if name.startswith("q") and r["Response"] != "1" else str(cycle[i % len(cycle)])

with open(os.path.join(here, "carers-data.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(cols)
    for r in rows: w.writerow([r[c] for c in cols])
with open(os.path.join(conf, "population.csv"), newline="") as f:
    pops = {r["LaCode"]: r["Population"] for r in csv.DictReader(f)}
with open(os.path.join(here, "population.csv"), "w", newline="") as f:
    f.write("LaCode,Population\n614,%s\n204,%s\n" % (pops["614"], pops["204"]))

TEXT = {"q1": "How old is the person you care for?", "q3": "Where does the person you care for live?",
        "q4": "Overall, how satisfied or dissatisfied are you with the support or services you and the person you care for have received from Social Services in the last 12 months?",
        "q7": "Which of the following statements best describes how you spend your time?",
        "q8": "Which of the following statements best describes how much control you have over your daily life?",
        "q9": "Thinking about how much time you have to look after yourself", "q10": "Thinking about your personal safety",
        "q11": "Thinking about how much contact you've had with people you like", "q12": "Thinking about encouragement and support in your caring role",
        "q15": "In the last 12 months, has caring caused you any financial difficulties?",
        "q16": "In the last 12 months, have you found it easy or difficult to find information and advice?",
        "q17": "How helpful has the information and advice been?", "q18": "Have you been involved or consulted as much as you wanted to be?"}
ADMIN = {"LaCode": "LA Code", "SerialNo": "Serial Number / Unique reference number", "Response": "Response",
         "MethodCollection": "Method of Collection", "Gender": "Gender", "Age": "Age (years)", "Ethnicity": "Ethnic Group",
         "Sexuality": "Sexual orientation", "Religion": "Religion", "AssessmentMethod": "Method of assessment or review",
         "CarerSupport": "Support provided to the carer"}
def header(c):
    if c in ADMIN: return ADMIN[c]
    num, sub = c[1:].rstrip("abcdefghi"), c[1:].lstrip("0123456789")
    q = "Q%s[%s]" % (num, sub) if sub else "Q%s" % num
    return "%s - %s" % (q, TEXT.get(c, "Option %s" % sub))

def col_letter(i):
    s = ""
    i += 1
    while i: i, r = divmod(i - 1, 26); s = chr(65 + r) + s
    return s
def inline(ref, text): return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(text))

body = []
body.append('<row r="1">' + "".join(inline(col_letter(i) + "1", header(c)) for i, c in enumerate(cols)) + "</row>")
k = 0
for n, r in enumerate(rows, start=2):
    cells = []
    for i, c in enumerate(cols):
        v = r[c]
        if v == "": continue
        ref = "%s%d" % (col_letter(i), n)
        if c in ("LaCode", "SerialNo"):
            cells.append(inline(ref, v))
        else:
            k += 1
            cells.append(inline(ref, v) if k % 5 == 0 else '<c r="%s"><v>%s</v></c>' % (ref, v))
    body.append('<row r="%d">%s</row>' % (n, "".join(cells)))
last = len(rows) + 1
body.append('<row r="%d"/><row r="%d"/>' % (last + 1, last + 2))

def worksheet(data, dim):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="%s" xmlns:r="%s">'
            '<dimension ref="%s"/><sheetData>%s</sheetData></worksheet>' % (MAIN, RELNS, dim, data))
notes = worksheet('<row r="1">%s</row>' % inline("A1", "Survey of Adult Carers in England 2021-22: test fixture"), "A1")
carers = worksheet("".join(body), "A1:%s%d" % (col_letter(len(cols) - 1), last))

entries = [
    ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
     '<Default Extension="xml" ContentType="application/xml"/>'
     '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
     '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
     '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
     '</Types>'),
    ("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
     '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
     '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % RELNS),
    ("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
     '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="Notes" sheetId="1" r:id="rId1"/>'
     '<sheet name="Carers Data" sheetId="2" r:id="rId2"/></sheets></workbook>' % (MAIN, RELNS)),
    ("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
     '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
     '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
     '<Relationship Id="rId2" Type="%s/worksheet" Target="worksheets/sheet2.xml"/></Relationships>' % (RELNS, RELNS)),
    ("xl/worksheets/sheet1.xml", notes),
    ("xl/worksheets/sheet2.xml", carers),
]
with zipfile.ZipFile(os.path.join(here, "carers-data.xlsx"), "w") as z:
    for name, data in entries:
        info = zipfile.ZipInfo(name, STAMP)
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data.encode("utf-8"))
