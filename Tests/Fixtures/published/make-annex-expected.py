#!/usr/bin/env python3
"""Independent reading (openpyxl) of ascs-annex-tables-2020-21.xlsx, written to
annex-2020-21-expected.json for AnnexTablesTests: counts of areas, answers, cells and markers per
sheet, and every 41st answer's values as a spreadsheet shows them. Run once; commit the output.
"""
import json
from pathlib import Path

import openpyxl

here = Path(__file__).parent
wb = openpyxl.load_workbook(here / "ascs-annex-tables-2020-21.xlsx", read_only=True, data_only=True)
out = {"sheets": {}, "answers": {}, "sample": []}
table = {}
for prefix in ("T1a", "T1b", "T5"):
    name = next(n for n in wb.sheetnames if n.startswith(prefix + " "))
    rows = [list(r) for r in wb[name].iter_rows(values_only=True)]
    h = next(i for i, r in enumerate(rows) if isinstance(r[0], str) and r[0].startswith("CASSR Code"))
    header, headings = rows[h], rows[h - 1]
    question, cols = None, []
    for c in range(3, len(header)):
        if headings[c]:
            question = headings[c].strip()
        if header[c] and str(header[c]).strip():
            cols.append((c, question, str(header[c]).strip()))
    markers, cells, areas = {}, 0, 0
    r = h + 1
    while r < len(rows) and any(v is not None for v in rows[r][:3]):
        row = rows[r]
        area = str(row[0]) if row[0] is not None else row[2].strip()
        areas += 1
        for c, q, label in cols:
            v = row[c] if c < len(row) else None
            if v is None or (isinstance(v, str) and not v.strip()):
                continue
            cells += 1
            if isinstance(v, str):
                markers[v.strip()] = markers.get(v.strip(), 0) + 1
            table.setdefault((area, q, label), {})[prefix] = v
        r += 1
    out["sheets"][prefix] = {"sheet": name, "headerRow": h + 1, "areas": areas, "cells": cells, "markers": markers,
                             "answerColumns": sum(1 for _, _, l in cols if not l.endswith("espondents"))}

answers = [(k, v) for k, v in table.items() if not k[2].endswith("espondents")]
out["answers"]["count"] = len(answers)
resp = {(k[0], k[1]): v.get("T1a") for k, v in table.items() if k[2] == "Respondents"}
for i, (k, v) in enumerate(answers):
    if i % 41 == 0:
        out["sample"].append({"area": k[0], "question": k[1], "answer": k[2], "T1a": v.get("T1a"), "T1b": v.get("T1b"),
                              "T5": v.get("T5"), "respondents": resp.get((k[0], k[1]))})
(here / "annex-2020-21-expected.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
print(json.dumps(out["sheets"], indent=1), out["answers"], len(out["sample"]))
