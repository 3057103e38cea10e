#!/usr/bin/env python3
"""Validate tests/report/reports.toml, the report decoder's test set, and print a summary.

    python3 tests/report/check.py            # from the repository root (or any directory)
    python3 tests/report/check.py --quiet    # problems only

Reads joint IDs from content/joints/*.toml and staging systems (stage codes, parts, milestones,
modifiers) from content/staging/*.toml, so the set cannot name a stage the aid does not have.
Exits 1 on any problem, listing every one. Python 3.11 standard library only.
See README.md in this folder for the schema and the finding vocabulary.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
REPORTS = HERE / "reports.toml"

# ---------------------------------------------------------------------------------------------
# Closed vocabularies (mirrored in README.md: change both together)
# ---------------------------------------------------------------------------------------------

# The finder's imaging milestones (kb/src/vocab.rs `Milestone`), mildest first.
MILESTONES = [
    "at-risk",
    "mri-only",
    "sclerosis",
    "subchondral-fracture",
    "depression-under-2mm",
    "depression-2-to-4mm",
    "depression-over-4mm",
    "joint-space-narrowing",
    "advanced-arthritis",
]
MI = {m: i for i, m in enumerate(MILESTONES)}

# Joints whose reading is given on the milestone scale (the joints that collapse). The wrist
# (Lichtman III is about carpal alignment, not millimetres) and the jaw (AAOMS is about exposed
# bone and infection) have no milestones in the set.
MILESTONE_JOINTS = {"hip", "knee", "knee-secondary", "shoulder", "ankle"}

COLLAPSING = MILESTONE_JOINTS | {"wrist"}
ALL_JOINTS = "*"

# Finding IDs: id -> (joints it may be used for, milestone it implies at least, when AVN is
# present, or None). "*" = every joint. Synonyms are listed in README.md.
FINDINGS: dict[str, tuple[set[str] | str, str | None]] = {
    # the condition itself
    "avn": (ALL_JOINTS, "mri-only"),
    "bone-infarct": (MILESTONE_JOINTS, None),
    # MRI signs of AVN
    "bone-marrow-oedema": (ALL_JOINTS, None),
    "double-line-sign": (MILESTONE_JOINTS, "mri-only"),
    "band-lesion": (MILESTONE_JOINTS, "mri-only"),
    # X-ray / CT signs and stage-setting findings
    "sclerosis": (MILESTONE_JOINTS | {"jaw"}, None),
    "cysts": (MILESTONE_JOINTS | {"wrist"}, None),
    "subchondral-fracture": (COLLAPSING, "subchondral-fracture"),
    "collapse": (MILESTONE_JOINTS, "depression-under-2mm"),
    "joint-space-narrowing": (COLLAPSING, "joint-space-narrowing"),
    "osteoarthritis": (COLLAPSING, None),
    "joint-effusion": (COLLAPSING, None),
    "meniscal-tear": ({"knee", "knee-secondary"}, None),
    "joint-replacement": (COLLAPSING, None),
    "post-surgical-change": (ALL_JOINTS, None),
    # mimics
    "transient-osteoporosis": (MILESTONE_JOINTS, None),
    "subchondral-insufficiency-fracture": (MILESTONE_JOINTS, None),
    "stress-fracture": (MILESTONE_JOINTS, None),
    "bone-bruise": (COLLAPSING, None),
    "osteochondral-lesion": ({"knee", "knee-secondary", "ankle"}, None),
    "red-marrow": (MILESTONE_JOINTS, None),
    "ulnar-impaction": ({"wrist"}, None),
    "intraosseous-ganglion": ({"wrist"}, None),
    "osteomyelitis": (ALL_JOINTS, None),
    "osteoradionecrosis": ({"jaw"}, None),
    "metastasis": (ALL_JOINTS, None),
    # wrist (Kienböck's disease)
    "lunate-sclerosis": ({"wrist"}, None),
    "lunate-collapse": ({"wrist"}, None),
    "lunate-fragmentation": ({"wrist"}, None),
    "carpal-collapse": ({"wrist"}, None),
    "ulnar-negative-variance": ({"wrist"}, None),
    "ulnar-positive-variance": ({"wrist"}, None),
    # jaw (MRONJ)
    "exposed-bone": ({"jaw"}, None),
    "intraoral-fistula": ({"jaw"}, None),
    "extraoral-fistula": ({"jaw"}, None),
    "oroantral-communication": ({"jaw"}, None),
    "infection": ({"jaw"}, None),
    "sequestrum": ({"jaw"}, None),
    "osteolysis": ({"jaw"}, None),
    "osteolysis-to-border": ({"jaw"}, None),
    "periosteal-reaction": ({"jaw"}, None),
    "non-healing-socket": ({"jaw"}, None),
    "pathological-fracture": ({"jaw"}, None),
}

# Findings that are a diagnosis other than AVN (allowed in `mimics`).
MIMICS = {
    "transient-osteoporosis",
    "subchondral-insufficiency-fracture",
    "osteoarthritis",
    "stress-fracture",
    "bone-bruise",
    "osteochondral-lesion",
    "red-marrow",
    "ulnar-impaction",
    "intraosseous-ganglion",
    "osteomyelitis",
    "osteoradionecrosis",
    "metastasis",
}

# What counts as "the condition" for a joint: staged, and makes not_avn false. For the knee
# (SONK), a subchondral insufficiency fracture *is* the condition (SIFK is SONK's newer name).
def condition_ids(joint: str) -> set[str]:
    return {"avn", "subchondral-insufficiency-fracture"} if joint == "knee" else {"avn"}

# Osteonecrosis that is not staged (a metaphyseal or shaft infarct): makes not_avn false.
UNSTAGED_OSTEONECROSIS = {"bone-infarct"}

MODALITIES = {"mri", "x-ray", "ct", "bone-scan", "mixed"}
SIDES = {"left", "right", "both", "not-stated"}
CHANGES = {"unchanged", "progressed", "improved", "new"}

# measurement key -> (low, high) plausible bounds
MEASUREMENTS = {
    "depression_mm": (0, 15),
    "head_involvement_percent": (0, 100),
    "surface_involvement_percent": (0, 100),
    "necrotic_angle_deg": (0, 360),
    "lesion_size_mm": (1, 120),
    "ulnar_variance_mm": (-8, 8),
    "radioscaphoid_angle_deg": (0, 120),
    "carpal_height_ratio": (0.3, 0.7),
    "exposed_bone_mm": (1, 80),
}

STYLE_TAGS = {
    # form of the text
    "terse": "under 300 characters",
    "long": "2,000-5,000 characters (timing)",
    "findings-impression": "full sectioned report (history, technique, findings, impression)",
    "caps-headings": "ALL-CAPS section headings (FINDINGS, IMPRESSION ...)",
    "no-headings": "free prose, no section headings",
    "all-caps": "the whole report in capitals",
    "uk": "UK spelling (oedema, haematoma, favour, centre ...)",
    "us": "US spelling (edema, hematoma, favor, center ...)",
    "abbreviations": "heavy use of abbreviations (AVN, ON, ONFH, BME, FH, SIF, OA ...)",
    "typos": "misspellings",
    "dictation": "speech-recognition errors ('a vascular necrosis')",
    "hyphenation": "a word split across a line break with a hyphen",
    "measurements-only": "mostly numbers, few words",
    "list": "numbered or bulleted findings",
    # content traps (checked against the reading)
    "bilateral": "left and right described (sides must be separate)",
    "named-stage": "names a stage",
    "unnamed-stage": "names a stage without saying which system",
    "clash": "the named stage contradicts the described findings",
    "normal": "no AVN and no mimic",
    "negated": "explicit negation of a finding",
    "pseudo-negation": "looks like a negation but is not ('no change in the size of')",
    "hedged": "hedged findings (possible, cannot be excluded, likely ...)",
    "mimic": "another diagnosis that looks like AVN",
    "history-query": "'?AVN' / 'query AVN' in the history only",
    "comparison-unchanged": "'unchanged since ...'",
    "comparison-progression": "'interval progression'",
    "post-op": "after surgery (core decompression, replacement)",
}

# Spelling markers for the uk / us tags.
UK_MARKERS = re.compile(
    r"oedema|haemat|haemo|orthopaed|favour|centre|tumour|anaemi|leukaem|paediatr|isation|"
    r"ischaem|foetal|colour|oesophag|recognis|characteris|generalis|localis|remodell|\bgrey\b",
    re.I,
)
US_MARKERS = re.compile(
    r"(?<!o)edema|hemat|(?<!a)hemo|orthoped|favor(?!u)|center|tumor(?!u)|(?<!a)anemi|leukemi|"
    r"pediatr|ization|(?<!a)ischemi|fetal|color(?!u)|recogniz|characteriz|generaliz|localiz|remodel(?!l)|\bgray\b",
    re.I,
)

# Hedge phrases the set must contain (issue requirement), each in some hedged report.
HEDGE_PHRASES = [
    "cannot be excluded",
    "possible",
    "suggestive of",
    "query",
    "likely",
    "equivocal",
    "may represent",
]
# Abbreviations the set must contain as whole words somewhere.
ABBREVIATIONS = ["AVN", "ON", "ONFH", "BME", "FH", "T1", "T2", "STIR", "SIF", "OA"]

REQUIRED_PER_JOINT = {
    "hip": 30,
    "knee": 4,
    "knee-secondary": 4,
    "shoulder": 4,
    "ankle": 4,
    "wrist": 4,
    "jaw": 4,
}
MIN_REPORTS = 60
SHORT = (40, 1500)
LONG = (2000, 5000)
MIN_LONG = 3

REPORT_KEYS = {"id", "joint", "modality", "style", "text", "not_avn", "mimics", "in_history",
               "notes", "review", "side"}
SIDE_KEYS = {"side", "site", "normal", "present", "absent", "uncertain", "measurements",
             "named_stages", "milestones", "stage_range", "stage_note", "modifiers", "change",
             "clash"}
NAMED_KEYS = {"system", "code", "modifier", "name", "hedged"}
MILESTONE_KEYS = {"at_least", "at_most", "rules_out"}
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


# ---------------------------------------------------------------------------------------------
# Content: joints and staging systems
# ---------------------------------------------------------------------------------------------

class System:
    def __init__(self, sid: str, data: dict):
        self.id = sid
        self.joint = data["joint"]
        self.stages: list[dict] = []  # in file order, mildest first
        for s in data.get("stage", []):
            key = s["code"] if "part" not in s else f'{s["code"]}-{s["part"]}'
            self.stages.append({"key": key, "code": s["code"],
                                "milestones": list(s.get("milestones", []))})
        self.keys = [s["key"] for s in self.stages]
        self.modifiers = {m["code"] for m in data.get("modifier", [])}
        self.full = all(s["milestones"] for s in self.stages)

    def index(self, key: str) -> int:
        return self.keys.index(key)

    def match_code(self, code: str) -> list[int]:
        """Stages a report's code names: the code itself (every part of a split code), or a
        code family ("II" names IIA and IIB; "III" names IIIA, IIIB, IIIC)."""
        exact = [i for i, s in enumerate(self.stages) if s["code"] == code]
        if exact:
            return exact
        return [i for i, s in enumerate(self.stages)
                if re.fullmatch(re.escape(code) + r"[A-C]", s["code"])]


def load_content(problems: list[str]):
    joints = sorted(p.stem for p in (ROOT / "content" / "joints").glob("*.toml"))
    systems: dict[str, System] = {}
    for p in sorted((ROOT / "content" / "staging").glob("*.toml")):
        with p.open("rb") as f:
            systems[p.stem] = System(p.stem, tomllib.load(f))
    if not joints or not systems:
        problems.append("content/joints or content/staging not found (run from the repository)")
    return joints, systems


# ---------------------------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------------------------

def ms_set(m: dict) -> set[int]:
    lo, hi = MI[m["at_least"]], MI[m["at_most"]]
    out = set(range(lo, hi + 1))
    return out - {MI[r] for r in m.get("rules_out", [])}


def depression_milestones(v: float) -> set[int]:
    """Milestones a measured depression allows. Exactly 2 mm is ARCO IIIA (<= 2 mm) but
    Ficat "2 mm or more", so both neighbours are allowed; 4 mm is still "2 to 4 mm"."""
    if v == 0:
        return {MI["at-risk"], MI["mri-only"], MI["sclerosis"], MI["subchondral-fracture"]}
    if v < 2:
        out = {MI["depression-under-2mm"]}
    elif v == 2:
        out = {MI["depression-under-2mm"], MI["depression-2-to-4mm"]}
    elif v <= 4:
        out = {MI["depression-2-to-4mm"]}
    else:
        out = {MI["depression-over-4mm"]}
    # a depression does not rule out arthritis on top of it
    return out | {MI["joint-space-narrowing"], MI["advanced-arthritis"]}


def meas_values(v) -> list[float] | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return [float(v)]
    if isinstance(v, dict) and v and set(v) <= {"min", "max"} and all(
            isinstance(x, (int, float)) and not isinstance(x, bool) for x in v.values()):
        if "min" in v and "max" in v and v["min"] > v["max"]:
            return None
        return [float(x) for x in v.values()]
    return None


def check(data: dict, joints: list[str], systems: dict[str, System], problems: list[str]):
    def bad(where: str, msg: str):
        problems.append(f"{where}: {msg}")

    extra = set(data) - {"format_version", "report"}
    if extra:
        bad("reports.toml", f"unknown top-level keys {sorted(extra)}")
    if data.get("format_version") != 1:
        bad("reports.toml", "format_version must be 1")
    reports = data.get("report", [])
    seen: set[str] = set()
    joint_systems = {j: [s for s in systems.values() if s.joint == j] for j in joints}

    for n, r in enumerate(reports):
        rid = r.get("id", f"#{n + 1}")
        W = f"report {rid}"
        unknown = set(r) - REPORT_KEYS
        if unknown:
            bad(W, f"unknown keys {sorted(unknown)}")
        for k in ("id", "joint", "modality", "style", "text", "not_avn", "notes", "side"):
            if k not in r:
                bad(W, f"missing `{k}`")
        if not isinstance(rid, str) or not KEBAB.match(rid):
            bad(W, "id must be kebab-case")
        if rid in seen:
            bad(W, "duplicate id")
        seen.add(rid)
        joint = r.get("joint")
        if joint not in joints:
            bad(W, f"unknown joint {joint!r} (known: {', '.join(joints)})")
            continue
        if r.get("modality") not in MODALITIES:
            bad(W, f"modality must be one of {sorted(MODALITIES)}")
        text = r.get("text", "")
        L = len(text)
        style = r.get("style", [])
        if not (SHORT[0] <= L <= SHORT[1] or LONG[0] <= L <= LONG[1]):
            bad(W, f"text is {L} characters: must be {SHORT[0]}-{SHORT[1]} or {LONG[0]}-{LONG[1]}")
        for t in style:
            if t not in STYLE_TAGS:
                bad(W, f"unknown style tag {t!r}")
        if len(set(style)) != len(style):
            bad(W, "repeated style tag")
        if ("long" in style) != (L >= LONG[0]):
            bad(W, f"tag `long` iff text >= {LONG[0]} characters (is {L})")
        if "terse" in style and L >= 300:
            bad(W, f"tag `terse` needs under 300 characters (is {L})")
        if "uk" in style and not UK_MARKERS.search(text):
            bad(W, "tag `uk` but no UK spelling found")
        if "us" in style and not US_MARKERS.search(text):
            bad(W, "tag `us` but no US spelling found")
        if "uk" in style and "us" in style:
            bad(W, "tags `uk` and `us` together")
        if "hyphenation" in style and not re.search(r"[A-Za-z]-\n\s*[A-Za-z]", text):
            bad(W, "tag `hyphenation` but no word split across a line break")
        heading = re.search(r"^\s*[A-Z][A-Z /]{3,}:?\s*$|^\s*[A-Z][A-Z /]{3,}:", text, re.M)
        if "caps-headings" in style and not heading:
            bad(W, "tag `caps-headings` but no ALL-CAPS heading line")
        if "all-caps" in style and sum(c.islower() for c in text) > 0.02 * L:
            bad(W, "tag `all-caps` but the text is not in capitals")
        if "no-headings" in style and heading and "all-caps" not in style:
            bad(W, "tag `no-headings` but a heading was found")
        if not isinstance(r.get("not_avn"), bool):
            bad(W, "not_avn must be true or false")
        if not str(r.get("notes", "")).strip():
            bad(W, "notes must say why the case is hard")
        mimics = r.get("mimics", [])
        for m in mimics:
            if m not in MIMICS:
                bad(W, f"mimic {m!r} is not a mimic ID ({sorted(MIMICS)})")
        for f in r.get("in_history", []):
            if f not in FINDINGS:
                bad(W, f"in_history: unknown finding {f!r}")

        sides = r.get("side", [])
        if not sides:
            bad(W, "at least one [[report.side]]")
        names = [s.get("side") for s in sides]
        if len(set(names)) != len(names):
            bad(W, "a side appears twice: merge the entries")
        if "not-stated" in names and len(names) > 1:
            bad(W, "`not-stated` must be the only side")
        if "both" in names and ("left" in names or "right" in names):
            bad(W, "`both` is for findings the report gives for both sides at once; "
                   "do not mix it with `left`/`right`")
        bilateral = ("left" in names and "right" in names) or "both" in names
        if ("bilateral" in style) != bilateral:
            bad(W, "tag `bilateral` iff the reading has left and right (or both)")

        any_cond = any_unstaged = False
        all_found: set[str] = set()
        for s in sides:
            sw = f"{W} side {s.get('side')}"
            unknown = set(s) - SIDE_KEYS
            if unknown:
                bad(sw, f"unknown keys {sorted(unknown)}")
            if s.get("side") not in SIDES:
                bad(sw, f"side must be one of {sorted(SIDES)}")
            lists = {k: s.get(k, []) for k in ("present", "absent", "uncertain")}
            for k, ids in lists.items():
                if len(set(ids)) != len(ids):
                    bad(sw, f"{k}: repeated ID")
                for f in ids:
                    if f not in FINDINGS:
                        bad(sw, f"{k}: unknown finding {f!r}")
                        continue
                    allowed = FINDINGS[f][0]
                    if allowed != ALL_JOINTS and joint not in allowed:
                        bad(sw, f"{k}: finding {f!r} is not used for joint {joint}")
            P, A, U = (set(lists[k]) for k in ("present", "absent", "uncertain"))
            for a, b, an, bn in ((P, A, "present", "absent"), (P, U, "present", "uncertain"),
                                 (A, U, "absent", "uncertain")):
                if a & b:
                    bad(sw, f"{sorted(a & b)} both {an} and {bn}")
            if s.get("normal") and (P or U):
                bad(sw, "normal = true but findings are present or uncertain")
            if not (P or A or U or s.get("normal") or s.get("named_stages")):
                bad(sw, "the side says nothing: give findings, normal = true or a named stage")
            all_found |= P | U
            cond = bool((P | U) & condition_ids(joint))
            any_cond |= cond
            any_unstaged |= bool((P | U) & UNSTAGED_OSTEONECROSIS)
            if s.get("change") is not None and s["change"] not in CHANGES:
                bad(sw, f"change must be one of {sorted(CHANGES)}")

            meas = s.get("measurements", {})
            for k, v in meas.items():
                if k not in MEASUREMENTS:
                    bad(sw, f"unknown measurement {k!r}")
                    continue
                vals = meas_values(v)
                if vals is None:
                    bad(sw, f"measurement {k}: a number or {{ min, max }}")
                    continue
                lo, hi = MEASUREMENTS[k]
                if any(not lo <= x <= hi for x in vals):
                    bad(sw, f"measurement {k} = {v} outside {lo}..{hi}")

            syss = joint_systems[joint]
            named = s.get("named_stages", [])
            named_ms: list[tuple[str, set[int]]] = []  # (label, milestone indices)
            for ns in named:
                unknown = set(ns) - NAMED_KEYS
                if unknown:
                    bad(sw, f"named stage: unknown keys {sorted(unknown)}")
                sysid, code = ns.get("system"), ns.get("code")
                if not isinstance(code, str) or not code:
                    bad(sw, "named stage needs a code")
                    continue
                if sysid in ("unnamed", "other"):
                    if sysid == "other" and not ns.get("name"):
                        bad(sw, "named stage with system = 'other' needs a `name`")
                    continue
                if sysid not in systems:
                    bad(sw, f"named stage: unknown system {sysid!r}")
                    continue
                sy = systems[sysid]
                if sy.joint != joint:
                    bad(sw, f"named stage: system {sysid} is for joint {sy.joint}, not {joint}")
                idx = sy.match_code(code)
                if not idx:
                    bad(sw, f"named stage: {sysid} has no code {code!r} (codes: {sy.keys})")
                    continue
                mod = ns.get("modifier")
                if mod is not None and mod not in sy.modifiers:
                    bad(sw, f"named stage: {sysid} has no modifier {mod!r}")
                if sy.full:
                    named_ms.append((f"{sysid} {code}",
                                     {MI[m] for i in idx for m in sy.stages[i]["milestones"]}))

            clash = s.get("clash")
            if clash is not None and not (isinstance(clash, str) and clash.strip()):
                bad(sw, "clash must be a sentence")
            if clash and not named:
                bad(sw, "clash needs the named stage it is about")

            # milestones
            m = s.get("milestones")
            if joint not in MILESTONE_JOINTS:
                if m is not None:
                    bad(sw, f"no milestones for joint {joint} (the scale is for "
                            f"{sorted(MILESTONE_JOINTS)})")
                m = None
            elif cond and m is None:
                bad(sw, "AVN present or uncertain: give milestones")
            elif not cond and m is not None:
                bad(sw, "milestones given but no AVN present or uncertain on this side")
            allowed_ms: set[int] | None = None
            if m is not None:
                unknown = set(m) - MILESTONE_KEYS
                if unknown:
                    bad(sw, f"milestones: unknown keys {sorted(unknown)}")
                if m.get("at_least") not in MI or m.get("at_most") not in MI or any(
                        x not in MI for x in m.get("rules_out", [])):
                    bad(sw, f"milestones: values from {MILESTONES}")
                else:
                    allowed_ms = ms_set(m)
                    if MI[m["at_least"]] > MI[m["at_most"]]:
                        bad(sw, "milestones: at_least after at_most")
                    elif MI[m["at_least"]] not in allowed_ms or MI[m["at_most"]] not in allowed_ms:
                        bad(sw, "milestones: rules_out removes an end of the range")
            if allowed_ms is not None:
                lo, hi = min(allowed_ms), max(allowed_ms)
                # what the words alone must allow (findings in `present` only: hedged ones may
                # be wrong, and with a clash the hull of both readings is given)
                floor = max([MI[FINDINGS[f][1]] for f in P if f in FINDINGS and FINDINGS[f][1]],
                            default=0)
                if joint == "knee":
                    floor = max(floor, MI["mri-only"])
                if lo < floor and not clash:
                    bad(sw, f"milestones: at_least {MILESTONES[lo]} is below what the present "
                            f"findings imply ({MILESTONES[floor]})")
                if hi < floor:
                    bad(sw, f"milestones: at_most {MILESTONES[hi]} is below what the present "
                            f"findings imply ({MILESTONES[floor]})")
                ceiling = len(MILESTONES) - 1
                if "subchondral-fracture" in A and "collapse" not in P:
                    ceiling = min(ceiling, MI["sclerosis"])
                if "collapse" in A:
                    ceiling = min(ceiling, MI["subchondral-fracture"])
                if "joint-space-narrowing" in A:
                    ceiling = min(ceiling, MI["depression-over-4mm"])
                if hi > ceiling and not clash:
                    bad(sw, f"milestones: at_most {MILESTONES[hi]} is above what the absent "
                            f"findings allow ({MILESTONES[ceiling]})")
                if "depression_mm" in meas and meas_values(meas["depression_mm"]):
                    v = meas_values(meas["depression_mm"])
                    dm = set()
                    if len(v) == 1 and not isinstance(meas["depression_mm"], dict):
                        dm = depression_milestones(v[0])
                    else:  # a bound: every value in it
                        d = meas["depression_mm"]
                        a, b = d.get("min", 0.01), d.get("max", 15)
                        for x in (a, (a + b) / 2, b, 1.9, 2.0, 3.0, 4.5):
                            if a <= x <= b:
                                dm |= depression_milestones(x)
                    if not dm & allowed_ms:
                        bad(sw, f"milestones exclude the measured depression {meas['depression_mm']}")
                for label, nm in named_ms:
                    if not nm & allowed_ms:
                        bad(sw, f"milestones exclude the named stage {label}: the range must "
                                f"contain it (a clash gives the hull of both readings)")
                # a clash the words make certain must be declared
                for label, nm in named_ms:
                    if not clash and (max(nm) < floor or min(nm) > ceiling):
                        bad(sw, f"named {label} contradicts the findings: set `clash`")

            # stage ranges
            sr = s.get("stage_range", {})
            want = {sy.id for sy in syss} if cond else set()
            if set(sr) != want:
                missing, extra = want - set(sr), set(sr) - want
                if missing:
                    bad(sw, f"stage_range missing {sorted(missing)}")
                if extra:
                    bad(sw, f"stage_range for {sorted(extra)} but "
                            + ("no AVN on this side" if not cond else "not a system of this joint"))
            for sysid, rng in sr.items():
                if sysid not in systems:
                    continue
                sy = systems[sysid]
                if (not isinstance(rng, list) or len(rng) != 2
                        or any(x not in sy.keys for x in rng)):
                    bad(sw, f"stage_range {sysid}: [from, to] from {sy.keys}")
                    continue
                a, b = sy.index(rng[0]), sy.index(rng[1])
                if a > b:
                    bad(sw, f"stage_range {sysid}: from after to")
                    continue
                for ns in named:
                    if ns.get("system") == sysid:
                        idx = sy.match_code(ns["code"])
                        if idx and not any(a <= i <= b for i in idx):
                            bad(sw, f"stage_range {sysid} {rng} excludes the named stage "
                                    f"{ns['code']}")
                if sy.full and allowed_ms is not None:
                    derived = [i for i, st in enumerate(sy.stages)
                               if {MI[x] for x in st["milestones"]} & allowed_ms]
                    if not derived:
                        bad(sw, f"stage_range {sysid}: no stage fits the milestones")
                        continue
                    dlo, dhi = min(derived), max(derived)
                    if a not in derived or b not in derived:
                        bad(sw, f"stage_range {sysid} {rng}: ends must be stages the milestones "
                                f"allow ({[sy.keys[i] for i in derived]})")
                    elif (a, b) != (dlo, dhi) and not s.get("stage_note"):
                        bad(sw, f"stage_range {sysid} {rng} is narrower than the milestones "
                                f"give [{sy.keys[dlo]}, {sy.keys[dhi]}]: explain in stage_note")
                # wrist: the range must reach what the findings describe
                if joint == "wrist" and not clash:
                    need = None
                    for f, code in (("lunate-sclerosis", "II"), ("lunate-collapse", "IIIA"),
                                    ("carpal-collapse", "IIIB"), ("lunate-fragmentation", "IIIC"),
                                    ("joint-space-narrowing", "IV")):
                        if f in P:
                            need = sy.index(code)
                    if need is not None and b < need:
                        bad(sw, f"stage_range {sysid} {rng} stops below what the findings show")
                if joint == "jaw" and not clash:
                    if P & {"exposed-bone", "intraoral-fistula"} and a < sy.index("1"):
                        bad(sw, "exposed or probed bone: the AAOMS range starts at 1")
            mods = s.get("modifiers", {})
            for sysid, codes in mods.items():
                if sysid not in systems or systems[sysid].joint != joint:
                    bad(sw, f"modifiers: {sysid!r} is not a system of {joint}")
                    continue
                if not cond:
                    bad(sw, "modifiers but no AVN on this side")
                for c in codes:
                    if c not in systems[sysid].modifiers:
                        bad(sw, f"modifiers: {sysid} has no modifier {c!r}")
            if s.get("stage_note") is not None and not sr:
                bad(sw, "stage_note without a stage_range")

        # report-level consistency
        has_osteonecrosis = any_cond or any_unstaged
        if r.get("not_avn") is True and has_osteonecrosis:
            bad(W, "not_avn = true but a side has AVN present or uncertain")
        if r.get("not_avn") is False and not has_osteonecrosis:
            bad(W, "not_avn = false but no side has AVN present or uncertain")
        for mm in mimics:
            if mm not in all_found:
                bad(W, f"mimic {mm!r} is not present or uncertain on any side")
        if r.get("not_avn"):
            missing = (all_found & MIMICS) - set(mimics)
            if missing:
                bad(W, f"not AVN and {sorted(missing)} found: list it in mimics")
        if joint == "knee" and "subchondral-insufficiency-fracture" in mimics:
            bad(W, "for the knee (SONK) a subchondral insufficiency fracture is the condition, "
                   "not a mimic")
        hist = set(r.get("in_history", []))
        def tag(t: str, cond_: bool, what: str):
            if (t in style) != cond_:
                bad(W, f"tag `{t}` iff {what}")
        tag("named-stage", any(s.get("named_stages") for s in sides), "a side names a stage")
        tag("unnamed-stage", any(ns.get("system") == "unnamed" for s in sides
                                 for ns in s.get("named_stages", [])),
            "a named stage has system = 'unnamed'")
        tag("clash", any(s.get("clash") for s in sides), "a side has a clash")
        tag("hedged", any(s.get("uncertain") for s in sides), "a side has uncertain findings")
        tag("negated", any(s.get("absent") for s in sides), "a side has absent findings")
        tag("mimic", bool(mimics), "mimics is not empty")
        tag("normal", bool(r.get("not_avn")) and not mimics, "not_avn and no mimic")
        tag("history-query", bool(hist), "in_history is not empty")
        tag("comparison-unchanged", any(s.get("change") == "unchanged" for s in sides),
            "a side has change = 'unchanged'")
        tag("comparison-progression", any(s.get("change") == "progressed" for s in sides),
            "a side has change = 'progressed'")
        tag("post-op", any({"joint-replacement", "post-surgical-change"}
                           & set(s.get("present", [])) for s in sides),
            "a side has joint-replacement or post-surgical-change present")

    # set-level requirements
    per_joint = Counter(r.get("joint") for r in reports)
    if len(reports) < MIN_REPORTS:
        bad("set", f"{len(reports)} reports: need at least {MIN_REPORTS}")
    for j, need in REQUIRED_PER_JOINT.items():
        if per_joint[j] < need:
            bad("set", f"joint {j}: {per_joint[j]} reports, need at least {need}")
    longs = [r for r in reports if len(r.get("text", "")) >= LONG[0]]
    if len(longs) < MIN_LONG:
        bad("set", f"{len(longs)} long reports: need at least {MIN_LONG}")
    used = Counter(t for r in reports for t in r.get("style", []))
    for t in STYLE_TAGS:
        if not used[t]:
            bad("set", f"no report has style tag `{t}`")
    hedged_text = " ".join(r["text"] for r in reports
                           if any(s.get("uncertain") for s in r.get("side", []))).lower()
    for h in HEDGE_PHRASES:
        if h not in hedged_text:
            bad("set", f"no hedged report uses {h!r}")
    alltext = " ".join(r.get("text", "") for r in reports)
    for ab in ABBREVIATIONS:
        if not re.search(rf"\b{ab}\b", alltext):
            bad("set", f"no report uses the abbreviation {ab}")
    mimic_used = Counter(m for r in reports for m in r.get("mimics", []))
    for m in ("transient-osteoporosis", "subchondral-insufficiency-fracture", "osteoarthritis"):
        if not mimic_used[m]:
            bad("set", f"no report has the mimic {m}")
    if not any("avn" in s.get("absent", []) for r in reports for s in r.get("side", [])):
        bad("set", "no report says there is no AVN")
    if not any(len({s["side"] for s in r["side"]} & {"left", "right"}) == 2 and len(
            {str(s.get("stage_range")) for s in r["side"] if s.get("stage_range")}) == 2
               for r in reports if "side" in r):
        bad("set", "no bilateral report with a different stage on each side")
    return reports, per_joint, used


def check_readme(problems: list[str]):
    """The README's vocabulary and style-tag tables must list exactly check.py's IDs."""
    path = HERE / "README.md"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        problems.append("README.md: missing")
        return
    for heading, want in (("## Finding vocabulary", set(FINDINGS)), ("## Style tags", set(STYLE_TAGS))):
        start = text.find(heading + "\n")
        if start < 0:
            problems.append(f"README.md: no section {heading!r}")
            continue
        end = text.find("\n## ", start + len(heading))
        section = text[start:end if end >= 0 else len(text)]
        got = set(re.findall(r"^\| `([a-z0-9-]+)` \|", section, re.M))
        if got != want:
            problems.append(f"README.md {heading}: table differs from check.py "
                            f"(only in README: {sorted(got - want)}; only in check.py: "
                            f"{sorted(want - got)})")
    mimic_line = re.search(r"The mimic IDs allowed in `mimics` are (.*?)\.\n", text, re.S)
    if not mimic_line or set(re.findall(r"`([a-z0-9-]+)`", mimic_line.group(1))) != MIMICS:
        problems.append("README.md: the list of mimic IDs differs from check.py's MIMICS")


def summary(reports: list[dict], per_joint: Counter, used: Counter) -> str:
    out = []
    def table(title: str, rows: list[tuple[str, int]]):
        w = max([len(k) for k, _ in rows] + [len(title)])
        out.append(f"\n{title:<{w}}  count")
        out.append("-" * (w + 7))
        for k, v in rows:
            out.append(f"{k:<{w}}  {v:>5}")
    table("joint", [(j, per_joint[j]) for j in REQUIRED_PER_JOINT]
          + [("total", len(reports))])
    table("style tag", sorted(used.items(), key=lambda kv: (-kv[1], kv[0])))
    table("sides per report", sorted(Counter(
        "+".join(sorted(s["side"] for s in r["side"])) for r in reports).items()))
    table("modality", sorted(Counter(r["modality"] for r in reports).items()))
    def count(pred) -> int:
        return sum(1 for r in reports if pred(r))
    sides = lambda r: r.get("side", [])
    table("feature (reports)", [
        ("not AVN (normal or mimic)", count(lambda r: r["not_avn"])),
        ("normal (no AVN, no mimic)", count(lambda r: r["not_avn"] and not r.get("mimics"))),
        ("with mimics", count(lambda r: r.get("mimics"))),
        ("with negation (absent)", count(lambda r: any(s.get("absent") for s in sides(r)))),
        ("'no AVN' stated", count(lambda r: any("avn" in s.get("absent", []) for s in sides(r)))),
        ("with hedges (uncertain)", count(lambda r: any(s.get("uncertain") for s in sides(r)))),
        ("AVN itself hedged", count(lambda r: any("avn" in s.get("uncertain", [])
                                                  for s in sides(r)))),
        ("with named stages", count(lambda r: any(s.get("named_stages") for s in sides(r)))),
        ("with clashes", count(lambda r: any(s.get("clash") for s in sides(r)))),
        ("with measurements", count(lambda r: any(s.get("measurements") for s in sides(r)))),
        ("with history-only mentions", count(lambda r: r.get("in_history"))),
        ("with a comparison (change)", count(lambda r: any(s.get("change") for s in sides(r)))),
        ("narrowed by stage_note", count(lambda r: any(s.get("stage_note") for s in sides(r)))),
        ("flagged for clinician review", count(lambda r: r.get("review"))),
        ("long (2,000-5,000 chars)", count(lambda r: len(r["text"]) >= LONG[0])),
    ])
    lens = sorted(len(r["text"]) for r in reports)
    out.append(f"\ntext length: min {lens[0]}, median {lens[len(lens) // 2]}, max {lens[-1]}, "
               f"total {sum(lens)} characters")
    return "\n".join(out)


def main() -> int:
    quiet = "--quiet" in sys.argv
    # The held-out set (written apart from the decoder's word lists, to test how it generalises)
    # follows every per-report rule; the whole-set quotas are the main set's alone.
    held_out = "--held-out" in sys.argv
    path = HERE / ("held-out.toml" if held_out else "reports.toml")
    problems: list[str] = []
    joints, systems = load_content(problems)
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        print(f"{path.name}: {e}", file=sys.stderr)
        return 1
    reports, per_joint, used = check(data, joints, systems, problems)
    if held_out:
        problems = [p for p in problems if not p.startswith("set")]
    check_readme(problems)
    if not quiet and not problems:
        print(summary(reports, per_joint, used))
    if problems:
        print(f"{len(problems)} problem(s):", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        return 1
    print(f"\nreports OK: {len(reports)} reports, {sum(len(r['side']) for r in reports)} sides")
    return 0


if __name__ == "__main__":
    sys.exit(main())
