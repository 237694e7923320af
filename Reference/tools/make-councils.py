#!/usr/bin/env python3
"""Writes Reference/councils.json.

CASSR code, ONS code and name of every council come from the published ASCS 2020-21 annex
tables (sheet "T1a - Answers by Council", rows 6-157; 152 councils). Region (ONS E12 code) and
council type follow from the ONS code: E06 unitary authority, E08 metropolitan district,
E09 London borough, E10 shire county; regions are the ONS regions of 2021. Reorganisations since
2021 (Northamptonshire 2021; Cumbria, North Yorkshire, Somerset 2023) end the old code's validity;
the successor councils' 5-character CASSR codes were not found in public sources, so they are
listed under "successors" with their ONS code, name, region, type and first year but no CASSR code,
marked provisional (see Reference/README.md); codes are never invented.

Usage: python3 Reference/tools/make-councils.py ANNEX.xlsx > Reference/councils.json
"""
import json
import sys

import openpyxl

REGIONS = {
    "E12000001": "North East", "E12000002": "North West", "E12000003": "Yorkshire and The Humber",
    "E12000004": "East Midlands", "E12000005": "West Midlands", "E12000006": "East of England",
    "E12000007": "London", "E12000008": "South East", "E12000009": "South West",
}
TYPES = {"E06": "unitary-authority", "E08": "metropolitan-district", "E09": "london-borough", "E10": "shire-county"}


def rng(prefix, lo, hi):
    return [f"{prefix}{n:06d}" for n in range(lo, hi + 1)]


REGION_OF = {}
for region, codes in {
    "E12000001": rng("E06", 1, 5) + ["E06000047", "E06000057"] + rng("E08", 21, 24) + ["E08000037"],
    "E12000002": ["E10000006", "E10000017", "E06000049", "E06000050"] + rng("E08", 1, 15) + rng("E06", 6, 9),
    "E12000003": rng("E08", 16, 19) + rng("E08", 32, 36) + rng("E06", 10, 14) + ["E10000023"],
    "E12000004": rng("E06", 15, 18) + ["E10000007", "E10000018", "E10000019", "E10000021", "E10000024"],
    "E12000005": rng("E08", 25, 31) + rng("E06", 19, 21) + ["E06000051", "E10000028", "E10000031", "E10000034"],
    "E12000006": rng("E06", 31, 34) + ["E06000055", "E06000056", "E10000003", "E10000012", "E10000015",
                                         "E10000020", "E10000029"],
    "E12000008": rng("E06", 35, 46) + ["E06000060", "E10000011", "E10000014", "E10000016", "E10000025",
                                         "E10000030", "E10000032"],
    "E12000009": rng("E06", 22, 27) + ["E06000030", "E06000052", "E06000053", "E06000054", "E06000058",
                                         "E06000059", "E10000008", "E10000013", "E10000027"],
}.items():
    for code in codes:
        REGION_OF[code] = region

# Old codes ended by reorganisation: last survey year in which the council existed.
VALID_TO = {
    "E10000021": ("2020-21", "abolished 1 April 2021: North Northamptonshire and West Northamptonshire"),
    "E10000006": ("2022-23", "abolished 1 April 2023: Cumberland and Westmorland and Furness"),
    "E10000023": ("2022-23", "became a unitary council on 1 April 2023 (ONS code E06000065)"),
    "E10000027": ("2022-23", "became a unitary council on 1 April 2023 (ONS code E06000066)"),
}


# Councils created by reorganisation since 2021: ONS code, name, first survey year. ONS codes and
# dates: the Northamptonshire (Structural Changes) Order 2020 and the Cumbria, North Yorkshire and
# Somerset (Structural Changes) Orders 2022; regions as their predecessors'.
SUCCESSORS = [
    ("E06000061", "North Northamptonshire", "E12000004", "2021-22", "succeeded Northamptonshire (504) on 1 April 2021"),
    ("E06000062", "West Northamptonshire", "E12000004", "2021-22", "succeeded Northamptonshire (504) on 1 April 2021"),
    ("E06000063", "Cumberland", "E12000002", "2023-24", "succeeded part of Cumbria (102) on 1 April 2023"),
    ("E06000064", "Westmorland and Furness", "E12000002", "2023-24", "succeeded part of Cumbria (102) on 1 April 2023"),
    ("E06000065", "North Yorkshire", "E12000003", "2023-24", "the county council (E10000023) became a unitary council on 1 April 2023"),
    ("E06000066", "Somerset", "E12000009", "2023-24", "the county council (E10000027) became a unitary council on 1 April 2023"),
]
SUCCESSOR_NOTE = ("CASSR code (5 characters, issued by NHS England's Organisation Data Service) not found in any public "
                  "source available when this file was made: not given, never invented. A published file's own code "
                  "for the council (its Geographical code column) is used, with a warning.")


def main(path):
    ws = openpyxl.load_workbook(path, read_only=True)["T1a - Answers by Council"]
    councils = []
    for cassr, ons, name in ws.iter_rows(min_row=6, max_row=157, max_col=3, values_only=True):
        if cassr is None:
            continue  # the "18 CASSR Average" row
        ons = ons.strip()
        region = REGION_OF.get(ons) or ("E12000007" if ons.startswith("E09") else None)
        if region is None:
            sys.exit(f"no region for {ons} {name}")
        entry = {"cassr": str(cassr), "ons": ons, "name": name, "region": region,
                 "regionName": REGIONS[region], "type": TYPES[ons[:3]]}
        if ons in VALID_TO:
            entry["validTo"], entry["note"] = VALID_TO[ons]
        councils.append(entry)
    councils.sort(key=lambda c: c["cassr"])
    doc = {
        "schemaVersion": 1,
        "status": "verified",
        "source": "CASSR code, ONS code and name: NHS Digital, ASCS 2020-21 annex tables, sheet T1a (152 councils). "
                  "Region and council type: derived from the ONS code (ONS 2021 regions; E06 unitary, E08 metropolitan "
                  "district, E09 London borough, E10 shire county). Generated by Reference/tools/make-councils.py.",
        "regions": [{"code": k, "name": v} for k, v in REGIONS.items()],
        "councils": councils,
        "successors": [{"ons": ons, "name": name, "region": region, "regionName": REGIONS[region], "type": TYPES[ons[:3]],
                        "validFrom": start, "status": "provisional", "note": f"{note}. {SUCCESSOR_NOTE}"}
                       for ons, name, region, start, note in SUCCESSORS],
    }
    # One council per line, so that a change shows as one line in a diff.
    text = json.dumps(doc, indent=1, ensure_ascii=False)
    for c in councils + doc["successors"]:
        text = text.replace(json.dumps(c, indent=1, ensure_ascii=False).replace("\n", "\n  "),
                            json.dumps(c, ensure_ascii=False), 1)
    sys.stdout.write(text + "\n")


main(sys.argv[1])
