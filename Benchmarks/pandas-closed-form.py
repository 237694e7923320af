#!/usr/bin/env python3
"""The eight ASCS measures for every council and England with pandas, in closed form.

What an analyst would write in Python without a survey package: the same scoring as
Benchmarks/r-survey-bench.R (ASCOF 1A, 1B, 3A, 5A1, 1D, 3C1, 4A, 4B from a tidy 2021-22
return) and the stratified estimator with finite population correction written out
(strata = council x design stratum; weights N_h / n_h; strata with one respondent add no
variance, as R's survey.lonely.psu = "certainty"):

    estimate = sum_h N_h * mean_h / sum_h N_h
    variance = sum_h (1 - n_h / N_h) * N_h^2 * s_h^2 / n_h / (sum_h N_h)^2

usage: python3 pandas-closed-form.py returns.csv population.csv [out.csv]
Prints the wall time of reading + scoring + estimating (Python start-up and the pandas import
excluded) on the last line. Needs: pip install pandas
"""
import sys
import time

import numpy as np
import pandas as pd

returns_path, population_path = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
d = pd.read_csv(returns_path, dtype={"LaCode": str}, na_values=["", "-9"], low_memory=False)
p = pd.read_csv(population_path, dtype={"LaCode": str})
d = d[d["Response"] == 1].copy()


def inr(x, hi):
    """Valid whole codes 1..hi, else missing."""
    x = pd.to_numeric(x, errors="coerce")
    return x.where((x >= 1) & (x <= hi) & (x == x.round()))


# Design strata: learning disability; 18-64; 65+ in residential or nursing care; 65+ in the community.
d["h"] = np.select([d["PrimarySupportReason"] == 7, d["Age"] < 65, d["SupportSetting"].isin([2, 3])], [1, 2, 3], 4)
p["h"] = np.select([p["PSRGroup"] == "LearningDisability", p["AgeBand"] == "18-64", p["Setting"].isin(["Residential", "Nursing"])], [1, 2, 3], 4)
p["adj"] = (p["Setting"] == "Community") & p["PSRGroup"].isin(["Physical", "Sensory", "Memory", "MentalHealth"])
N = p.groupby(["LaCode", "h"])["Population"].sum().rename("N")
Nadj = p[p["adj"]].groupby(["LaCode", "h"])["Population"].sum().rename("Nadj")
d = d.join(N, on=["LaCode", "h"]).join(Nadj, on=["LaCode", "h"])

items = ["q3a", "q4a", "q5a", "q6a", "q7a", "q8a", "q9a", "q11"]
weights = {"q3a": [1, .919, .541, 0], "q4a": [.911, .789, .265, .195], "q5a": [.879, .775, .294, .184],
           "q6a": [.863, .78, .374, .288], "q7a": [.88, .452, .298, .114], "q8a": [.873, .748, .497, .241],
           "q9a": [.962, .927, .567, .17], "q11": [.847, .637, .295, .263]}
X = pd.DataFrame({q: inr(d[q], 4) for q in items})
complete = X.notna().all(axis=1)
d["m1A"] = (4 - X).sum(axis=1).where(complete)
U = 0.203 * sum(X[q].map({k + 1.0: w for k, w in enumerate(weights[q])}) for q in items) - 0.466
adl = sum(inr(d[q], 3) - 1 for q in ["q15a", "q15b", "q15c", "q15d", "q16a", "q16b", "q16c"])
q13, q17, q18 = inr(d["q13"], 5), inr(d["q17"], 4), inr(d["q18"], 4)


def ind(mask, source):
    """A 0/1 indicator that is missing where `source` is missing (R's NA propagation)."""
    return mask.astype(float).where(source.notna())


P = (0.5798 + 0.0473 * (d["Age"] >= 65) - 0.0148 * ind(q13 == 3, q13) - 0.109 * ind(q13.isin([4, 5]), q13) - 0.0202 * adl
     - 0.0308 * ind(q17 == 2, q17) - 0.125 * ind(q17.isin([3, 4]), q17) - 0.0603 * ind(q18 == 2, q18) - 0.11 * ind(q18.isin([3, 4]), q18))
eligible = (((d["h"] == 2) & (d["SupportSetting"] == 1)) | (d["h"] == 4)) & d["PrimarySupportReason"].isin([1, 2, 3, 4, 5, 6, 8])
d["m1B"] = (U - P).where(complete & eligible & P.notna())
q1 = pd.to_numeric(d["q1"], errors="coerce")
q1 = q1.where((q1 >= 1) & (q1 <= np.where(d["Questionnaire"] == 3, 5, 7)) & (q1 == q1.round()))
combined = q1.where(d["Questionnaire"] == 3, (q1 - 1).clip(lower=1, upper=5))
q12 = inr(d["q12"], 5)
q3a, q8a, q7a, q7b = inr(d["q3a"], 4), inr(d["q8a"], 4), inr(d["q7a"], 4), inr(d["q7b"], 2)
d["m3A"] = ind(q3a <= 2, q3a)
d["m5A1"] = ind(q8a == 1, q8a)
d["m1D"] = ind(combined == 1, combined)
d["m3C1"] = ind(q12.isin([2, 3]), q12).where(q12 != 1)
d["m4A"] = ind(q7a == 1, q7a)
d["m4B"] = ind(q7b == 1, q7b)


def estimate(cells, by):
    """Closed-form stratified mean and standard error from per-stratum n, N, mean and variance."""
    cells = cells.assign(fpc=1 - cells["n"] / cells["NN"], NNm=cells["NN"] * cells["mean"],
                         v=(1 - cells["n"] / cells["NN"]) * cells["NN"] ** 2 * cells["var"].fillna(0) / cells["n"])
    g = cells.groupby(by)[["NN", "NNm", "v"]].sum() if by else cells[["NN", "NNm", "v"]].sum().to_frame().T
    return pd.DataFrame({"estimate": g["NNm"] / g["NN"], "se": np.sqrt(g["v"]) / g["NN"]})


out = []
for m in ["1A", "1B", "3A", "5A1", "1D", "3C1", "4A", "4B"]:
    s = d.loc[d["m" + m].notna(), ["LaCode", "h", "m" + m, "Nadj" if m == "1B" else "N"]]
    s.columns = ["LaCode", "h", "y", "NN"]
    cells = s.groupby(["LaCode", "h"]).agg(n=("y", "size"), mean=("y", "mean"), var=("y", "var"), NN=("NN", "first")).reset_index()
    by_council = estimate(cells, ["LaCode"]).reset_index().rename(columns={"LaCode": "council"})
    england = estimate(cells, None).assign(council="england")
    out.append(pd.concat([by_council, england], ignore_index=True).assign(measure=m))
out = pd.concat(out, ignore_index=True)[["measure", "council", "estimate", "se"]]
t1 = time.perf_counter()
if len(sys.argv) >= 4:
    out.to_csv(sys.argv[3], index=False)
print(f"pandas: {len(out)} results, {t1 - t0:.3f} s")
