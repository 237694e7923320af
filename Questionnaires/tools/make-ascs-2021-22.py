#!/usr/bin/env python3
"""One-off generator of Questionnaires/ascs-2021-22.json from the official blank workbook
(codes from its "Service User Data - Codes" sheet, question texts from the "Service User Data"
header row) and the rules of shared/spec/ascs.md. The JSON it writes is the source of truth and
may be edited by hand; re-running overwrites hand edits.
usage: make-ascs-2021-22.py WORKBOOK.xlsx > Questionnaires/ascs-2021-22.json"""
import json, re, sys, zipfile, html

wb = zipfile.ZipFile(sys.argv[1])
strs = [html.unescape(''.join(re.findall(r'<t[^>]*>(.*?)</t>', s, re.S)))
        for s in re.findall(r'<si>(.*?)</si>', wb.read('xl/sharedStrings.xml').decode(), re.S)]

def sheet(n):
    out = {}
    for r, body in re.findall(r'<row r="(\d+)"[^>]*>(.*?)</row>', wb.read(f'xl/worksheets/sheet{n}.xml').decode(), re.S):
        for ref, attrs, inner in re.findall(r'<c r="([A-Z]+)\d+"([^>]*?)(?:/>|>(.*?)</c>)', body, re.S):
            v = re.search(r'<v>(.*?)</v>', inner or '')
            if v:
                out[(int(r), ref)] = strs[int(v.group(1))] if 't="s"' in attrs else html.unescape(v.group(1))
    return out

codes_sheet = sheet(5)
blocks = []  # (title, [(code,label)])
for r in sorted({k[0] for k in codes_sheet}):
    if r < 4: continue
    if (r, 'B') in codes_sheet:
        blocks.append((codes_sheet[(r, 'B')].strip(), []))
    if (r, 'C') in codes_sheet and blocks:
        code = int(float(codes_sheet[(r, 'C')]))
        if code != -9:
            blocks[-1][1].append({"code": code, "label": codes_sheet.get((r, 'E'), '').strip()})
headers = {ref: v for (r, ref), v in sheet(10).items() if r == 1}

def block(prefix, skip=0):
    found = [b for b in blocks if b[0].replace('\r', '').replace('\n', ' ').startswith(prefix)]
    return found[skip][1]

def qtext(col):
    h = headers[col].replace('\r\n', ' ').strip()
    return h.split(' - ', 1)[1] if ' - ' in h else h

F = []
def add(**kw): F.append({k: v for k, v in kw.items() if v is not None})

add(name="LaCode", key="lacode", label="Council (LA) code", kind="text", mandatory=True, valueRequired=True)
add(name="SerialNo", key="serialnumber", label="Serial number / unique reference number", kind="text", mandatory=True, valueRequired=True)
add(name="PrimaryKey", key="primarykey", label="Primary key (NHS Digital use only)", kind="text", excelOnly=True)
add(name="Stratum", key="stratum", label="Stratum reported by the council", kind="code",
    codes=[{"code": 1, "label": "Learning disability support (all ages)"}, {"code": 2, "label": "18-64, excluding learning disability support"},
           {"code": 3, "label": "65 and over in residential or nursing care, excluding learning disability support"},
           {"code": 4, "label": "65 and over in the community, excluding learning disability support"}])
add(name="PopulationInStratum", key="populationinstratum", label="Population in stratum (workbook formula)", kind="number", excelOnly=True)
add(name="MethodCollection", key="methodofcollection", label="Method of collection", kind="code", codes=block("Method of Collection"), mandatory=True)
add(name="Response", key="response", label="Response / non-response", kind="code", codes=block("Response"), mandatory=True, valueRequired=True)
add(name="Gender", key="gender", label="Gender", kind="code", codes=block("Gender"), mandatory=True)
add(name="Age", key="age", label="Age (years)", kind="integer", min=18, max=120, mandatory=True)
add(name="Ethnicity", key="ethnic", label="Ethnic group", kind="code", codes=block("Ethnic group"), mandatory=True)
add(name="Sexuality", key="sexualorientation", label="Sexual orientation", kind="code", codes=block("Sexual Orientation"), mandatory=True)
add(name="Religion", key="religion", label="Religion", kind="code", codes=block("Religion"), mandatory=True)
add(name="PrimarySupportReason", key="primarysupportreason", label="Primary support reason", kind="code", codes=block("Primary Support Reason"), mandatory=True)
add(name="SupportSetting", key="supportsetting", label="Support setting", kind="code", codes=block("Support Setting"), mandatory=True)
add(name="MechOfDelivery", key="mechanismofdelivery", label="Mechanism of delivery", kind="code", codes=block("Mechanism of Delivery"), mandatory=True)
yesno = [{"code": 1, "label": "Yes"}, {"code": 2, "label": "No"}]
add(name="FullCost", key="fullcost", label="Full cost client (voluntary)", kind="code", codes=yesno)
add(name="GrossAnnualBudget", key="grossannualbudget", label="Gross annual budget, £ (voluntary)", kind="number")
add(name="BudgetContributions", key="includeanycontributions", label="Budget includes the user's contributions (voluntary)", kind="code", codes=yesno)
add(name="BudgetEquipment", key="includeanyequipmentcosts", label="Budget includes equipment costs (voluntary)", kind="code", codes=yesno)
add(name="BudgetCareHomeFees", key="includeanycarehomefees", label="Budget includes care home fees (voluntary)", kind="code", codes=yesno)
add(name="BudgetOtherFunding", key="otherstreamsoffunding", label="Budget includes other streams of funding (voluntary)", kind="code", codes=yesno)
add(name="CentrallyFunded", key="receivedanycentrallyfunded", label="Received centrally funded services not included (voluntary)", kind="code", codes=yesno)
add(name="CentrallyFundedTypes", key="typesofcentrallyfunded", label="Types of centrally funded services (voluntary free text)", kind="free-text")
health = [("HealthCOPD", "chronicobstructive", "Chronic obstructive pulmonary disease"), ("HealthCancer", "condition:cancer", "Cancer"),
          ("HealthPhysicalInjury", "acquiredphysicalinjury", "Acquired physical injury"), ("HealthHIV", "hiv/aids", "HIV / AIDS"),
          ("HealthOtherPhysical", "condition-physical", "Other long-term condition - physical"), ("HealthStroke", "stroke", "Stroke"),
          ("HealthParkinsons", "parkinson", "Parkinson's"), ("HealthMND", "motorneurone", "Motor neurone disease"),
          ("HealthBrainInjury", "acquiredbraininjury", "Acquired brain injury"), ("HealthOtherNeurological", "condition-neurological", "Other long-term condition - neurological"),
          ("HealthVisual", "visuallyimpaired", "Visually impaired"), ("HealthHearing", "hearingimpaired", "Hearing impaired"),
          ("HealthOtherSensory", "othersensoryimpairment", "Other sensory impairment"), ("HealthLearningDisability", "condition:learningdisability", "Learning disability"),
          ("HealthAutism", "condition:autism", "Autism (excluding Asperger syndrome / high functioning autism)"),
          ("HealthAsperger", "condition:asperger", "Asperger syndrome / high functioning autism"),
          ("HealthOtherLearning", "otherlearning", "Other learning, developmental or intellectual disability"), ("HealthDementia", "dementia", "Dementia"),
          ("HealthOtherMental", "othermentalhealth", "Other mental health condition"), ("HealthOther", "anyotherrelevant", "Any other relevant long-term condition")]
for name, key, label in health:
    add(name=name, key=key, label=f"Reported health condition: {label} (voluntary)", kind="code", codes=yesno)
add(name="Advocate", key="advocate", label="Advocate used", kind="code", codes=block("Was an advocate used"), mandatory=True)
add(name="Interpreter", key="interpreter", label="Interpreter used", kind="code", codes=block("Was an interpreter used"), mandatory=True)
add(name="Translated", key="language", label="Language of questionnaire used", kind="code", codes=block("Language of questionnaire"), mandatory=True)
add(name="Questionnaire", key="whichquestionnaire", label="Questionnaire used", kind="code", codes=block("Which questionnaire"), mandatory=True)
add(name="Replacement", key="replacement", label="Replacement for an excluded person", kind="code", codes=block("Is this a replacement"), mandatory=True)
add(name="OriginalReminder", key="originalmailing", label="Responded to the original mailing or a reminder (voluntary)", kind="code", codes=block("Did this person respond"))
add(name="CopyRequested", key="requestacopy", label="Requested a copy of the report (voluntary)", kind="code", codes=yesno)

qcols = {}
for col, h in headers.items():
    m = re.match(r'Q(\d+)\[?([a-f]?)\]? - ', h)
    if m: qcols[f"q{m.group(1)}{m.group(2)}"] = col
def q(name, codes, label, **kw):
    add(name=name, key=name + "-", label=label, kind="code", codes=codes, question=True, mandatory=True, text=qtext(qcols[name]), **kw)

q("q1", block("Q1 - Overall"), "Q1 Satisfaction with care and support", easyReadCodes=[1, 2, 3, 4, 5])
q("q2a", block("Q2a - Thinking about the good"), "Q2a Quality of life", easyReadCodes=[1, 2, 3, 4, 5])
q("q2b", block("Q2b"), "Q2b Services help quality of life")
q("q2c", block("Q2c"), "Q2c Choice over services")
for n, (a, b, topic) in enumerate([("Q3a", "Q3b", "control"), ("Q4a", "Q4b", "keeping clean and presentable"), ("Q5a", "Q5b", "food and drink"),
                                   ("Q6a", "Q6b", "home clean and comfortable"), ("Q7a", "Q7b", "feeling safe"), ("Q8a", "Q8b", "social contact"),
                                   ("Q9a", "Q9b", "how time is spent")]):
    q(a.lower(), block(a + " "), f"{a} {topic.capitalize()}")
    q(b.lower(), block(b + " "), f"{b} Services help: {topic}")
q("q10", block("Q10 "), "Q10 Help and self-esteem")
q("q11", block("Q11 "), "Q11 Dignity")
q("q12", block("Q12 "), "Q12 Finding information and advice")
q("q13", block("Q13 "), "Q13 Health in general")
q("q14a", block("Q14 ", 0), "Q14a Pain or discomfort")
q("q14b", block("Q14 ", 1), "Q14b Anxiety or depression")
for i, s in enumerate("abcd"):
    q(f"q15{s}", block("Q15 ", i), f"Q15{s} Ability")
for i, s in enumerate("abcd"):
    q(f"q16{s}", block("Q16 ", i), f"Q16{s} Ability")
q("q17", block("Q17 "), "Q17 Home design meets needs")
q("q18", block("Q18 "), "Q18 Getting around outside")
tick = block("Q19 ")  # "This option is selected" / "This option is not selected but another option is" (-9 "No options are selected" dropped)
for s in "abc": q(f"q19{s}", tick, f"Q19{s} Practical help from others")
for s in "abc": q(f"q20{s}", tick, f"Q20{s} Buys additional care privately")
q("q21", block("Q21 "), "Q21 Had help completing the questionnaire")
for s in "abcdef": q(f"q22{s}", tick, f"Q22{s} Type of help completing")

def cond(field, **kw): return {"field": field, **kw}
comb = {"name": "q1Combined", "label": "Q1 on the combined 5-point (easy-read) scale", "source": "q1",
        "recodes": [{"when": [cond("Questionnaire", **{"in": [3]})]}, {"map": {"1": 1, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 5}}],
        "codes": block("Q1 - How happy")}
comb2 = {"name": "q2aCombined", "label": "Q2a on the combined 5-point (easy-read) scale", "source": "q2a",
         "recodes": [{"when": [cond("Questionnaire", **{"in": [3]})]}, {"map": {"1": 1, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 5}}],
         "codes": block("Q2a - Thinking about all")}
stratum_rules = [
    {"when": [cond("PrimarySupportReason", **{"in": [7]})], "value": 1, "note": "learning disability support, all ages"},
    {"whenAny": [cond("Age", missing=True), cond("PrimarySupportReason", missing=True), cond("SupportSetting", missing=True)], "value": None,
     "note": "age, support reason or setting missing: stratum unknown, excluded from weighted results"},
    {"when": [cond("Age", max=64)], "value": 2, "note": "aged 18-64"},
    {"when": [cond("SupportSetting", **{"in": [2, 3]})], "value": 3, "note": "65+, residential or nursing care"},
    {"value": 4, "note": "65+, community"}]
def flag(code, former, name, var, num, base=None, **kw):
    m = {"code": code, "formerCode": former, "name": name, "kind": "proportion", "polarity": "higher-is-better",
         "flag": {"variable": var, "numerator": num, **({"base": base} if base else {})}}
    m.update(kw); return m
ascot = ["q3a", "q4a", "q5a", "q6a", "q7a", "q8a", "q9a", "q11"]
measures = [
    {"code": "1A", "formerCode": "1A", "name": "Social care-related quality of life score", "kind": "mean", "polarity": "higher-is-better",
     "score": {"terms": [{"label": "SCRQoL domains (4 - code)", "variables": ascot, "values": {"1": 3, "2": 2, "3": 1, "4": 0}}]},
     "note": "respondents who answered all 8 of Q3a, Q4a, Q5a, Q6a, Q7a, Q8a, Q9a, Q11; score 0-24"},
    {"code": "1B", "formerCode": "1J", "name": "Adjusted social care-related quality of life",
     "kind": "mean", "polarity": "higher-is-better", "population": "adjusted",
     "eligible": [cond("DerivedStratum", **{"in": [2, 4]}), cond("SupportSetting", **{"in": [1]}), cond("PrimarySupportReason", **{"in": [1, 2, 3, 4, 5, 6, 8]})],
     "score": {"include": [{"model": "ascot-current-utility", "factor": 1}, {"model": "adjusted-scrqol-predicted-utility", "factor": -1}]},
     "note": "current ASCOT utility minus predicted utility without services; community strata 2 and 4, PSR 1-6 and 8"},
    flag("3A", "1B", "Control over daily life", "q3a", [1, 2]),
    flag("5A1", "1I1", "As much social contact as they would like", "q8a", [1]),
    flag("1D", "3A", "Overall satisfaction with care and support", "q1Combined", [1]),
    flag("3C1", "3D1", "Find it easy to find information about services", "q12", [2, 3], [2, 3, 4, 5],
         note="never-tried (code 1) excluded from the base"),
    flag("4A", "4A", "Feel safe", "q7a", [1]),
    flag("4B", "4B", "Services have made them feel safe and secure", "q7b", [1],
         note="dropped from ASCOF in 2023-24; still published as a survey result"),
]
for m in measures: m["breaks"] = ["2014-15"]
tables = [{"question": "q1", "variable": "q1Combined"}, {"question": "q2a", "variable": "q2aCombined"}, {"question": "q2b"},
          {"question": "q2c", "population": "q2c"}] + [{"question": x} for x in
          ["q3a", "q3b", "q4a", "q4b", "q5a", "q5b", "q6a", "q6b", "q7a", "q7b", "q8a", "q8b", "q9a", "q9b", "q10", "q11", "q12", "q13",
           "q14a", "q14b", "q15a", "q15b", "q15c", "q15d", "q16a", "q16b", "q16c", "q16d", "q17", "q18",
           "q19a", "q19b", "q19c", "q20a", "q20b", "q20c", "q21", "q22a", "q22b", "q22c", "q22d", "q22e", "q22f"]]
rows = [{"Gender": g, "PSRGroup": p} for g in ["Male", "Female", "Other"] for p in ["Physical", "Sensory", "Memory", "LearningDisability", "MentalHealth", "Social"]]
cols = {"D": {"Setting": "Community"}, "E": {"Setting": "Residential"}, "F": {"Setting": "Nursing"}}
doc = {
    "schemaVersion": 2, "survey": "ASCS", "surveyName": "Adult Social Care Survey", "surveyYear": "2021-22", "status": "verified",
    "source": "Codes and header texts from the official ASCS 2021-22 data-return workbook ('Service User Data - Codes' and 'Service User Data' sheets); validation rules, strata, populations and measures from shared/spec/ascs.md sections 2-4 (verified against the workbook formulas and the statistics team's pipeline).",
    "councilField": "LaCode", "serialField": "SerialNo", "peopleUnit": "people",
    "excel": {"sheet": "Service User Data", "headerRow": 1, "councilCell": {"sheet": "Sign Off Sheet", "cell": "E2"},
              "populationSheet": {"sheet": "Eligible Population", "tables": [
                  {"values": {"AgeBand": "18-64"}, "firstRow": 8, "rowOrder": rows, "columns": cols},
                  {"values": {"AgeBand": "65+"}, "firstRow": 32, "rowOrder": rows, "columns": cols}]}},
    "missingCodes": [-9],
    "fields": F,
    "multiTickGroups": [{"name": "q19", "fields": ["q19a", "q19b", "q19c"], "ticked": 1, "notTicked": 2},
                        {"name": "q20", "fields": ["q20a", "q20b", "q20c"], "ticked": 1, "notTicked": 2},
                        {"name": "q22", "fields": ["q22a", "q22b", "q22c", "q22d", "q22e", "q22f"], "ticked": 1, "notTicked": 2}],
    "respondent": cond("Response", **{"in": [1]}),
    "nonRespondent": {"questionsBlank": True, "conditions": [cond("Advocate", **{"in": [2]}), cond("Interpreter", **{"in": [2]})]},
    "easyRead": cond("Questionnaire", **{"in": [3]}),
    "strata": {"reportedField": "Stratum", "rules": stratum_rules, "labels": F[3]["codes"]},
    "derived": [comb, comb2],
    "populations": {
        "dimensions": ["AgeBand", "Gender", "PSRGroup", "Setting"],
        "values": {"AgeBand": ["18-64", "65+"], "Gender": ["Male", "Female", "Other"],
                   "PSRGroup": ["Physical", "Sensory", "Memory", "LearningDisability", "MentalHealth", "Social"],
                   "Setting": ["Community", "Residential", "Nursing"]},
        "sets": [
            {"name": "stratum", "note": "stratum 1 = all learning disability; 2 = 18-64 non-LD; 3 = 65+ non-LD residential and nursing; 4 = 65+ non-LD community",
             "rules": [{"when": {"PSRGroup": ["LearningDisability"]}, "stratum": 1}, {"when": {"AgeBand": ["18-64"]}, "stratum": 2},
                       {"when": {"Setting": ["Residential", "Nursing"]}, "stratum": 3}, {"stratum": 4}]},
            {"name": "adjusted", "note": "1B (was 1J): community, PSR physical/sensory/memory/mental health; 18-64 -> stratum 2, 65+ -> stratum 4",
             "rules": [{"when": {"Setting": ["Residential", "Nursing"]}, "stratum": None}, {"when": {"PSRGroup": ["LearningDisability", "Social"]}, "stratum": None},
                       {"when": {"AgeBand": ["18-64"]}, "stratum": 2}, {"stratum": 4}]},
            {"name": "q2c", "note": "Q2c: stratum 2 = 18-64 non-LD community only; stratum 4 as usual; strata 1 and 3 are not asked",
             "rules": [{"when": {"PSRGroup": ["LearningDisability"]}, "stratum": None}, {"when": {"Setting": ["Residential", "Nursing"]}, "stratum": None},
                       {"when": {"AgeBand": ["18-64"]}, "stratum": 2}, {"stratum": 4}]}]},
    "measures": measures,
    "tables": tables,
    "domains": [{"name": "gender", "field": "Gender", "groups": [{"label": "Male", "codes": [1]}, {"label": "Female", "codes": [2]}, {"label": "Other", "codes": [3]}]}, {"name": "age-band", "field": "Age", "groups": [{"label": "18-64", "min": 18, "max": 64}, {"label": "65-74", "min": 65, "max": 74}, {"label": "75-84", "min": 75, "max": 84}, {"label": "85+", "min": 85}]}, {"name": "ethnicity", "field": "Ethnicity", "groups": [{"label": "White", "codes": [1, 2, 3, 4]}, {"label": "Mixed or multiple", "codes": [5, 6, 7, 8]}, {"label": "Asian or Asian British", "codes": [9, 10, 11, 12, 13]}, {"label": "Black, African, Caribbean or Black British", "codes": [14, 15, 16]}, {"label": "Other ethnic group", "codes": [17, 18]}, {"label": "Refused or not known", "codes": [98, 99]}]}, {"name": "support-setting", "field": "SupportSetting", "groups": [{"label": "Community", "codes": [1]}, {"label": "Residential care", "codes": [2]}, {"label": "Nursing care", "codes": [3]}]}, {"name": "psr-group", "field": "PrimarySupportReason", "groups": [{"label": "Physical support", "codes": [1, 2]}, {"label": "Sensory support", "codes": [3, 4, 5]}, {"label": "Memory and cognition", "codes": [6]}, {"label": "Learning disability support", "codes": [7]}, {"label": "Mental health support", "codes": [8]}, {"label": "Social support", "codes": [9, 10, 11, 12]}]}, {"name": "stratum", "field": "DerivedStratum", "groups": [{"label": "1 Learning disability", "codes": [1]}, {"label": "2 Aged 18-64", "codes": [2]}, {"label": "3 65+ residential or nursing", "codes": [3]}, {"label": "4 65+ community", "codes": [4]}]}],
    "detect": {"all": ["PrimarySupportReason", "q3a", "q22f"], "none": ["q7c", "q23a"]},
}
for k in ("derived",):
    pass
norm = lambda h: ''.join(c for c in h.lower() if c not in ' _[]()\r\n\t')
cols = sorted(headers, key=lambda c: (len(c), c))
claimed = set()
for f in F:
    for c in cols:
        if c in claimed or 'key' not in f: continue
        h = norm(headers[c])
        if (h.startswith(f['key']) if f.get('question') else f['key'] in h):
            f['header'] = headers[c]; claimed.add(c); break
json.dump(doc, sys.stdout, indent=1, ensure_ascii=False)
print()
