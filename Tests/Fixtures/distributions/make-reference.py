#!/usr/bin/env python3
"""Reference values for Tests/CareSurveyTests/DistributionReferenceTests.swift.

Writes reference.json next to this script: scipy values for the standard normal, Student's t and
beta distributions on a fixed grid (deep tails included). Run: python3 make-reference.py
(needs scipy; the committed file was made with the version recorded in "scipy").
Values that underflow to 0 in scipy are kept (the test then checks |actual| <= 1e-290).
"""
import json, os
import scipy
import scipy.special as sp
from scipy import stats

normal_x = [-37, -30, -20, -10, -8.5, -6.361340902404056, -5, -3, -1.96, -1, -0.5, -1e-3, 0,
            1e-3, 0.5, 1, 1.96, 3, 5, 8]
normal_p = [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.025, 0.05, 0.1, 0.25, 0.4, 0.5,
            0.6, 0.75, 0.9, 0.95, 0.975, 0.99, 0.999, 1 - 1e-5, 1 - 1e-10]
t_df = [1, 2, 5, 10.5, 30, 303, 7208, 1e6, 1e7]
t_x = [-40, -10, -5, -3, -2, -1.96, -1, -0.5, -0.01, 0, 0.01, 0.5, 1, 1.5, 2, 2.5, 3, 5, 10, 40]
t_p = [1e-10, 1e-5, 0.001, 0.005, 0.025, 0.05, 0.1, 0.3, 0.45, 0.5, 0.55, 0.7, 0.9, 0.95, 0.975,
       0.995, 0.999, 1 - 1e-10]
beta_ab = [0.5, 1, 2.5, 30, 300, 5000]
beta_x = [1e-6, 0.001, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999, 1 - 1e-6]
beta_p = [1e-10, 0.001, 0.025, 0.3, 0.5, 0.975, 0.999, 1 - 1e-10]

out = {
    "generator": "make-reference.py",
    "scipy": scipy.__version__,
    "normal": {
        "cdf": [[x, float(sp.ndtr(x))] for x in normal_x],
        "survival": [[x, float(stats.norm.sf(x))] for x in normal_x],
        "quantile": [[p, float(sp.ndtri(p))] for p in normal_p],
    },
    "studentT": {
        "cdf": [[t, n, float(stats.t.cdf(t, n))] for n in t_df for t in t_x],
        "quantile": [[p, n, float(stats.t.ppf(p, n))] for n in t_df for p in t_p],
    },
    "beta": {
        "cdf": [[x, a, b, float(sp.betainc(a, b, x))] for a in beta_ab for b in beta_ab for x in beta_x],
        "survival": [[x, a, b, float(sp.betaincc(a, b, x))] for a in beta_ab for b in beta_ab for x in beta_x],
        "quantile": [[p, a, b, float(sp.betaincinv(a, b, p))] for a in beta_ab for b in beta_ab for p in beta_p],
    },
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference.json")
def rows(table):
    return "[\n" + ",\n".join("  " + json.dumps(r) for r in table) + "\n ]"

with open(path, "w") as f:  # one row per line
    parts = ['"generator": %s' % json.dumps(out["generator"]), '"scipy": %s' % json.dumps(out["scipy"])]
    for family in ("normal", "studentT", "beta"):
        inner = ",\n".join(' "%s": %s' % (k, rows(v)) for k, v in out[family].items())
        parts.append('"%s": {\n%s\n}' % (family, inner))
    f.write("{\n" + ",\n".join(parts) + "\n}\n")
json.load(open(path))  # sanity
print("wrote", path)
