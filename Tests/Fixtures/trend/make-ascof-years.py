#!/usr/bin/env python3
"""Synthetic published ASCOF data files for seven years (2017-18 to 2023-24), for the trend tests,
the dashboard golden file and the README walk-through. Values are made up (deterministic), not real.

Layout: the 2024-25 release's columns (Geographical code, Geographical description, Geographical level,
ONS code, ASCOF measure code, Disaggregation level, Measure type, Measure value), the year only in the
file name (ascof-2017-18.csv ...). Codes in each year's numbering: before 2023-24 the old codes
(1B control, 3A satisfaction, 1I1, 2A1, 2D, 1G), from 2023-24 the new ones (3A, 1D, 5A1, 2B, 2A, 2E).
Contents: council 716 (Barking and Dagenham) with designed series, eleven other London councils, the
London region and England. The voluntary ASCS 2020-21: 716 did not take part ([x] for survey measures).

Designed for 716: 1A improving; 3A (control) declining and below England (red-red); 1D flat;
5A1 flat with a last-year jump (an outlier: no trend declared); 2B (admissions per 100,000, lower is better) falling;
2A (counts, chi-squared test for trend) rising; 2E across its 2023-24 definition change (1G covered
adults with a learning disability only).

  python3 make-ascof-years.py                 writes the seven files beside this script
  python3 make-ascof-years.py --all DIR [N]   writes N years (default 10) for every council in
                                              Reference/councils.json into DIR (speed benchmark)
"""
import csv
import json
import math
import random
import sys
from pathlib import Path

here = Path(__file__).parent
ref = json.loads((here / "../../../Reference/councils.json").read_text())


def year_label(start):
    return f"{start}-{(start + 1) % 100:02d}"


# id, old code, new code, kind
MEASURES = [("1A", "1A", "1A", "score"), ("3A", "1B", "3A", "survey"), ("1D", "3A", "1D", "survey"),
            ("5A1", "1I1", "5A1", "survey"), ("2B", "2A1", "2B", "rate"), ("2A", "2D", "2A", "count"),
            ("2E", "1G", "2E", "count")]


def generate(councils, years, designed, rng):
    rows = []

    def add(area, level, code, t, v, breakdown="Total"):
        rows.append([area[0], area[1], level, area[2], code, breakdown, t, v])

    for yi, start in enumerate(years):
        label = year_label(start)
        voluntary = label == "2020-21"
        for ci, c in enumerate(councils):
            area = (c["cassr"], c["name"], c["ons"])
            for mid, old, new, kind in MEASURES:
                code = new if start >= 2023 else old
                if kind in ("score", "survey") and voluntary and (c["cassr"] == "716" or ci % 8 != 1):
                    add(area, "council", code, "Outcome", "[x]")
                    continue
                value = designed(c["cassr"], mid, yi, label, rng)
                if kind == "score":
                    base = rng.randint(300, 600)
                    add(area, "council", code, "Base", str(base))
                    add(area, "council", code, "Outcome", f"{value:.1f}")
                    add(area, "council", code, "Margin Of Error", f"{1.96 * 3.9 / math.sqrt(base):.2f}")
                elif kind == "survey":
                    base = rng.randint(250, 500)
                    moe = 196 * math.sqrt(value * (1 - value) / base)
                    add(area, "council", code, "Base", str(base))
                    add(area, "council", code, "Outcome", f"{100 * value:.1f}")
                    add(area, "council", code, "Margin Of Error", f"{moe:.1f}")
                elif kind == "rate":
                    den = 900000 + 1000 * ci
                    num = max(1, round(value * den / 1e5))
                    add(area, "council", code, "Numerator", str(num))
                    add(area, "council", code, "Denominator", str(den))
                    add(area, "council", code, "Outcome", f"{num / den * 1e5:.1f}")
                else:
                    den = 900 + 10 * ci
                    num = round(value * den)
                    add(area, "council", code, "Numerator", str(num))
                    add(area, "council", code, "Denominator", str(den))
                    add(area, "council", code, "Outcome", f"{100 * num / den:.1f}")
        for area, level, shift in [(("E12000007", "London", "E12000007"), "region", -0.01), (("England", "England", "E92000001"), "England", 0.0)]:
            for mid, old, new, kind in MEASURES:
                code = new if start >= 2023 else old
                v = designed("england", mid, yi, label, rng) * (1 + shift + 0.002 * yi)
                base = 60000 if level == "England" else 9000
                if kind == "score":
                    add(area, level, code, "Outcome", f"{v:.1f}")
                    add(area, level, code, "Margin Of Error", f"{1.96 * 3.9 / math.sqrt(base):.2f}")
                elif kind == "survey":
                    add(area, level, code, "Base", str(base))
                    add(area, level, code, "Outcome", f"{100 * v:.1f}")
                    add(area, level, code, "Margin Of Error", f"{196 * math.sqrt(v * (1 - v) / base):.1f}")
                elif kind == "rate":
                    den = 34000000 if level == "England" else 5600000
                    num = round(v * den / 1e5)
                    add(area, level, code, "Numerator", str(num))
                    add(area, level, code, "Denominator", str(den))
                    add(area, level, code, "Outcome", f"{num / den * 1e5:.1f}")
                else:
                    den = 200000 if level == "England" else 30000
                    num = round(v * den)
                    add(area, level, code, "Numerator", str(num))
                    add(area, level, code, "Denominator", str(den))
                    add(area, level, code, "Outcome", f"{100 * num / den:.1f}")
        yield label, rows
        rows = []


DESIGN_716 = {  # 2017-18 ... 2023-24; None = 2020-21 (716 did not take part)
    "1A": [18.3, 18.5, 18.6, None, 18.8, 19.0, 19.3],
    "3A": [0.80, 0.79, 0.78, None, 0.75, 0.72, 0.68],
    "1D": [0.62, 0.63, 0.62, None, 0.63, 0.62, 0.63],
    "5A1": [0.43, 0.45, 0.44, None, 0.45, 0.44, 0.60],
    "2B": [22.0, 20.0, 18.0, 16.5, 14.0, 12.0, 10.5],
    "2A": [0.70, 0.72, 0.73, 0.75, 0.77, 0.79, 0.81],
    "2E": [0.79, 0.80, 0.81, 0.81, 0.82, 0.82, 0.60],
}
ENGLAND = {"1A": 19.1, "3A": 0.77, "1D": 0.62, "5A1": 0.45, "2B": 13.9, "2A": 0.79, "2E": 0.75}


def designed_factory(seed_shift=0):
    def designed(cassr, mid, yi, label, rng):
        if cassr == "716" and yi < len(DESIGN_716[mid]) and DESIGN_716[mid][yi] is not None:
            return DESIGN_716[mid][yi]
        if cassr == "england":
            return ENGLAND[mid]
        base = ENGLAND[mid]
        spread = 1.2 if mid == "1A" else (3.0 if mid == "2B" else 0.06)
        return base + rng.uniform(-spread, spread)
    return designed


def write(path, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Geographical code", "Geographical description", "Geographical level", "ONS code", "ASCOF measure code",
                    "Disaggregation level", "Measure type", "Measure value"])
        w.writerows(rows)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--all":
        out = Path(sys.argv[2])
        out.mkdir(parents=True, exist_ok=True)
        n = int(sys.argv[3]) if len(sys.argv) > 3 else 10
        councils = [c for c in ref["councils"] if "validTo" not in c]
        years = list(range(2025 - n, 2025))
        for label, rows in generate(councils, years, designed_factory(), random.Random(7)):
            write(out / f"ascof-{label}.csv", rows)
        print(f"{len(councils)} councils x {len(MEASURES)} measures x {n} years in {out}")
    else:
        london = [c for c in ref["councils"] if c["regionName"] == "London" and "validTo" not in c]
        councils = [c for c in london if c["cassr"] == "716"] + [c for c in london if c["cassr"] != "716"][:11]
        for label, rows in generate(councils, list(range(2017, 2024)), designed_factory(), random.Random(2017)):
            write(here / f"ascof-{label}.csv", rows)
        print("wrote", ", ".join(f"ascof-{year_label(y)}.csv" for y in range(2017, 2024)))
