#!/usr/bin/env python3
"""Synthetic national ASCOF data files for the benchmark speed measurement: every council in
Reference/councils.json valid in the year, every ASCOF measure of the catalogue with a code in the
year's framework (survey measures with Base and Margin Of Error; others with Numerator and
Denominator), their region and England rows, for five years (2019-20 to 2023-24), in the 2024-25
columns. Values are made up. Usage: make-national-ascof.py OUTDIR [YEARS] (YEARS: how many years ending
2023-24, default 5; the trend speed measurement uses 10)
"""
import csv
import json
import math
import random
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
councils = json.loads((root / "Reference/councils.json").read_text())
catalogue = json.loads((root / "Reference/ascof-measures.json").read_text())
codebook = {}
for f in sorted((root / "Questionnaires").glob("*.json")):
    for m in json.loads(f.read_text())["measures"]:
        codebook[m["code"]] = m
measures = []  # (old code, new code, unit, survey)
for e in catalogue["measures"]:
    if "codebook" in e:
        m = codebook[e["codebook"]]
        new = None if e.get("retiredFrom") else m["code"]
        measures.append((m.get("formerCode"), new, "percent" if m["kind"] == "proportion" else "score", True))
    else:
        measures.append((e["codes"].get("pre-2023-24"), e["codes"].get("2023-24"), e["unit"], False))
out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
rng = random.Random(7)
n_years = int(sys.argv[2]) if len(sys.argv) > 2 else 5
for year in [f"{y}-{(y + 1) % 100:02d}" for y in range(2024 - n_years, 2024)]:
    new = year >= "2023-24"
    valid = [c for c in councils["councils"] if c.get("validTo", "9999") >= year]
    with open(out / f"ascof-{year}.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Geographical code", "Geographical description", "Geographical level", "ONS code", "ASCOF measure code",
                    "Disaggregation level", "Measure type", "Measure value"])
        areas = [(c["cassr"], c["name"], "Council", c["ons"]) for c in valid]
        areas += [(r["code"], r["name"], "Region", r["code"]) for r in councils["regions"]] + [("England", "England", "England", "E92000001")]
        for old_code, new_code, unit, survey in measures:
            code = new_code if new else old_code
            if not code:
                continue
            for g, name, level, ons in areas:
                def row(t, v):
                    w.writerow([g, name, level, ons, code, "Total", t, v])
                if survey:
                    base = rng.randint(150, 600) * (100 if level == "England" else 10 if level == "Region" else 1)
                    p = rng.uniform(0.6, 0.85)
                    out_v = round(rng.uniform(18, 20.5), 1) if unit == "score" else round(100 * p, 1)
                    moe = round(1.96 * 4 / math.sqrt(base), 2) if unit == "score" else round(196 * math.sqrt(p * (1 - p) / base), 1)
                    row("Base", base); row("Outcome", out_v); row("Margin Of Error", moe)
                else:
                    den = rng.randint(80000, 300000) if unit == "rate-per-100000" else rng.randint(200, 3000)
                    num = rng.randint(5, 60) if unit == "rate-per-100000" else round(den * rng.uniform(0.5, 0.95))
                    value = num / den * (1e5 if unit == "rate-per-100000" else 100)
                    row("Numerator", num); row("Denominator", den); row("Outcome", round(value, 1))
