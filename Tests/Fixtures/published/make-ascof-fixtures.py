#!/usr/bin/env python3
"""Writes synthetic ASCOF data files in the two documented column vintages (benchmarking.md §2.1).

Same figures, two layouts:
  ascof-2022-23-old-columns.csv  - older releases: Measure Group + Measure Group Description, the
                                   breakdown joined to the measure code (1AF), "ONS Area Code"
  ascof-2223-new-columns.csv     - the 2024-25 release's columns, year only in the file name (2223)
and ascof-2023-24-new-columns.csv with the 2023-24 renumbering, and ascof-no-year.csv (no year
anywhere: must be refused). Values are made up (deterministic), not real figures.
Contents: 24 councils of two regions, their region rows, council-type rows and England; measures
1A (score), 1B (old numbering: control, percent), 3A (old: satisfaction, percent), 2A(1)
(rates per 100,000 with numerator and denominator, not a survey measure) and 2D (percent, not a
survey measure); a Female breakdown of 1A; markers [c] (base under 3), [x] (not submitted), a
blank, and a row for Northamptonshire (504), a council merged away in 2021.
"""
import csv
import json
import math
import random
from pathlib import Path

here = Path(__file__).parent
ref = json.loads((here / "../../../Reference/councils.json").read_text())
councils = [c for c in ref["councils"] if c["regionName"] in ("London", "North East") and "validTo" not in c][:24]
rng = random.Random(20231)
TYPE_NAMES = {"london-borough": "London Borough", "unitary-authority": "Unitary Authority",
              "metropolitan-district": "Metropolitan District", "shire-county": "Shire County"}
# old code, new code, description, kind
MEASURES = [("1A", "1A", "Social care-related quality of life score", "score"),
            ("1B", "3A", "Control over daily life", "percent"),
            ("3A", "1D", "Overall satisfaction with care and support", "percent"),
            ("2A(1)", "2B", "Younger adults admitted to care homes per 100,000", "rate"),
            ("2D", "2A", "Short-term services with no further request", "percent")]

rows = []  # (geo code, name, level, ons, old code, new code, breakdown, type, value)


def add(area, level, m, breakdown, type_, value):
    rows.append((area[0], area[1], level, area[2], m[0], m[1], breakdown, type_, value))


def survey_figure(area, level, m, breakdown, base, p):
    if m[3] == "score":
        out = round(p, 1)
        moe = round(1.96 * 4.0 / math.sqrt(base), 2)
    else:
        out = round(100 * p, 1)
        moe = round(196 * math.sqrt(p * (1 - p) / base), 1)
    add(area, level, m, breakdown, "Base", str(base))
    if base < 3:
        add(area, level, m, breakdown, "Outcome", "[c]")
        add(area, level, m, breakdown, "Margin Of Error", "[c]")
        return
    add(area, level, m, breakdown, "Outcome", str(out))
    if m[3] != "score" or level == "Council":
        add(area, level, m, breakdown, "Margin Of Error", str(moe))
    if m[3] == "percent":
        add(area, level, m, breakdown, "Numerator", str(round(p * base)))
        add(area, level, m, breakdown, "Denominator", str(base))


for i, c in enumerate(councils):
    area = (c["cassr"], c["name"], c["ons"])
    for m in MEASURES:
        if i == 5 and m[0] == "3A":
            add(area, "Council", m, "Total", "Outcome", "[x]")   # not submitted
            continue
        if m[3] == "rate":
            den = rng.randint(80000, 300000)
            num = rng.randint(5, 40)
            if i == 3:
                num = 14; den = 100000  # ties with council 4
            if i == 4:
                num = 28; den = 200000
            add(area, "Council", m, "Total", "Numerator", str(num))
            add(area, "Council", m, "Total", "Denominator", str(den))
            add(area, "Council", m, "Total", "Outcome", str(round(num / den * 1e5, 1)))
        elif m[0] == "2D":
            den = rng.randint(200, 2000)
            num = round(den * rng.uniform(0.6, 0.95))
            add(area, "Council", m, "Total", "Numerator", str(num))
            add(area, "Council", m, "Total", "Denominator", str(den))
            add(area, "Council", m, "Total", "Outcome", "" if i == 7 else str(round(100 * num / den, 1)))
        else:
            base = 2 if (i == 9 and m[0] == "1B") else rng.randint(150, 600)
            p = rng.uniform(18.0, 20.5) if m[3] == "score" else rng.uniform(0.6, 0.85)
            if i in (10, 11) and m[0] == "1B":
                p = 0.75  # a tie
            survey_figure(area, "Council", m, "Total", base, p)
            if m[0] == "1A":
                survey_figure(area, "Council", m, "Female", base // 2, p + rng.uniform(-0.3, 0.3))

# Region, council type and England rows: published values (not recomputed).
for area, level in [(("E12000007", "London", "E12000007"), "Region"), (("E12000001", "North East", "E12000001"), "Region"),
                    (("LB", "London Borough", ""), "Council Type"), (("UA", "Unitary Authority", ""), "Council Type"),
                    (("England", "England", "E92000001"), "England")]:
    for m in MEASURES:
        if m[3] == "rate":
            add(area, level, m, "Total", "Outcome", "13.9")
        elif m[0] == "2D":
            add(area, level, m, "Total", "Outcome", "81.8")
        else:
            survey_figure(area, level, m, "Total", 60000 if level == "England" else 6000, 19.2 if m[3] == "score" else 0.71)
            if m[0] == "1A":
                survey_figure(area, level, m, "Female", 30000 if level == "England" else 3000, 19.1)
# Northamptonshire, merged away in 2021: a row that must not be used for 2022-23.
add(("504", "Northamptonshire", "E10000021"), "Council", MEASURES[1], "Total", "Outcome", "70.0")

SUFFIX = {"Total": "", "Female": "F"}
with open(here / "ascof-2022-23-old-columns.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["Geographical Code", "Geographical Description", "Geographical Level", "ONS Area Code", "Measure Group",
                "Measure Group Description", "ASCOF Measure Code", "Disaggregation Level", "Measure Type", "Measure Value"])
    for g, n, l, o, old, new, b, t, v in rows:
        desc = next(m[2] for m in MEASURES if m[0] == old)
        w.writerow([g, n, l, o, old, desc, old.replace("(", "").replace(")", "") + SUFFIX[b], b, t, v])
for name, code_index in [("ascof-2223-new-columns.csv", 4), ("ascof-2023-24-new-columns.csv", 5), ("ascof-no-year.csv", 4)]:
    with open(here / name, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Geographical code", "Geographical description", "Geographical level", "ONS code", "ASCOF measure code",
                    "Disaggregation level", "Measure type", "Measure value"])
        for r in rows:
            w.writerow([r[0], r[1], r[2].lower() if r[2] == "Council" else r[2], r[3], r[code_index], r[6], r[7], r[8]])
