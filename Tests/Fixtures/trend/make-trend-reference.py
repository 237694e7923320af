#!/usr/bin/env python3
"""Reference values for the recent-trend test (benchmarking.md §5), written to trend-reference.json.

An independent implementation, not a transcription of the Swift code:
- weighted regression: numpy.polyfit(t, y, 1, w=1/SE, cov='unscaled') — slope and its unscaled
  covariance (X'WX)^-1, so SE(b) = sqrt(cov[0][0]) and chi2 = (b/SE(b))^2;
- chi-squared test for trend: the centred form chi2 = S^2 / (p(1-p) * sum n (t - tbar)^2) with
  S = sum n (p_t - p)(t - tbar), p = R/N, tbar = sum n t / N (algebraically the spec's formula),
  slope = S / sum n (t - tbar)^2;
- leave-one-out slopes: numpy.polyfit on the remaining points (original t), on y with w = 1/SE, or
  for counts on log(r/(n-r)) with w = 1/sqrt(1/r + 1/(n-r)) (0.5 added when r is 0 or n).
Decision: significant when chi2 > 9.5495 (3.090232^2, 99.8%) and every left-out slope has the full slope's sign.

Run: python3 make-trend-reference.py   (numpy; writes trend-reference.json beside this file)
"""
import json
import os
import numpy as np

THRESHOLD = 9.5495  # 3.090232^2, the two-sided 99.8% point squared


def se_of(p):
    if p.get("se") is not None:
        return p["se"]
    return (p["upper"] - p["lower"]) / 3.92


def regression(y, se):
    t = np.arange(1, len(y) + 1, dtype=float)
    coef, cov = np.polyfit(t, np.array(y, float), 1, w=1 / np.array(se, float), cov="unscaled")
    return coef[0], float(np.sqrt(cov[0, 0]))


def loo(y, sigma):
    t = np.arange(1, len(y) + 1, dtype=float)
    out = []
    for k in range(len(y)):
        keep = [i for i in range(len(y)) if i != k]
        coef = np.polyfit(t[keep], np.array(y, float)[keep], 1, w=1 / np.array(sigma, float)[keep])
        out.append(float(coef[0]))
    return out


def chi2_trend(r, n):
    r = np.array(r, float)
    n = np.array(n, float)
    t = np.arange(1, len(r) + 1, dtype=float)
    N, R = n.sum(), r.sum()
    p = R / N
    tbar = (n * t).sum() / N
    sxx = (n * (t - tbar) ** 2).sum()
    s = (n * (r / n - p) * (t - tbar)).sum()
    chi2 = 0.0 if R in (0, N) else s * s / (p * (1 - p) * sxx)
    return s / sxx, float(chi2)


def logit_and_sigma(r, n):
    ys, sig = [], []
    for ri, ni in zip(r, n):
        a, b = (ri + 0.5, ni - ri + 0.5) if ri in (0, ni) else (ri, ni - ri)
        ys.append(np.log(a / b))
        sig.append(np.sqrt(1 / a + 1 / b))
    return ys, sig


def evaluate(case):
    pts = [p for p in case["points"] if p.get("estimate") is not None]
    breaks = case.get("breaks", [])
    if len(pts) < 5:
        return {"direction": "not-tested", "reason": "fewer than 5 points", "points": len(pts)}
    last = pts[-5:]
    years = [p["year"] for p in last]

    def separated(a, b):
        return any(a < br["after"] <= b for br in breaks)

    if separated(years[0], years[-1]):
        k = 1
        while k < 5 and not separated(years[4 - k], years[5 - k]):
            k += 1
        return {"direction": "not-tested", "reason": "break in series", "points": k}
    if case.get("counts"):
        r = [p["r"] for p in last]
        n = [p["n"] for p in last]
        slope, chi2 = chi2_trend(r, n)
        ys, sig = logit_and_sigma(r, n)
        left = loo(ys, sig)
        method, slope_se = "chi-squared-trend", None
    else:
        y = [p["estimate"] for p in last]
        se = [se_of(p) for p in last]
        slope, slope_se = regression(y, se)
        chi2 = (slope / slope_se) ** 2
        left = loo(y, se)
        method = "weighted-regression"
    large = bool(chi2 > THRESHOLD and slope != 0)
    stable = all((s > 0) == (slope > 0) and s != 0 for s in left)
    significant = large and stable
    if significant:
        higher = case["polarity"] == "higher-is-better"
        direction = "improving" if (slope > 0) == higher else "worsening"
        reason = None
    else:
        direction = "no-significant-change"
        reason = "outlier found" if large else "not significant at 99.8%"
    return {"direction": direction, "reason": reason, "points": 5, "method": method, "slope": float(slope),
            "slopeStandardError": slope_se, "chiSquared": float(chi2), "leaveOneOut": left, "significant": bool(significant)}


def yrs(start, count):
    return [f"{y}-{(y + 1) % 100:02d}" for y in range(start, start + count)]


def series(values, se=None, start=2016, lower_upper=None):
    out = []
    for i, (year, v) in enumerate(zip(yrs(start, len(values)), values)):
        p = {"year": year, "estimate": v}
        if lower_upper:
            p["lower"], p["upper"] = lower_upper[i]
        else:
            p["se"] = se[i] if isinstance(se, list) else se
        out.append(p)
    return out


def counts(rs, ns, start=2016):
    return [{"year": y, "estimate": r / n, "r": r, "n": n} for y, r, n in zip(yrs(start, len(rs)), rs, ns)]


CASES = [
    {"name": "rising, higher is better", "polarity": "higher-is-better",
     "points": series([0.600, 0.612, 0.631, 0.640, 0.655, 0.671], se=[0.011, 0.010, 0.012, 0.011, 0.010, 0.012])},
    {"name": "rising, lower is better", "polarity": "lower-is-better",
     "points": series([12.1, 12.9, 13.8, 14.2, 15.6], se=0.25)},
    {"name": "falling, lower is better (improving)", "polarity": "lower-is-better",
     "points": series([640.0, 612.0, 598.0, 571.0, 552.0, 530.0], se=[9.0, 8.5, 9.5, 8.0, 9.0, 8.8])},
    {"name": "flat", "polarity": "higher-is-better", "points": series([19.1] * 5, se=0.2)},
    {"name": "noise", "polarity": "higher-is-better",
     "points": series([0.70, 0.71, 0.69, 0.705, 0.70], se=0.015)},
    {"name": "outlier flips the slope", "polarity": "higher-is-better",
     "points": series([50.0, 50.5, 49.8, 50.2, 60.0], se=1.0)},
    {"name": "fewer than 5 points", "polarity": "higher-is-better",
     "points": series([0.61, 0.63, 0.66, 0.70], se=0.005)},
    {"name": "missing year leaves 4 points", "polarity": "higher-is-better",
     "points": series([0.61, 0.63, 0.66, 0.70, 0.72], se=0.005)[:2] + [{"year": "2018-19", "estimate": None}]
     + series([0.61, 0.63, 0.66, 0.70, 0.72], se=0.005)[3:]},
    {"name": "break inside the last 5", "polarity": "higher-is-better",
     "points": series([0.60, 0.62, 0.64, 0.66, 0.68, 0.70, 0.72], se=0.005),
     "breaks": [{"before": "2019-20", "after": "2020-21", "reason": "definition changed"}]},
    {"name": "break before the last 5", "polarity": "higher-is-better",
     "points": series([0.40, 0.42, 0.60, 0.62, 0.64, 0.66, 0.68], se=0.005),
     "breaks": [{"before": "2017-18", "after": "2018-19", "reason": "definition changed"}]},
    {"name": "intervals only (SE = (U - L)/3.92)", "polarity": "higher-is-better",
     "points": series([7.4, 7.6, 7.9, 8.1, 8.4], lower_upper=[(7.1, 7.7), (7.3, 7.9), (7.6, 8.2), (7.8, 8.4), (8.1, 8.7)])},
    {"name": "counts rising", "polarity": "higher-is-better", "counts": True,
     "points": counts([410, 432, 455, 470, 498], [1000, 1010, 1000, 990, 1005])},
    {"name": "counts falling, lower is better", "polarity": "lower-is-better", "counts": True,
     "points": counts([90, 82, 75, 70, 58, 51], [1200, 1180, 1210, 1190, 1200, 1195])},
    {"name": "counts flat", "polarity": "higher-is-better", "counts": True,
     "points": counts([300, 300, 300, 300, 300], [1000, 1000, 1000, 1000, 1000])},
    {"name": "counts with an outlier", "polarity": "higher-is-better", "counts": True,
     "points": counts([500, 508, 495, 501, 600], [1000, 1000, 1000, 1000, 1000])},
    {"name": "counts with a zero", "polarity": "lower-is-better", "counts": True,
     "points": counts([0, 4, 9, 15, 22], [800, 810, 790, 805, 800])},
]

if __name__ == "__main__":
    out = {"numpy": np.__version__, "threshold": THRESHOLD, "cases": []}
    for case in CASES:
        c = dict(case)
        c["expected"] = evaluate(case)
        out["cases"].append(c)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "trend-reference.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    for c in out["cases"]:
        e = c["expected"]
        print(f'{c["name"]:40s} {e["direction"]:22s} {e.get("reason")}  chi2={e.get("chiSquared")}')
