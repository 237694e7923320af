#!/usr/bin/env python3
"""Writes the later-numbering fixtures of CodebookTests from the conformance returns (same people,
same answers, new column layout), so their measures must equal the conformance reference values:

- ascs-2022-23-716.csv: council 716 of conformance/ascs-2021-22-edge in the ASCS 2022-23 layout
  (ascs.md section 2.5): old Q7b -> Q7c, old Q12..Q22 moved up by one, a new Q7b and a new Q12
  (loneliness) filled with made-up answers for respondents.
- sace-2023-24-614.csv: council 614 of conformance/sace-2021-22-twenty in the SACE 2023-24 layout
  (sace.md section 3): old Q16..Q18 -> Q17..Q19, a new Q16 (loneliness) and a free-text Q10b
  (made-up comments, with commas and quotes) for respondents.
usage: python3 make-fixtures.py   (from any directory)"""
import csv, os, re

here = os.path.dirname(os.path.abspath(__file__))
conf = os.path.join(here, "..", "conformance")

def ascs_new(col):
    m = re.fullmatch(r"q(\d+)([a-f]?)", col)
    if not m: return col
    n, s = int(m.group(1)), m.group(2)
    if n == 7 and s == "b": return "q7c"
    if n == 14: return f"q15{s}"          # q14a-b -> q15a-b
    if n >= 12: return f"q{n + 1}{s}"
    return col

with open(os.path.join(conf, "ascs-2021-22-edge", "returns.csv"), newline="") as f:
    reader = csv.DictReader(f)
    old_cols = reader.fieldnames
    rows = [r for r in reader if r["LaCode"] == "716"]
new_cols = []
for c in old_cols:
    new_cols.append(ascs_new(c))
    if c == "q7a": new_cols.append("q7b")
    if c == "q11": new_cols.append("q12")
with open(os.path.join(here, "ascs-2022-23-716.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(new_cols)
    for i, r in enumerate(rows):
        out = {ascs_new(c): r[c] for c in old_cols}
        respondent = r["Response"] == "1"
        out["q7b"] = ("" if i % 9 == 0 else str(1 + i % 2)) if respondent else ""
        out["q12"] = ("-9" if i % 11 == 0 else str(1 + i % 5)) if respondent else ""
        w.writerow([out[c] for c in new_cols])

def sace_new(col):
    return {"q16": "q17", "q17": "q18", "q18": "q19"}.get(col, col)

with open(os.path.join(conf, "sace-2021-22-twenty", "returns.csv"), newline="") as f:
    reader = csv.DictReader(f)
    old_cols = reader.fieldnames
    rows = [r for r in reader if r["LaCode"] == "614"]
new_cols = []
for c in old_cols:
    new_cols.append(sace_new(c))
    if c == "q10": new_cols.append("q10b")
    if c == "q15": new_cols.append("q16")
comments = ["", "I worry when I go out at night", "Fine, \"mostly\", thanks", "", "Street lights broken, again"]
with open(os.path.join(here, "sace-2023-24-614.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(new_cols)
    for i, r in enumerate(rows):
        out = {sace_new(c): r[c] for c in old_cols}
        respondent = r["Response"] == "1"
        out["q10b"] = comments[i % len(comments)] if respondent else ""
        out["q16"] = ("" if i % 13 == 0 else str(1 + i % 5)) if respondent else ""
        w.writerow([out[c] for c in new_cols])
