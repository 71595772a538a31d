#!/usr/bin/env python3
"""One-off bootstrap of the shipped decision tables in rules/ (PRODUCT.md §4).

Operations managers edit the .xlsx files directly; this script only records how the first
versions were laid out. Re-running it overwrites rules/*.xlsx. Needs python3-openpyxl.
"""
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill

RULES = Path(sys.argv[1] if len(sys.argv) > 1 else "rules")
HEADER = Font(bold=True)
KEYWORD = PatternFill("solid", fgColor="DDEBF7")
LABEL = PatternFill("solid", fgColor="FFF2CC")


def table(path, sheet, group, notes, columns, rows, codes=None):
    """columns: (keyword, object type or '', template, label); rows: one list of cell values per rule;
    codes: the code lists of a sheet 'Codes', name -> codes, one list per column."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(["RuleSet", "com.acme.tiering.rules"])
    ws.append(["Sequential", "true"])
    ws.append(["ACTIVATION-GROUP", group])
    ws.append(["Notes", notes])
    ws.append([])
    ws.append(["RuleTable " + sheet])
    ws.append([c[0] for c in columns])
    ws.append([c[1] for c in columns])
    ws.append([c[2] for c in columns])
    ws.append([c[3] for c in columns])
    for row in rows:
        ws.append(row)
    _merge_object_types(ws, columns)
    for cell in ws[7] + ws[1] + ws[2] + ws[3] + ws[4] + ws[6]:
        if cell.value:
            cell.font = HEADER
            cell.fill = KEYWORD
    for cell in ws[10]:
        cell.font = HEADER
        cell.fill = LABEL
    for i, _ in enumerate(columns):
        letter = ws.cell(row=1, column=i + 1).column_letter
        ws.column_dimensions[letter].width = 60 if i == 1 else 22
    ws["B4"].alignment = Alignment(wrap_text=True)
    if codes:
        cs = wb.create_sheet("Codes")
        for i, (name, values) in enumerate(codes.items()):
            cs.cell(row=1, column=i + 1, value=name)
            cs.cell(row=1, column=i + 1).font = HEADER
            cs.cell(row=1, column=i + 1).fill = KEYWORD
            for r, code in enumerate(values):
                cs.cell(row=r + 2, column=i + 1, value=code)
            cs.column_dimensions[cs.cell(row=1, column=i + 1).column_letter].width = 22
    wb.save(RULES / path)


def _merge_object_types(ws, columns):
    """Adjacent CONDITION columns on the same fact type share one merged cell: one pattern, many constraints."""
    start = None
    for i, column in enumerate(columns + [("", "", "", "")]):
        if column[1]:
            if start is not None:
                _merge(ws, start, i - 1)
            start = i
        elif column[0] != "CONDITION" and start is not None:
            _merge(ws, start, i - 1)
            start = None
        if column[0] != "CONDITION":
            start = None


def _merge(ws, first, last):
    if last > first:
        ws.merge_cells(start_row=8, start_column=first + 1, end_row=8, end_column=last + 1)
        # Drools only sees the cells a file really contains, and openpyxl drops the covered cells of a
        # merge: put empty ones back so every column of the range reaches the parser and joins the pattern.
        for column in range(first + 2, last + 2):
            ws._cells[(8, column)] = Cell(ws, row=8, column=column, value="")


def _span(low, high):
    """A score range as auditors read it: 5, or 3–4."""
    return str(low) if low == high else f"{low}–{high}"


def tiers():
    columns = [
        ("NAME", "", "", "Rule"),
        ("DESCRIPTION", "", "", "Description (what auditors read)"),
        ("CONDITION", "CustomerFacts", "paretoShare <= $param", "paretoShare ≤"),
        ("CONDITION", "", "revenueLast12m >= $param", "revenueLast12m ≥"),
        ("CONDITION", "", "ordersLast12m >= $param", "ordersLast12m ≥"),
        ("CONDITION", "", "revenueGrowthPct >= $param", "revenueGrowthPct ≥"),
        ("ACTION", "", 'decision.tier("$param");', "tier"),
    ]
    rows = [
        ["Strategic: top 70% and buying regularly",
         "Strategic: among the customers making 70% of revenue, and buying regularly", 0.70, None, 6, None, "A"],
        ["Key: top 70%, irregular buyer",
         "Key: among the customers making 70% of revenue, irregular buyer", 0.70, None, None, None, "B"],
        ["Key: next 20% of revenue",
         "Key: among the customers making the next 20% of revenue", 0.90, None, None, None, "B"],
        ["Key: fast-growing account", "Key: fast-growing account", None, 20000, None, 50, "B"],
        ["Standard: bought in the last 12 months", "Standard: bought in the last 12 months",
         None, None, 1, None, "C"],
        ["Basic: no purchase in the last 12 months", "Basic: no purchase in the last 12 months",
         None, None, None, None, "D"],
    ]
    table("tiers.xlsx", "Tiers", "tier",
          "First matching row wins (top to bottom). Empty cell = no condition. Tiers: A Strategic, B Key, "
          "C Standard, D Basic.", columns, rows)


def service_plans():
    columns = [
        ("NAME", "", "", "Rule"),
        ("DESCRIPTION", "", "", "Description (what auditors read)"),
        ("CONDITION", "PlanContext", 'tier == "$param"', "tier"),
        ("CONDITION", "", 'churnRisk == "$param"', "churnRisk"),
        ("CONDITION", "", 'lifecycleStage == "$param"', "lifecycleStage"),
        ("ACTION", "", 'decision.plan("$param");', "plan"),
        # entitlements: the template cell declares name and type (issue 16; until then decision.<name>($param);)
        ("ACTION", "", "entitlement accountManager code:accountManager", "accountManager"),
        ("ACTION", "", "entitlement responseSlaHours integer", "responseSlaHours"),
        ("ACTION", "", "entitlement reviewCadence code:reviewCadence", "reviewCadence"),
        ("ACTION", "", "entitlement visitsPerYear integer", "visitsPerYear"),
        ("ACTION", "", "entitlement discountPct decimal", "discountPct"),
        ("ACTION", "", "entitlement supportChannel code:supportChannel", "supportChannel"),
    ]
    rows = [
        ["Strategic", "Strategic accounts", "A", None, None,
         "STRATEGIC", "DEDICATED", 4, "MONTHLY", 12, 8, "PHONE_24X7"],
        ["Key at high churn risk", "Key accounts at high churn risk", "B", "HIGH", None,
         "KEY_RETENTION", "DEDICATED", 4, "MONTHLY", 6, 5, "PHONE"],
        ["Key", "Key accounts", "B", None, None, "KEY", "DEDICATED", 8, "QUARTERLY", 4, 5, "PHONE"],
        ["Standard in onboarding", "Standard accounts in onboarding", "C", None, "NEW",
         "ONBOARDING", "POOLED", 12, "MONTHLY", 1, 2, "PHONE"],
        ["Standard at high churn risk", "Standard accounts at high churn risk", "C", "HIGH", None,
         "STANDARD_RETENTION", "POOLED", 12, "QUARTERLY", 1, 2, "PHONE"],
        ["Standard", "Standard accounts", "C", None, None, "STANDARD", "POOLED", 24, "SEMI_ANNUAL", 1, 2, "EMAIL"],
        ["Basic", "Basic accounts", "D", None, None, "BASIC", "DIGITAL", 72, "NONE", 0, 0, "SELF_SERVICE"],
    ]
    table("service-plans.xlsx", "ServicePlans", "plan",
          "First matching row wins. Empty condition cell = any. plan is the plan's code; every other ACTION column "
          "is an entitlement whose template cell declares its name and type: entitlement <name> integer | decimal | "
          "text | yes/no | code:<list on the Codes sheet>.",
          columns, rows, codes={
              "accountManager": ["DEDICATED", "POOLED", "DIGITAL"],
              "reviewCadence": ["MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL", "NONE"],
              "supportChannel": ["PHONE_24X7", "PHONE", "EMAIL", "SELF_SERVICE"],
          })


def rfm_segments():
    columns = [
        ("NAME", "", "", "Rule"),
        ("DESCRIPTION", "", "", "Description (what auditors read)"),
        ("CONDITION", "CustomerFacts", "rScore >= $param", "rScore from"),
        ("CONDITION", "", "rScore <= $param", "rScore to"),
        ("CONDITION", "", "fScore >= $param", "fScore from"),
        ("CONDITION", "", "fScore <= $param", "fScore to"),
        ("ACTION", "", 'decision.rfmSegment("$param");', "segment"),
    ]
    segments = [
        ("Champions", "Bought very recently and buy often", 5, 5, 4, 5),
        ("Loyal Customers", "Buy often, bought fairly recently", 3, 4, 4, 5),
        ("Potential Loyalists", "Recent buyers with average frequency", 4, 5, 2, 3),
        ("New Customers", "Bought very recently, but rarely so far", 5, 5, 1, 1),
        ("Promising", "Recent buyers who rarely buy", 4, 4, 1, 1),
        ("Need Attention", "Average recency and frequency", 3, 3, 3, 3),
        ("About to Sleep", "Average recency, rarely buy", 3, 3, 1, 2),
        ("At Risk", "Used to buy fairly often, not recently", 1, 2, 3, 4),
        ("Can't Lose Them", "Used to buy most often, not recently", 1, 2, 5, 5),
        ("Hibernating", "Neither recent nor frequent", 1, 2, 1, 2),
    ]
    rows = [[name, f"{name}: {text} (rScore {_span(r1, r2)}, fScore {_span(f1, f2)})", r1, r2, f1, f2, name]
            for name, text, r1, r2, f1, f2 in segments]
    table("rfm-segments.xlsx", "RfmSegments", "rfm",
          "Segment by the (rScore, fScore) pair, scores 1-5 from the run's RFM quintiles. The ten rows cover "
          "all 25 combinations without overlap. Customers without orders have no scores and no segment.",
          columns, rows)


if __name__ == "__main__":
    RULES.mkdir(exist_ok=True)
    tiers()
    service_plans()
    rfm_segments()
    print("wrote", ", ".join(sorted(p.name for p in RULES.glob("*.xlsx"))))
