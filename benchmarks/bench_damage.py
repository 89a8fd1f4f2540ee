"""Damage benchmark: put one error at a time into real same-event article pairs and count finds.

    python benchmarks/bench_damage.py [--data ../shared/data/samenews-dev] [--per-kind 60]

Pairs of articles from two outlets about the same event (ECB+, see the data's README) carry
gold links between sentences that mention the same event. Each kind of damage is put into
article B only where article A states the same fact: the places come from the gold sentence
pairs in which the same title and surname, the same multi-word name, the same number with the
same following word, or the same weekday occurs in both sentences (found with this script's own
patterns, never with the auditor's). Punctuation damage goes into B's gold sentences. Each
damaged copy is audited on its own (`audit compare A B`), one change at a time.

Reported:
- per kind: places, found (a finding of the kind's rules overlapping the damage that the clean
  pair does not have), fix right (applying a finding's suggestion restores the original text);
- on the unchanged pairs: errors and warnings per 1,000 words (both articles), overall and for
  the cross-source rules, by rule;
- sentence links against the gold: recall (gold ECB sentence pairs inside some linked sentence
  pair) and precision (links between selected ECB sentences that share a chain); the links are
  the report's event links and every sentence pair inside an alignment group, each counted once.

Places can be judged by hand (LABELS, `benchmarks/labels/damage.tsv`, keyed by pair, kind and
start): `same` where article A states the same fact as B's place (for a weekday: dates the same
happening), `other` where the place's sentences share the word for two facts (a weekday dating
the day something was said in one and the day it happened in the other). For each kind with
labels the recall on the `same` places is printed too, and the finds on the `other` ones.

`--kinds none` measures the unchanged pairs only (false alarms and links); `--half 1` or `2`
keeps the pairs of the 1st, 3rd, 5th... or the 2nd, 4th... ECB+ topic in number order (choose
a setting on one half, report both).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from checkout import use_checkout

ROOT = use_checkout()

SEED = 15
LABELS = Path(__file__).resolve().parent / "labels" / "damage.tsv"

# This script's own patterns for choosing places (independent of the auditor's extractors).
RANKS = {  # title -> a title one rung away on the same ladder (and back)
    "President": "Vice President",
    "Secretary": "Deputy Secretary",
    "Minister": "Deputy Minister",
    "Director": "Deputy Director",
    "Governor": "Lieutenant Governor",
    "General": "Lieutenant General",
    "Chairman": "Vice Chairman",
    "Commissioner": "Deputy Commissioner",
    "Chief": "Deputy Chief",
    "Mayor": "Deputy Mayor",
    "Ambassador": "Deputy Ambassador",
    "Sheriff": "Deputy Sheriff",
    "Coach": "Assistant Coach",
    "Sergeant": "Staff Sergeant",
    "Inspector": "Chief Inspector",
    "Superintendent": "Deputy Superintendent",
    "Spokesman": "Deputy Spokesman",
    "Prosecutor": "Deputy Prosecutor",
    "Manager": "Assistant Manager",
}
TITLE = re.compile(
    r"(?<![\w-])(?:(?P<rank>(?i:vice|deputy|lieutenant|assistant|under|staff|chief))[- ])?"
    r"(?P<head>(?i:" + "|".join(RANKS) + r"))\s+"
    r"(?P<name>(?:[A-Z][a-z]+\.?\s+)*(?P<sur>[A-Z][a-z]{2,}))"
)
HEADS = (
    "Center|Centre|Association|Department|Institute|University|Guild|Academy|Awards|Festival"
    "|Church|Hospital|Court|Council|Company|Party|League|Agency|Committee|Commission|Bank"
    "|Corporation|Foundation|Office|Service|Union|Club|Conference|Games|Championship|Cup"
    "|Series|Tournament|Bowl|Survey|Society|School|College|Prize|Organization|Ministry|Board"
    "|Authority|Police|Force|Army|Navy|Network|Group|Agreement|Treaty|Fund|Program|Programme"
)
NAME = re.compile(r"\b(?P<name>(?:[A-Z][\w'-]+\s+(?:(?:of|for|and|the)\s+)*)+(?:" + HEADS + r"))\b")
SWAPS = ("Central", "Regional", "National", "Federal", "United", "Western", "Royal")
NUMBER_WORDS = "two three four five six seven eight nine ten eleven twelve".split()
NUMBER = re.compile(
    r"(?<![\w.,$-])(?P<num>\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|"
    + "|".join(NUMBER_WORDS)
    + r")(?P<scale>\s+(?:million|billion|thousand|hundred))?(?P<unit>-|\s+)(?P<noun>[a-z]{3,}|%)"
)
NOT_NOUNS = frozenset("and the for but was were are have has had who that which with".split())
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
QUOTED = re.compile(r"“[^“”]{3,}?”")
MID_SPACE = re.compile(r"(?<=[a-z]{3}) (?=[a-z]{3,}\b)")
END_STOP = re.compile(r"(?<=[a-z]{2})\.(?=\s|\Z)")

KINDS = ("title", "name", "number", "weekday", "broken", "doubled-stop", "space-stop", "quote")
RULES = {
    "title": {"T101"},
    "name": {"N101", "N102"},
    "number": {"F101"},
    "weekday": {"F102", "F103"},
    "broken": {"B101", "B102"},
    "doubled-stop": {"P101"},
    "space-stop": {"P102"},
    "quote": {"P103", "P108"},
}
CROSS_SOURCE = ("E", "F10", "N101", "Q101", "R102", "R104", "T101")


@dataclass(frozen=True)
class Damage:
    """One change to article B of a pair: replace text[start:end] by `new`."""

    kind: str
    pair: str
    start: int
    end: int
    new: str


def sentence(text: str, spans: dict[str, list[int]], i: int) -> tuple[int, int]:
    """Return the character span of ECB sentence i."""
    s, e = spans[str(i)]
    return s, e


def gold_sentences(pair: dict) -> Iterator[tuple[str, str, int]]:
    """Yield (A sentence, B sentence, B offset) for each gold sentence pair."""
    text_a, text_b = pair["_text_a"], pair["_text_b"]
    for g in pair["gold"]:
        sa, ea = sentence(text_a, pair["a"]["spans"], g["a"])
        sb, eb = sentence(text_b, pair["b"]["spans"], g["b"])
        yield text_a[sa:ea], text_b[sb:eb], sb


def title_places(pair: dict) -> Iterator[Damage]:
    """A title and surname in both sentences: move B's title one rung."""
    for sent_a, sent_b, off in gold_sentences(pair):
        in_a = {(m["head"], m["rank"], m["sur"]) for m in TITLE.finditer(sent_a)}
        for m in TITLE.finditer(sent_b):
            if (m["head"], m["rank"], m["sur"]) not in in_a:
                continue
            old = sent_b[m.start() : m.start("name")].rstrip()
            head = m["head"]
            rung = RANKS[head[0].upper() + head[1:].lower()]
            new = head if m["rank"] else rung if head[0].isupper() else rung.lower()
            yield Damage("title", pair["id"], off + m.start(), off + m.start() + len(old), new)


def name_places(pair: dict) -> Iterator[Damage]:
    """A multi-word name in both sentences: swap one of B's words (never the head noun)."""
    for sent_a, sent_b, off in gold_sentences(pair):
        for m in NAME.finditer(sent_b):
            name = m["name"]
            words = name.split()
            if words[0] in ("The", "A", "An"):
                words, name = words[1:], " ".join(words[1:])
            if len(words) < 2 or name not in sent_a or words[0] in WEEKDAYS:
                continue
            k = next((i for i, w in enumerate(words[:-1]) if w[0].isupper()), None)
            if k is None:
                continue
            swap = next(s for s in SWAPS if s != words[k] and s not in words)
            start = off + m.start() + m["name"].index(words[k])
            yield Damage("name", pair["id"], start, start + len(words[k]), swap)


def number_places(pair: dict) -> Iterator[Damage]:
    """A number with the same following word in both sentences: change B's value."""
    for sent_a, sent_b, off in gold_sentences(pair):
        for m in NUMBER.finditer(sent_b):
            if m["noun"] in NOT_NOUNS or re.fullmatch(r"(?:19|20)\d\d", m["num"]):
                continue
            if not re.search(r"(?<![\w.,$-])" + re.escape(m.group()) + r"\b", sent_a):
                continue
            s = off + m.start("num")
            yield Damage("number", pair["id"], s, s + len(m["num"]), changed_number(m["num"]))


def changed_number(num: str) -> str:
    """Return another plausible value: the next number word, or the last digit changed."""
    if num in NUMBER_WORDS:
        return NUMBER_WORDS[(NUMBER_WORDS.index(num) + 1) % len(NUMBER_WORDS)]
    last = next(i for i in range(len(num) - 1, -1, -1) if num[i].isdigit())
    digit = str((int(num[last]) + 3) % 10)
    if last == 0 and digit == "0":
        digit = "4"
    return num[:last] + digit + num[last + 1 :]


def weekday_places(pair: dict) -> Iterator[Damage]:
    """The same weekday in both sentences: name the next day in B."""
    for sent_a, sent_b, off in gold_sentences(pair):
        for m in WEEKDAY.finditer(sent_b):
            if m.group() in sent_a:
                new = WEEKDAYS[(WEEKDAYS.index(m.group()) + 1) % 7]
                yield Damage("weekday", pair["id"], off + m.start(), off + m.end(), new)


def punctuation_places(pair: dict) -> Iterator[Damage]:
    """One place per punctuation kind in a gold sentence of B."""
    for _, sent_b, off in gold_sentences(pair):
        spaces = list(MID_SPACE.finditer(sent_b))
        if len(spaces) >= 6:
            m = spaces[len(spaces) // 2]
            yield Damage("broken", pair["id"], off + m.start(), off + m.end(), ". ")
        stops = list(END_STOP.finditer(sent_b))
        if stops:
            s = off + stops[-1].start()
            yield Damage("doubled-stop", pair["id"], s, s + 1, "..")
            yield Damage("space-stop", pair["id"], s, s + 1, " .")
        for m in QUOTED.finditer(sent_b):
            yield Damage("quote", pair["id"], off + m.end() - 1, off + m.end(), "“")


FINDERS: tuple[Callable[[dict], Iterator[Damage]], ...] = (
    title_places,
    name_places,
    number_places,
    weekday_places,
    punctuation_places,
)


def choose(pairs: Sequence[dict], per_kind: int) -> list[Damage]:
    """Return at most `per_kind` places of each kind, one per pair and kind, chosen by seed."""
    rng = random.Random(SEED)
    by_kind: dict[str, list[Damage]] = {k: [] for k in KINDS}
    for pair in pairs:
        seen: set[str] = set()
        for finder in FINDERS:
            for d in finder(pair):
                if d.kind not in seen:
                    seen.add(d.kind)
                    by_kind[d.kind].append(d)
    out: list[Damage] = []
    for kind in KINDS:
        places = by_kind[kind]
        rng.shuffle(places)
        out.extend(sorted(places[:per_kind], key=lambda d: d.pair))
    return out


def run_pair(args: tuple[str, str, str]) -> dict:
    """Audit one pair of texts; return its findings and alignments as plain data."""
    from auditor.engine import audit
    from auditor.read.decode import document_from_text

    text_a, text_b, _ = args
    report = audit([document_from_text(text_a, "a"), document_from_text(text_b, "b")])
    sentences = {d.id: [(s.start, s.end) for s in d.sentences] for d in report.documents}
    return {
        "findings": [
            {k: getattr(f, k) for k in ("rule", "severity", "doc", "start", "end", "suggestion")}
            | {"evidence": f.evidence}
            for f in report.findings
        ],
        "links": sorted(
            {
                (i, j)
                for al in report.alignments
                for i in al.sentences.get("a", ())
                for j in al.sentences.get("b", ())
            }
            | {(e.i, e.j) for e in report.event_links}
        ),
        "sentences": sentences,
    }


def damaged_text(text: str, d: Damage) -> str:
    """Return article B with the damage applied."""
    return text[: d.start] + d.new + text[d.end :]


def judge(d: Damage, original: str, clean: dict, result: dict) -> tuple[bool, bool]:
    """Return (found, fix right) for one damaged run."""
    text = damaged_text(original, d)
    lo, hi = d.start, d.start + len(d.new)
    before = {(f["rule"], f["evidence"]) for f in clean["findings"] if f["doc"] == "b"}
    found = fixed = False
    for f in result["findings"]:
        if f["doc"] != "b" or f["rule"] not in RULES[d.kind]:
            continue
        if f["end"] < lo or f["start"] > hi or (f["rule"], f["evidence"]) in before:
            continue
        found = True
        if f["suggestion"] is not None:
            repaired = text[: f["start"]] + f["suggestion"] + text[f["end"] :]
            fixed = fixed or repaired == original
    return found, fixed


def link_scores(pairs: Sequence[dict], results: dict[str, dict]) -> tuple[float, float, int, int]:
    """Return sentence-link recall and precision against the gold, and their counts."""
    hit = total = right = judged = 0
    for pair in pairs:
        res = results[pair["id"]]
        to_ecb = {
            side: [ecb_of(pair[side]["spans"], s, e) for s, e in res["sentences"][side]]
            for side in "ab"
        }
        linked = {(x, y) for i, j in res["links"] for x in to_ecb["a"][i] for y in to_ecb["b"][j]}
        for g in pair["gold"]:
            total += 1
            hit += (g["a"], g["b"]) in linked
        sel_a, sel_b = set(pair["a"]["selected"]), set(pair["b"]["selected"])
        for i, j in res["links"]:
            xs = [x for x in to_ecb["a"][i] if x in sel_a]
            ys = [y for y in to_ecb["b"][j] if y in sel_b]
            if xs and ys:
                judged += 1
                right += any(shares_chain(pair, x, y) for x in xs for y in ys)
    return hit / max(total, 1), right / max(judged, 1), total, judged


def ecb_of(spans: dict[str, list[int]], start: int, end: int) -> list[int]:
    """Return the ECB sentences overlapping a character span."""
    return [int(k) for k, (s, e) in spans.items() if s < end and start < e]


def shares_chain(pair: dict, x: int, y: int) -> bool:
    """Return True if ECB sentences x of A and y of B mention a common chain."""
    a = set(pair["a"]["chains"].get(str(x), ()))
    return bool(a & set(pair["b"]["chains"].get(str(y), ())))


def false_alarms(pairs: Sequence[dict], results: dict[str, dict]) -> None:
    """Print errors and warnings per 1,000 words on the unchanged pairs, overall and by rule."""
    words = sum(p["a"]["words"] + p["b"]["words"] for p in pairs)
    counts: Counter[tuple[str, str]] = Counter()
    for pair in pairs:
        for f in results[pair["id"]]["findings"]:
            counts[(f["rule"], f["severity"])] += 1
    for label, keep in (("all rules", lambda r: True), ("cross-source", cross_source)):
        err = sum(n for (r, s), n in counts.items() if s == "error" and keep(r))
        warn = sum(n for (r, s), n in counts.items() if s == "warning" and keep(r))
        print(
            f"unchanged pairs, {label:12}: errors {1000 * err / words:.3f}/1k words ({err}), "
            f"warnings {1000 * warn / words:.3f}/1k words ({warn})"
        )
    by_rule = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    print("  by rule: " + ", ".join(f"{r}/{s[0]} {n}" for (r, s), n in by_rule if s != "info"))
    print(f"  ({words} words in {len(pairs)} pairs; raw counts: every finding counts)")


def show_alarms(pairs: Sequence[dict], results: dict[str, dict], rules: tuple[str, ...]) -> None:
    """Print the findings of some rules on the unchanged pairs, with their sentence."""
    for pair in pairs:
        for f in results[pair["id"]]["findings"]:
            if f["rule"].startswith(rules):
                text = pair["_text_" + f["doc"]]
                context = text[max(0, f["start"] - 70) : f["end"] + 30].replace("\n", " ")
                print(
                    f"  {pair['id']} {f['rule']} {f['doc']} {f['evidence']!r} -> "
                    f"{f['suggestion']!r}: ...{context}..."
                )


def cross_source(code: str) -> bool:
    """Return True for the rules that compare sources."""
    return code.startswith(CROSS_SOURCE)


def load(data: Path) -> list[dict]:
    """Return the manifest's pairs with their texts attached."""
    pairs = json.loads((data / "manifest.json").read_text(encoding="utf-8"))["pairs"]
    for p in pairs:
        p["_text_a"] = (data / p["a"]["file"]).read_text(encoding="utf-8")
        p["_text_b"] = (data / p["b"]["file"]).read_text(encoding="utf-8")
    return pairs


def half(pairs: list[dict], which: int) -> list[dict]:
    """Return the pairs of every other topic in number order (1: the first, 2: the second)."""
    topics = sorted({int(p["topic"]) for p in pairs})
    keep = set(topics[which - 1 :: 2]) if which else set(topics)
    return [p for p in pairs if int(p["topic"]) in keep]


def main() -> None:
    """Choose the places, audit clean and damaged pairs, print the tables."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "samenews-dev")
    p.add_argument("--per-kind", type=int, default=60, help="at most this many places per kind")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--show", action="store_true", help="print every missed damage")
    p.add_argument("--kinds", default=",".join(KINDS), help="damage kinds to put in")
    p.add_argument(
        "--alarms", default="", help="print the unchanged pairs' findings of these rules"
    )
    p.add_argument("--half", type=int, choices=(0, 1, 2), default=0, help="0: every topic")
    p.add_argument("--labels", type=Path, default=LABELS, help="hand judgements of places")
    args = p.parse_args()
    pairs = half(load(args.data), args.half)
    by_id = {p["id"]: p for p in pairs}
    kinds = set(args.kinds.split(","))
    damages = [d for d in choose(pairs, args.per_kind) if d.kind in kinds]
    started, cpu = time.perf_counter(), time.process_time()
    jobs = [(p["_text_a"], p["_text_b"], p["id"]) for p in pairs]
    jobs += [
        (by_id[d.pair]["_text_a"], damaged_text(by_id[d.pair]["_text_b"], d), d.pair)
        for d in damages
    ]
    with ProcessPoolExecutor(args.jobs) as pool:
        out = list(pool.map(run_pair, jobs, chunksize=4))
    clean = {p["id"]: r for p, r in zip(pairs, out, strict=False)}
    labels = load_labels(args.labels)
    report(pairs, by_id, damages, clean, out[len(pairs) :], args.show, labels)
    if args.alarms:
        show_alarms(pairs, clean, tuple(args.alarms.split(",")))
    wall = time.perf_counter() - started
    print(f"{len(jobs)} audits in {wall:.0f} s wall ({time.process_time() - cpu:.0f} s CPU here)")


def load_labels(path: Path) -> dict[tuple[str, str, int], tuple[str, str]]:
    """Return the hand judgements of places: (pair, kind, start) -> (label, original text)."""
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t")
        return {(r["pair"], r["kind"], int(r["start"])): (r["label"], r["original"]) for r in rows}


def print_judged(judged: Counter[tuple[str, str, bool]]) -> None:
    """Print, per kind with labelled places, the finds on places judged the same fact or not."""
    for kind in KINDS:
        count = {(lab, f): judged[(kind, lab, f)] for lab in ("same", "other") for f in (1, 0)}
        if not any(count.values()):
            continue
        same, other = count["same", 1] + count["same", 0], count["other", 1] + count["other", 0]
        left = sum(n for (k, lab, _), n in judged.items() if k == kind and lab == "unlabelled")
        print(
            f"  {kind} judged by hand: found {count['same', 1]} of {same} places where A states"
            f" the same fact, {count['other', 1]} of {other} where it states another"
            + (f" ({left} places unlabelled)" if left else "")
        )


def report(
    pairs: Sequence[dict],
    by_id: dict[str, dict],
    damages: Sequence[Damage],
    clean: dict[str, dict],
    damaged: Sequence[dict],
    show: bool,
    labels: dict[tuple[str, str, int], tuple[str, str]],
) -> None:
    """Print recall and fixes per kind, false alarms and sentence-link scores."""
    tally: dict[str, list[int]] = {k: [0, 0, 0] for k in KINDS}
    judged: Counter[tuple[str, str, bool]] = Counter()  # (kind, label, found)
    for d, res in zip(damages, damaged, strict=True):
        original = by_id[d.pair]["_text_b"]
        found, fixed = judge(d, original, clean[d.pair], res)
        t = tally[d.kind]
        t[0], t[1], t[2] = t[0] + 1, t[1] + found, t[2] + fixed
        label, word = labels.get((d.pair, d.kind, d.start), ("unlabelled", ""))
        if word and word != original[d.start : d.end]:
            label = "unlabelled"  # another data set: the label names other text
        judged[(d.kind, label, found)] += 1
        if show and not (found and fixed):
            lo = max(0, d.start - 60)
            context = original[lo : d.start] + "[" + original[d.start : d.end] + "->" + d.new + "]"
            print(f"  {'missed' if not found else 'no fix'} {d.kind} {d.pair}: {context!r}")
    print(f"{'kind':14} {'places':>6} {'found':>6} {'recall':>7} {'fix right':>9}")
    for kind, (n, found, fixed) in tally.items():
        recall = f"{found / n:.2f}" if n else "-"
        print(f"{kind:14} {n:6} {found:6} {recall:>7} {fixed:9}")
    print_judged(judged)
    false_alarms(pairs, clean)
    recall, precision, total, judged = link_scores(pairs, clean)
    print(
        f"sentence links: recall {recall:.3f} of {total} gold pairs, "
        f"precision {precision:.3f} of {judged} judged links"
    )


if __name__ == "__main__":
    main()
