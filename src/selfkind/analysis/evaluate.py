"""Evaluate the analyzer: ``python -m selfkind.analysis.evaluate`` (or ``selfkind-eval``).

Prints, on data the model never trained or was tuned on:
1. ``corpus/heldout/stance.jsonl``: per-stance precision/recall/F1, macro-F1,
   the confusion matrix, and harsh-vs-not F1.
2. The shared evaluation data (``../shared/data`` beside the repository, or
   ``--data``), read in place and never copied:
   - Sharma et al. (ACL 2023) reframing_dataset.csv: how often the practitioner's
     reframe scores a higher ``compassion`` than the thought;
   - Ziems et al. (ACL 2022) positive-frames: the same, tweet vs reframed tweet;
   - Sharma et al. thinking_traps.jsonl: agreement of ``patterns`` with the
     experts' thinking traps, per trap and as macro-F1.
3. The crisis section, from ``selfkind.analysis.crisis.evaluate.report()`` when
   the crisis detector provides one.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from selfkind.core.analysis import Analysis
from selfkind.core.pillars import Stance

STANCES: tuple[Stance, ...] = tuple(Stance)
# The experts' trap names (and spelling variants) mapped to our pattern names.
TRAP_NAMES: dict[str, str] = {
    "all-or-nothing thinking": "all_or_nothing",
    "overgeneralizing": "overgeneralizing",
    "overgeneralization": "overgeneralizing",
    "labeling": "labeling",
    "labelling": "labeling",
    "should statements": "should_statements",
    "catastrophizing": "catastrophizing",
    "mind reading": "mind_reading",
    "fortune telling": "fortune_telling",
    "personalizing": "personalizing",
    "personalization": "personalizing",
    "disqualifying the positive": "discounting_positive",
    "emotional reasoning": "emotional_reasoning",
    "comparing and despairing": "comparing",
    "comparing": "comparing",
    "blaming": "blaming",
}
# Traps with no counterpart among our patterns (reported, not scored).
UNMAPPED_TRAPS = ("negative feeling or emotion", "not distorted")

Analyze = Callable[[Sequence[str]], list[Analysis]]


def repo_root() -> Path:
    return Path(__file__).resolve().parents[3]


# ---- metrics -------------------------------------------------------------------
def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, score


def stance_report(gold: Sequence[Stance], predicted: Sequence[Stance]) -> dict[str, float]:
    k = len(STANCES)
    matrix = np.zeros((k, k), dtype=int)
    for g, guess in zip(gold, predicted, strict=True):
        matrix[STANCES.index(g), STANCES.index(guess)] += 1
    print(f"{'stance':<22}{'precision':>10}{'recall':>8}{'F1':>8}{'n':>6}")
    f1s = []
    for i, stance in enumerate(STANCES):
        tp = int(matrix[i, i])
        p, r, score = f1(tp, int(matrix[:, i].sum()) - tp, int(matrix[i].sum()) - tp)
        f1s.append(score)
        print(f"{stance.value:<22}{p:>10.3f}{r:>8.3f}{score:>8.3f}{int(matrix[i].sum()):>6}")
    macro = float(np.mean(f1s))
    print(f"macro-F1 over {k} stances: {macro:.4f}")
    print("\nconfusion matrix (rows gold, columns predicted):")
    short = [s.value[:8] for s in STANCES]
    print(" " * 22 + "".join(f"{s:>10}" for s in short))
    for i, stance in enumerate(STANCES):
        print(f"{stance.value:<22}" + "".join(f"{v:>10}" for v in matrix[i]))
    g_h = np.array([s.harsh for s in gold])
    p_h = np.array([s.harsh for s in predicted])
    hp, hr, hf = f1(int(np.sum(g_h & p_h)), int(np.sum(~g_h & p_h)), int(np.sum(g_h & ~p_h)))
    print(f"\nharsh-vs-not: precision {hp:.3f} recall {hr:.3f} F1 {hf:.4f}")
    return {"macro_f1": macro, "harsh_f1": hf}


# ---- sections ------------------------------------------------------------------
def heldout(analyze: Analyze, path: Path) -> dict[str, float]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    results = analyze([r["text"] for r in rows])
    print(f"\n== held-out stance set: {path} ({len(rows)} statements) ==")
    report = stance_report([Stance(r["stance"]) for r in rows], [a.dominant for a in results])
    # None of these ordinary statements is about a crisis: every alarm here is a false one,
    # and a false alarm also takes the reframe away.
    likely = sum(a.crisis_level.value == "likely" for a in results)
    possible = sum(a.crisis_level.value == "possible" for a in results)
    print(f"crisis alarms on these ordinary statements: likely {likely}/{len(rows)} "
          f"= {likely / len(rows):.3f}, possible {possible}/{len(rows)} "
          f"= {possible / len(rows):.3f}")
    report["false_likely"] = likely / len(rows)
    report["false_possible"] = possible / len(rows)
    return report


def pairwise(analyze: Analyze, before: Sequence[str], after: Sequence[str], label: str) -> float:
    unique = sorted(set(before) | set(after))
    compassion = {t: a.compassion for t, a in zip(unique, analyze(unique), strict=True)}
    wins = sum(compassion[b] < compassion[a] for b, a in zip(before, after, strict=True))
    ties = sum(compassion[b] == compassion[a] for b, a in zip(before, after, strict=True))
    share = wins / len(before) if before else 0.0
    print(f"{label}: reframe more compassionate in {wins}/{len(before)} pairs = {share:.4f}"
          f" (ties {ties})")
    return share


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def cognitive_reframing(analyze: Analyze, data: Path) -> dict[str, float]:
    rows = [r for r in _csv(data / "cognitive-reframing" / "reframing_dataset.csv")
            if r["thought"].strip() and r["reframe"].strip()]
    print("\n== Sharma et al. (ACL 2023) cognitive reframing: thought vs reframe ==")
    share = pairwise(analyze, [r["thought"] for r in rows], [r["reframe"] for r in rows],
                     "reframing_dataset.csv")
    return {"sharma_pairwise": share}


def positive_frames(analyze: Analyze, data: Path, *, include_train: bool) -> dict[str, float]:
    print("\n== Ziems et al. (ACL 2022) positive frames: tweet vs reframed tweet ==")
    out: dict[str, float] = {}
    names = ["wholedev.csv", "wholetrain.csv"] if include_train else ["wholedev.csv"]
    for name in names:
        rows = [r for r in _csv(data / "positive-frames" / name)
                if r["original_text"].strip() and r["reframed_text"].strip()]
        out[f"ziems_{name}"] = pairwise(analyze, [r["original_text"] for r in rows],
                                        [r["reframed_text"] for r in rows], name)
    return out


def thinking_traps(analyze: Analyze, data: Path) -> dict[str, float]:
    gold: dict[str, set[str]] = {}
    unmapped: dict[str, set[str]] = {}
    for line in (data / "cognitive-reframing" / "thinking_traps.jsonl").read_text(
            encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        thought = row["prompt"].rsplit("->", 1)[0].strip()
        trap = " ".join(row["completion"].split()).lower()
        gold.setdefault(thought, set())
        if trap in TRAP_NAMES:
            gold[thought].add(TRAP_NAMES[trap])
        else:
            unmapped.setdefault(thought, set()).add(trap)
    thoughts = sorted(gold)
    predicted = {t: {p.name for p in a.patterns}
                 for t, a in zip(thoughts, analyze(thoughts), strict=True)}
    names = sorted(set(TRAP_NAMES.values()))
    print(f"\n== Sharma et al. (ACL 2023) thinking traps: {len(thoughts)} thoughts ==")
    print(f"{'pattern':<22}{'precision':>10}{'recall':>8}{'F1':>8}{'gold':>6}")
    scores = []
    for name in names:
        tp = sum(name in gold[t] and name in predicted[t] for t in thoughts)
        fp = sum(name not in gold[t] and name in predicted[t] for t in thoughts)
        fn = sum(name in gold[t] and name not in predicted[t] for t in thoughts)
        p, r, score = f1(tp, fp, fn)
        scores.append(score)
        print(f"{name:<22}{p:>10.3f}{r:>8.3f}{score:>8.3f}{tp + fn:>6}")
    macro = float(np.mean(scores))
    print(f"macro-F1 over {len(names)} mapped traps: {macro:.4f}"
          " (a plain embedding classifier trained on these traps: ~0.26 over 14)")
    clean = [t for t in thoughts if "not distorted" in unmapped.get(t, set()) and not gold[t]]
    quiet = sum(not predicted[t] for t in clean)
    if clean:
        print(f"'Not distorted' thoughts with no pattern found: {quiet}/{len(clean)}")
    return {"traps_macro_f1": macro}


def crisis_section(repo: Path) -> None:
    # ---- CRISIS HOOK ------------------------------------------------------------
    # The crisis engineer owns this section: selfkind.analysis.crisis.evaluate
    # provides report(path) -> str over its own held-out corpus (DEFAULT_CORPUS).
    print("\n== crisis ==")
    try:
        module = importlib.import_module("selfkind.analysis.crisis.evaluate")
    except ImportError:
        print("(no crisis evaluation yet: selfkind.analysis.crisis.evaluate.report)")
        return
    corpus = repo / getattr(module, "DEFAULT_CORPUS", Path("corpus/heldout/crisis.jsonl"))
    if not corpus.exists():
        print(f"(crisis held-out set not found at {corpus})")
        return
    print(module.report(corpus))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="selfkind-eval", description="Evaluate the analyzer.")
    parser.add_argument("--repo", type=Path, default=repo_root(), help="the repository root")
    parser.add_argument("--data", type=Path, default=None,
                        help="the shared evaluation data (default: REPO/../shared/data)")
    parser.add_argument("--quick", action="store_true",
                        help="skip positive-frames wholetrain.csv (6,679 pairs)")
    parser.add_argument("--no-crisis", action="store_true", help="skip the crisis section")
    args = parser.parse_args(argv)

    from selfkind.analysis import build_analyzer
    from selfkind.settings import Settings

    started = time.perf_counter()
    # Template reframes only: evaluation must not call a chat endpoint.
    engine = build_analyzer(Settings(reframe_url=None))
    analyze: Analyze = engine.analyze_many
    heldout(analyze, args.repo / "corpus" / "heldout" / "stance.jsonl")
    data = args.data or (args.repo / ".." / "shared" / "data").resolve()
    if data.is_dir():
        cognitive_reframing(analyze, data)
        positive_frames(analyze, data, include_train=not args.quick)
        thinking_traps(analyze, data)
    else:
        print(f"\n(shared data not found at {data}: skipped the pairwise and trap checks)")
    if not args.no_crisis:
        crisis_section(args.repo)
    print(f"\n(evaluated in {time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
