#!/usr/bin/env python3
"""Writes Questionnaires/sace-2021-22.json and sace-2023-24.json (provisional) from shared/spec/sace.md."""
import json, sys, copy
root = sys.argv[1]
ascs = json.load(open(f"{root}/Questionnaires/ascs-2021-22.json"))
af = {f["name"]: f for f in ascs["fields"]}

def C(*labels, start=1): return [{"code": i + start, "label": l} for i, l in enumerate(labels)]
PROV = " (provisional: SACE codes sheet not seen)"
F = []
def add(**kw): F.append({k: v for k, v in kw.items() if v is not None})

LA = "LA Code\n(automatically generated)\nDO NOT OVERWRITE THE DATA IN THIS FIELD"
add(name="LaCode", key="lacode", label="Council (LA) code", kind="text", mandatory=True, valueRequired=True, header=LA)
add(name="SerialNo", key="serialnumber", label="Serial number / unique reference number", kind="text", mandatory=True, valueRequired=True,
    header="Serial Number / Unique Reference Number")
add(name="Response", key="response", label="Response / non-response (codes as in the ASCS; provisional)", kind="code",
    codes=C("Response", "Non-response (returned blank)", "Non-response (not returned)"), mandatory=True, valueRequired=True,
    header="Response/ Non Response")
add(name="MethodCollection", key="methodofcollection", label="Method of collection (codes as in the ASCS; provisional - SACE is postal, the conformance returns use only 1)",
    kind="code", codes=C("Post", "Face-to-face interview", "Telephone interview"), mandatory=True, header="Method of Collection")
add(name="Gender", key="gender", label="Gender of the carer (codes as in the ASCS; provisional)", kind="code", codes=C("Male", "Female", "Other"), mandatory=True,
    header="Gender")
add(name="Age", key="age", label="Age of the carer in years (range provisional)", kind="integer", min=18, max=120, mandatory=True, header="Age (Years)")
add(name="Ethnicity", key="ethnic", label="Ethnic group of the carer (codes as in the ASCS; provisional)", kind="code",
    codes=af["Ethnicity"]["codes"], mandatory=True, header="Ethnic Group")
# Admin fields of the 2023-24 guidance (appendices J and L): header texts and codes not seen. Sexual orientation and
# religion use the ASCS codes; method of assessment or review and support provided to the carer follow the short-
# and long-term support return (LTS003 table 3a). Voluntary here, so that returns without them still read.
add(name="Sexuality", key="sexualorientation", label="Sexual orientation of the carer (codes as in the ASCS; provisional)", kind="code",
    codes=af["Sexuality"]["codes"], header="Sexual Orientation (Voluntary field)")
add(name="Religion", key="religion", label="Religion of the carer (codes as in the ASCS; provisional)", kind="code",
    codes=af["Religion"]["codes"], header="Religion (Voluntary field)")
add(name="AssessmentMethod", key="methodofassessmentorreview", label="Method of assessment or review of the carer (as LTS003 table 3a; provisional)", kind="code",
    codes=C("Assessed or reviewed jointly with the cared-for person", "Assessed or reviewed separately", "No assessment or review in the year"),
    header="Method of Assessment or Review (Voluntary field)")
add(name="CarerSupport", key="supportprovidedtothecarer", label="Support provided to the carer (as LTS003 table 3a; provisional)", kind="code",
    codes=C("Direct payment only", "Part direct payment", "CASSR managed personal budget", "CASSR commissioned support only",
            "Information, advice and other universal services / signposting only", "No direct support provided to the carer"),
    header="Support Provided to the Carer (Voluntary field)")

def qheader(name, text):
    num, sub = name[1:].rstrip("abcdefghi"), name[1:].lstrip("0123456789")
    return ("Q%s[%s]" % (num, sub) if sub else "Q%s" % num) + " - " + text

def q(name, label, codes, text, mandatory=True, kind="code", **kw):
    add(name=name, key=name + "-", label=label, kind=kind, codes=codes, question=True, mandatory=mandatory, text=text,
        header=qheader(name, text), **kw)

tick = C("Ticked", "Not ticked")
q("q1", "Q1 Age of the person cared for", C("18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75-84", "85 or over"),
  "How old is the person you care for?")
for s in "abcdefghi":
    q(f"q2{s}", f"Q2{s} Condition of the person cared for: option {s} (tick all that apply; option wording not seen)", tick,
      "Which of the following conditions does the person you care for have? (tick all that apply)")
q("q3", "Q3 Where the person cared for lives", C("With me", "Elsewhere"), "Where does the person you care for live?")
q("q4", "Q4 Overall satisfaction with social services",
  C("I am extremely satisfied", "I am very satisfied", "I am quite satisfied", "I am neither satisfied nor dissatisfied",
    "I am quite dissatisfied", "I am very dissatisfied", "I am extremely dissatisfied",
    "I have not received any support or services from Social Services in the last 12 months"),
  "Overall, how satisfied or dissatisfied are you with the support or services you and the person you care for have received from Social Services in the last 12 months?")
for s in "abcdefg":
    q(f"q5{s}", f"Q5{s} Support or services received by the carer: option {s} (provisional: not described in sace.md, content and codes not seen)",
      tick, "Support or services received by the carer in the last 12 months (option wording not seen)", mandatory=False)
for s in "abcdef":
    q(f"q6{s}", f"Q6{s} Support or services received by the person cared for: option {s} (provisional: not described in sace.md, content and codes not seen)",
      tick, "Support or services received by the person cared for in the last 12 months (option wording not seen)", mandatory=False)
q("q7", "Q7 Occupation: doing things you value and enjoy",
  C("I'm able to spend my time as I want, doing things I value or enjoy", "I do some of the things I value or enjoy with my time but not enough",
    "I don't do anything I value or enjoy with my time"), "Which of the following statements best describes how you spend your time?")
q("q8", "Q8 Control over daily life",
  C("I have as much control over my daily life as I want", "I have some control over my daily life but not enough", "I have no control over my daily life"),
  "Which of the following statements best describes how much control you have over your daily life?")
q("q9", "Q9 Looking after yourself",
  C("I look after myself", "Sometimes I can't look after myself well enough", "I feel I am neglecting myself"),
  "Thinking about how much time you have to look after yourself - in terms of getting enough sleep or eating well - which statement best describes your present situation?")
q("q10", "Q10 Personal safety",
  C("I have no worries about my personal safety", "I have some worries about my personal safety", "I am extremely worried about my personal safety"),
  "Thinking about your personal safety, which of the statements best describes your present situation?")
q("q11", "Q11 Social contact",
  C("I have as much social contact as I want with people I like", "I have some social contact with people but not enough",
    "I have little social contact with people and feel socially isolated"),
  "Thinking about how much contact you've had with people you like, which of the following statements best describes your social situation?")
q("q12", "Q12 Encouragement and support",
  C("I feel I have encouragement and support", "I feel I have some encouragement and support but not enough", "I feel I have no encouragement and support"),
  "Thinking about encouragement and support in your caring role, which of the following statements best describes your present situation?")
q("q15", "Q15 Financial difficulties caused by caring",
  C("No, not at all", "Yes, to some extent", "Yes, a lot"),
  "In the last 12 months, has caring caused you any financial difficulties?")
info = ("Q16 Finding information and advice",
        C("Very easy to find", "Fairly easy to find", "Fairly difficult to find", "Very difficult to find", "I have never tried to find information or advice"),
        "In the last 12 months, have you found it easy or difficult to find information and advice about support, services or benefits?")
helpful = ("Q17 Helpfulness of information and advice",
           C("Very helpful", "Quite helpful", "Quite unhelpful", "Very unhelpful", "I have not received any information or advice in the last 12 months"),
           "In the last 12 months, how helpful has the information and advice you have received been?")
involved = ("Q18 Involved or consulted in discussions about the person cared for",
            C("I always felt involved or consulted", "I usually felt involved or consulted", "I sometimes felt involved or consulted",
              "I never felt involved or consulted", "There have been no discussions that I'm aware of, in the last 12 months"),
            "In the last 12 months, do you feel you have been involved or consulted as much as you wanted to be, in discussions about the support or services provided to the person you care for?")
q("q16", *info)
q("q17", *helpful)
q("q18", *involved)
# 2021-22 only: the COVID-19 questions of section 7 (removed in 2023-24). Their numbers, wording and codes have not
# been seen (sace.md section 3): read and validated loosely (a whole number 1-9, or -9/blank for no answer; blank for
# non-respondents), voluntary (a missing column is a warning in a workbook), never scored and never tabulated.
COVID = [("q31", "impact of the COVID-19 pandemic on the support or services received"),
         ("q32", "impact of the COVID-19 pandemic on the caring role"),
         ("q33", "impact of the COVID-19 pandemic on the carer's own health and wellbeing")]
for name, topic in COVID:
    q(name, f"Q{name[1:]} COVID-19 section 7: {topic} (number, wording and codes not seen; never scored)", None,
      f"COVID-19 (section 7): {topic} (provisional: the 2021-22 question was not seen)", mandatory=False, kind="integer", min=1, max=9)

def flag(code, former, name, var, num, base=None, note=None):
    m = {"code": code, "formerCode": former, "name": name, "kind": "proportion", "polarity": "higher-is-better",
         "flag": {"variable": var, "numerator": num, **({"base": base} if base else {})}}
    if note: m["note"] = note
    return m

def measures(info_q, involved_q):
    return [
        {"code": "1C", "formerCode": "1D", "name": "Carer-reported quality of life", "kind": "mean", "polarity": "higher-is-better",
         "score": {"terms": [{"label": "carer QoL domains (codes 1/2/3 score 2/1/0)", "variables": ["q7", "q8", "q9", "q10", "q11", "q12"],
                              "values": {"1": 2, "2": 1, "3": 0}}]},
         "note": "carers who answered all of Q7-Q12; each item scores 2/1/0 for codes 1/2/3; score 0-12"},
        flag("1E", "3B", "Overall satisfaction of carers with social services", "q4", [1, 2], [1, 2, 3, 4, 5, 6, 7],
             "extremely or very satisfied; code 8 (no support or services received) is excluded from the base"),
        flag("3B", "3C", "Carers included or consulted in discussions", involved_q, [1, 2], [1, 2, 3, 4],
             f"always or usually involved; code 5 (no discussions) is excluded from the base ({involved_q.upper()})"),
        flag("3C2", "3D2", "Carers who find it easy to find information", info_q, [1, 2], [1, 2, 3, 4],
             f"very or fairly easy; code 5 (never tried) is excluded from the base ({info_q.upper()})"),
        flag("5A2", "1I2", "Carers with as much social contact as they would like", "q11", [1], None,
             "Q11 = 1 among carers who answered Q11"),
    ]

def doc(year, fields, source, ms, detect):
    return {
        "schemaVersion": 2, "survey": "SACE", "surveyName": "Survey of Adult Carers in England", "surveyYear": year,
        "status": "provisional", "source": source, "councilField": "LaCode", "serialField": "SerialNo", "peopleUnit": "carers",
        "excel": {"sheet": "Carers Data", "headerRow": 1, "councilCell": {"sheet": "Sign Off Sheet", "cell": "E2"}},
        "missingCodes": [-9],
        "fields": fields,
        "respondent": {"field": "Response", "in": [1]},
        "nonRespondent": {"questionsBlank": True},
        "strata": {"rules": [{"value": 1, "note": "the council is the only stratum"}]},
        "populations": {"dimensions": [], "values": {}, "sets": [{"name": "stratum", "rules": [{"stratum": 1}],
                        "note": "the council is the only stratum: population files are LaCode,Population (or LaCode,Stratum,Population with stratum 1)"}]},
        "measures": ms,
        # Single-coded (one answer) questions only; the tick-all items of Q2, Q5 and Q6 are not tabulated.
        "tables": [{"question": f["name"]} for f in fields if f.get("question") and f["kind"] == "code" and f["codes"] != tick],
        "domains": [d for d in ascs["domains"] if d["name"] in ("gender", "age-band", "ethnicity")]
                   + [{"name": "stratum", "field": "DerivedStratum", "groups": [{"label": "1 Council (the only stratum)", "codes": [1]}]}],
        "detect": detect,
    }

COMMON = ("The SACE data-return codes sheet has not been seen: question codes follow shared/spec/sace.md section 3 (codes 1..k in printed order; "
          "-9 or blank = no answer; any other value outside a question's codes is made missing with a diagnostic). "
          "Provisional beyond sace.md: the admin fields Response, MethodCollection, Gender, Age and Ethnicity reuse the ASCS codes "
          "(chosen to accept the conformance returns); Q5a-g and Q6a-f (support or services received by the carer and by the person cared for) "
          "are not described in sace.md, are read as 1 ticked / 2 not ticked, are not mandatory and feed no measure; the wording of the Q2 options is not known. "
          "No tick-all-that-apply validation is applied to Q2, Q5 or Q6 (the conformance returns contain carers with every option 'not ticked', and the SACE rule is unknown). "
          "Questions not described in sace.md (e.g. Q13, Q14, and the later demographic questions) are not in this codebook: such columns are reported as ignored. "
          "The admin fields Sexuality, Religion, AssessmentMethod (method of assessment or review) and CarerSupport (support provided to the carer) "
          "are those of the published 2023-24 guidance (appendices J and L); their header texts and codes were not found: sexual orientation and religion "
          "use the ASCS codes, the other two the categories of the short- and long-term support return (LTS003 table 3a); they are voluntary here. "
          "Header texts follow the ASCS return's style, and the workbook layout (data sheet 'Carers Data', header row 1, codes on 'Carers Data - Codes', "
          "council code in column A or else the Sign Off Sheet's E2) is assumed to be the ASCS one (sace.md section 2). "
          "Measures from sace.md section 4.")

s21 = doc("2021-22", F, "SACE 2021-22 numbering. The COVID-19 questions of section 7 (q31-q33 here; their numbers, wording and codes were not seen) "
          "are read and validated loosely (a whole number 1-9), voluntary, and never scored or tabulated. " + COMMON, measures("q16", "q18"),
          {"all": ["q18", "q4", "q2i"], "none": ["q19", "q10b", "PrimarySupportReason"]})

# 2023-24: new Q16 loneliness; old Q16-18 -> Q17-19; free-text Q10b.
F23 = []
rename = {"q16": "q17", "q17": "q18", "q18": "q19"}
covid = {name for name, _ in COVID}
for f in F:
    if f["name"] in covid: continue
    g = copy.deepcopy(f)
    if g["name"] in rename:
        new = rename[g["name"]]
        g["name"], g["key"] = new, new + "-"
        g["label"] = "Q" + new[1:] + g["label"][3:]
        g["header"] = qheader(new, g["text"])
    F23.append(g)
    if f["name"] == "q10":
        F23.append({"name": "q10b", "key": "q10b-", "label": "Q10b Personal safety: comments (free text, new in 2023-24; never scored or exported)",
                    "kind": "free-text", "question": True, "text": "Personal safety: any comments (free text)",
                    "header": qheader("q10b", "Personal safety: any comments (free text)")})
    if f["name"] == "q15":
        F23.append({"name": "q16", "key": "q16-", "label": "Q16 Loneliness (new in 2023-24; labels provisional)", "kind": "code",
                    "codes": C("Often or always", "Some of the time", "Occasionally", "Hardly ever", "Never"),
                    "question": True, "mandatory": True, "text": "How often do you feel lonely?",
                    "header": qheader("q16", "How often do you feel lonely?")})
s23 = doc("2023-24", F23, "SACE 2023-24 numbering (sace.md section 3: new Q16 loneliness, 5-point with provisional labels; "
          "every question from the old Q16 moved up by one: information Q17, helpfulness Q18, involvement Q19; "
          "free-text Q10b is read but never scored or exported; the COVID-19 section 7 of 2021-22 was removed). " + COMMON, measures("q17", "q19"),
          {"all": ["q19", "q4", "q2i"], "none": ["PrimarySupportReason"]})
for name, d in [("sace-2021-22", s21), ("sace-2023-24", s23)]:
    with open(f"{root}/Questionnaires/{name}.json", "w") as out:
        json.dump(d, out, indent=1, ensure_ascii=False)
        out.write("\n")
