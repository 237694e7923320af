#!/usr/bin/env python3
"""Largest differences between another tool's estimates (measure, council, estimate, se) and
caresurvey's `measures --format csv`, matched by measure and council ("england" for England).

usage: python3 agreement.py other.csv caresurvey-measures.csv
"""
import sys

import pandas as pd

other = pd.read_csv(sys.argv[1], dtype={"council": str})
ours = pd.read_csv(sys.argv[2], dtype={"council": str, "measure": str})
ours["council"] = ours["council"].where(ours["level"] != "england", "england")
m = other.merge(ours, on=["measure", "council"], how="left")
print(f"{len(other)} results, {int(m['estimate_y'].isna().sum())} unmatched; largest difference from caresurvey: "
      f"estimate {(m['estimate_x'] - m['estimate_y']).abs().max():.1e}, standard error {(m['se'] - m['standardError']).abs().max():.1e}")
