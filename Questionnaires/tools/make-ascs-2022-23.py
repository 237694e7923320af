#!/usr/bin/env python3
"""Generator of Questionnaires/ascs-2022-23.json (provisional) from Questionnaires/ascs-2021-22.json and the
later numbering of shared/spec/ascs.md section 2.5: a new Q7b (content unconfirmed), old Q7b -> Q7c, a new
loneliness Q12, and every later question moved up by one (information Q13, health Q14, pain/anxiety Q15a-b,
abilities Q16a-d and Q17a-d, home design Q18, outside Q19, practical help Q20a-c, top-up Q21a-c, help completing
Q22, help type Q23a-f). Codes, admin fields, validation rules, strata and populations are those of 2021-22.
The 1B (adjusted SCRQoL) score includes the shared ASCOT utility model (its domains Q3a-Q9a and Q11 keep their
numbers) and carries the predicted-utility regression inline, renumbered, with factor -1 applied; the shared
files in Weights/ are not changed.
usage: make-ascs-2022-23.py > Questionnaires/ascs-2022-23.json   (run from the repository root)"""
import copy, json, os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
old = json.load(open(os.path.join(root, "Questionnaires", "ascs-2021-22.json")))
predicted = json.load(open(os.path.join(root, "Weights", "adjusted-scrqol-predicted-utility.json")))

# 2021-22 question -> 2022-23 question.
RENAME = {"q7b": "q7c", "q12": "q13", "q13": "q14", "q14a": "q15a", "q14b": "q15b",
          **{f"q15{s}": f"q16{s}" for s in "abcd"}, **{f"q16{s}": f"q17{s}" for s in "abcd"},
          "q17": "q18", "q18": "q19", **{f"q19{s}": f"q20{s}" for s in "abc"}, **{f"q20{s}": f"q21{s}" for s in "abc"},
          "q21": "q22", **{f"q22{s}": f"q23{s}" for s in "abcdef"}}
def ren(name): return RENAME.get(name, name)
def relabel(label, new):
    # "Q14a Pain or discomfort" -> "Q15a Pain or discomfort"
    return re.sub(r"^Q\d+[a-f]?\b", "Q" + new[1:], label)
def reheader(header, new):
    # Official header text, bracket style kept: "Q14a - Bodily pain" -> "Q15a - ...", "Q15[a] - " -> "Q16[a] - ",
    # "Q7b - " -> "Q7c - ".
    m = re.match(r"Q(\d+)(\[?)([a-f]?)(\]?)", header)
    n = re.fullmatch(r"q(\d+)([a-f]?)", new)
    if not m or not n: return header
    return "Q" + n.group(1) + m.group(2) + n.group(2) + m.group(4) + header[m.end():]

fields = []
for f in old["fields"]:
    g = copy.deepcopy(f)
    if g.get("question"):
        new = ren(g["name"])
        if new != g["name"]:
            g["name"], g["key"], g["label"] = new, new + "-", relabel(g["label"], new)
            if "header" in g: g["header"] = reheader(g["header"], new)
    fields.append(g)
    if f["name"] == "q7a":
        fields.append({"name": "q7b", "key": "q7b-", "label": "Q7b New question in 2022-23 (content unconfirmed; codes 1/2 provisional)",
                       "kind": "code", "codes": [{"code": 1, "label": "Code 1 (provisional)"}, {"code": 2, "label": "Code 2 (provisional)"}],
                       "question": True, "mandatory": True,
                       "header": "Q7b - New question in 2022-23 (content unconfirmed)"})
    if f["name"] == "q11":
        fields.append({"name": "q12", "key": "q12-", "label": "Q12 Loneliness (new in 2022-23; labels provisional)", "kind": "code",
                       "codes": [{"code": 1, "label": "Often or always"}, {"code": 2, "label": "Some of the time"},
                                 {"code": 3, "label": "Occasionally"}, {"code": 4, "label": "Hardly ever"}, {"code": 5, "label": "Never"}],
                       "question": True, "mandatory": True, "text": "How often do you feel lonely?",
                       "header": "Q12 - How often do you feel lonely?"})
# Keep the 2021-22 order of questions by number.
names = [f["name"] for f in fields]
assert len(names) == len(set(names)), "duplicate field names"

groups = [{**g, "name": ren(g["fields"][0])[:-1], "fields": [ren(x) for x in g["fields"]]} for g in old["multiTickGroups"]]

# 1B: ASCOT current utility (shared model, unchanged numbering) minus the predicted utility, renumbered inline.
terms = []
for t in predicted["terms"]:
    u = copy.deepcopy(t)
    u["variables"] = [ren(v) for v in t["variables"]]
    u["coefficient"] = -t["coefficient"]
    u["label"] = "minus predicted utility: " + re.sub(r"Q(\d+[a-d]?)", lambda m: "Q" + ren("q" + m.group(1))[1:], t["label"])
    terms.append(u)

measures = []
for m in old["measures"]:
    m = copy.deepcopy(m)
    if m.get("flag"):
        m["flag"]["variable"] = ren(m["flag"]["variable"])
    if m["code"] == "1B":
        m["score"] = {"constant": -predicted["constant"],
                      "include": [{"model": "ascot-current-utility", "factor": 1}],
                      "terms": terms}
        m["note"] = ("current ASCOT utility minus predicted utility without services; community strata 2 and 4, PSR 1-6 and 8. "
                     "Predicted-utility coefficients as in Weights/adjusted-scrqol-predicted-utility.json (2021-22), renumbered for "
                     "2022-23 (health Q14, abilities Q16a-d and Q17a-c, home Q18, outside Q19) and negated")
    if m["code"] == "3C1":
        m["note"] = "never-tried (code 1) excluded from the base; Q13 from 2022-23"
    if m["code"] == "4B":
        m["note"] = "Q7c from 2022-23 (was Q7b); dropped from ASCOF in 2023-24; still published as a survey result"
    measures.append(m)

tables = []
for t in old["tables"]:
    t = dict(t)
    t["question"] = ren(t["question"])
    tables.append(t)
    if t["question"] == "q7a": tables.append({"question": "q7b"})
    if t["question"] == "q11": tables.append({"question": "q12"})

doc = copy.deepcopy(old)
doc.update({
    "surveyYear": "2022-23", "status": "provisional",
    "source": ("Provisional: the 2022-23 renumbering of shared/spec/ascs.md section 2.5 applied to the verified 2021-22 codebook "
               "(Questionnaires/ascs-2021-22.json) by Questionnaires/tools/make-ascs-2022-23.py. A new Q7b was inserted (content unconfirmed: "
               "codes 1/2 provisional), the old Q7b became Q7c, a loneliness question became Q12 (5-point, labels provisional) and every later "
               "question moved up by one (information Q13, health Q14, pain/anxiety Q15a-b, abilities Q16a-d and Q17a-d, home design Q18, "
               "outside Q19, practical help Q20a-c, top-up Q21a-c, help completing Q22, help type Q23a-f). Codes of the renumbered questions, "
               "admin fields, validation rules, the workbook layout, strata and populations are assumed unchanged from 2021-22; the 2022-23 "
               "data-return workbook has not been seen."),
    "fields": fields, "multiTickGroups": groups, "measures": measures, "tables": tables,
    "detect": {"all": ["PrimarySupportReason", "q3a", "q23f"], "none": []},
})
json.dump(doc, sys.stdout, indent=1, ensure_ascii=False)
print()
