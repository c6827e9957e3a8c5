"""Scoring one answer, and summing scores up.

Per answer: the rank of the first retrieved passage holding an evidence string (hit@k, MRR); fact
recall (every `facts` group has an alternative in the answer's text, or, for an answer in the other
language, in the original of a sentence it quotes; `fact_recall_text` counts the answer's text
alone); citations, ALCE-style, over the answer's claims; faithfulness (every figure and name of a
claim is in the passages it cites); whether it refused (abstained, or said the premise is wrong);
whether an answer to an English question is in English; and `passed`: it did what the row expects.
"""

from __future__ import annotations

import statistics

from assistant.answer.claims import claims, missing_specifics, norm, supports
from assistant.text import cjk_share

RE_MARKER = r"\[\d+\]"


def found(alternatives: list[str], text: str) -> bool:
    return any(norm(a) in text for a in alternatives)


def in_language(answer: dict) -> bool:
    """The answer's text is in the question's language (its quotes' originals aside)."""
    share = cjk_share(answer["answer"])
    return share < 0.05 if answer["lang"] == "en" else share > 0.3


def score_turn(q: dict, answer: dict, lexicon: dict | None = None) -> dict:
    evidence = [norm(e) for e in q.get("evidence") or []]
    facts = q.get("facts") or []
    rank = next(
        (
            i
            for i, r in enumerate(answer["retrieved"])
            if any(e in norm(r["section"] + r["text"]) for e in evidence)
        ),
        None,
    )
    text = norm(answer["answer"])
    quoted = text + norm(" ".join(c["quote"] for c in answer["citations"]))
    refused = answer["abstained"] or bool(answer.get("premise_rejected"))
    facts_text = bool(facts) and all(found(g, text) for g in facts)
    facts_any = bool(facts) and all(found(g, quoted) for g in facts)
    by_n = {c["n"]: c for c in answer["citations"]}
    alts = [norm(a) for g in facts for a in g]
    relevant = [
        any(e in norm(c["section"] + c["text"]) for e in evidence) or any(a in norm(c["text"]) for a in alts)
        for c in answer["citations"]
    ]
    found_claims = [] if answer["abstained"] else claims(answer["answer"], set(by_n))
    claim_ok, unsupported, used = [], [], {}
    for claim, marks in found_claims:  # a translated quote's passage is its original with its translation
        passages = [
            " ".join(filter(None, (by_n[n]["text"], by_n[n].get("quote_en"), by_n[n].get("quote_zh"))))
            for n in marks
            if n in by_n
        ]
        ok = [n for n, p in zip([m for m in marks if m in by_n], passages, strict=True) if supports(p, claim)]
        claim_ok.append(bool(ok))
        for n in marks:
            used[n] = used.get(n, False) or n in ok
        missing = missing_specifics(claim, " ".join(passages), lexicon)
        if missing or not passages:
            unsupported.append({"claim": claim[:200], "missing": missing or ["no citation"]})
    precise = [used.get(c["n"], False) or rel for c, rel in zip(answer["citations"], relevant, strict=True)]
    expect = q["expect"]
    if expect == "answer":
        passed = not refused and (facts_any if facts else True)
    elif expect == "correct":
        passed = bool(answer.get("premise_rejected")) and (facts_any if facts else True)
    else:
        passed = refused
    return {
        "rank": rank,
        "fact_recall": facts_any,
        "fact_recall_text": facts_text,
        "refused": refused,
        "corrected": bool(answer.get("premise_rejected")),
        "in_language": in_language(answer),
        "passed": passed,
        "citations": len(answer["citations"]),
        "citation_recall": (sum(claim_ok) / len(claim_ok)) if claim_ok else None,
        "citation_precision": (sum(precise) / len(precise)) if precise else None,
        "citation_relevance": (sum(relevant) / len(relevant)) if relevant else None,
        "unsupported": unsupported,
    }


def _mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 4) if values else None


def summarise(rows: list[dict]) -> dict:
    ans = [r for r in rows if r["expect"] == "answer"]
    una = [r for r in rows if r["expect"] != "answer"]
    answered = [r for r in ans if not r["refused"]]
    out: dict = {
        "questions": len(rows),
        "answerable": len(ans),
        "unanswerable": len(una),
        "pass": _mean([r["passed"] for r in rows]),
    }
    if ans:
        for k in (1, 3, 5):
            out[f"hit@{k}"] = _mean(
                [r["rank"] is not None and r["rank"] < k for r in ans if r["has_evidence"]]
            )
        out["mrr"] = _mean(
            [1 / (r["rank"] + 1) if r["rank"] is not None else 0 for r in ans if r["has_evidence"]]
        )
        out["fact_recall"] = _mean([r["fact_recall"] for r in ans if r["has_facts"]])
        out["fact_recall_text"] = _mean([r["fact_recall_text"] for r in ans if r["has_facts"]])
        out["false_abstention"] = _mean([r["refused"] for r in ans])
    if answered:
        for m in ("citation_recall", "citation_precision", "citation_relevance"):
            out[m] = _mean([r[m] for r in answered])
        out["faithfulness"] = _mean([not r["unsupported"] for r in answered])
        out["unsupported_claims"] = sum(len(r["unsupported"]) for r in answered)
    if una:
        out["abstention_recall"] = _mean([r["refused"] for r in una])
    corr = [r for r in rows if r["expect"] == "correct"]
    if corr:
        out["correction_rate"] = _mean([r["corrected"] for r in corr])
    refused = [r for r in rows if r["refused"]]
    if refused:
        out["abstention_precision"] = _mean([r["expect"] != "answer" for r in refused])
    english = [r for r in rows if r["lang"] == "en" and not r["refused"]]
    if english:
        out["answers_in_english"] = _mean([r["in_language"] for r in english])
    for stage in ("retrieve", "guards", "answer", "total"):
        times = sorted(r["timings_ms"].get(stage, 0.0) for r in rows)
        if times:
            out[f"{stage}_ms_p50"] = round(statistics.median(times), 2)
            out[f"{stage}_ms_p95"] = round(times[min(len(times) - 1, int(0.95 * len(times)))], 2)
    return out
