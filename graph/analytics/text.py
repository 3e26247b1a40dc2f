"""TF-IDF over project texts with numpy/scipy only (no scikit-learn).

Tokens are accent-folded, lower-cased words of 3+ characters that are not
stop words (French and English), plus the bigrams of adjacent kept words, so
"chaîne d'approvisionnement" and "supply chain" both survive as phrases that
read well in an explanation. Weights: sublinear tf (1 + log tf) times smooth
idf (log((1 + n) / (1 + df)) + 1); rows are L2-normalised so a dot product is
a cosine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from grappe.text import fold
from grappe.vocabulary import vocabulary

STOP_WORDS: frozenset[str] = frozenset(
    w for line in (Path(__file__).resolve().parent / "stop_words.txt").read_text(encoding="utf-8").splitlines()
    if not line.startswith("#") for w in line.split()
) | {w for form in vocabulary().legal for w in form}

_WORD = re.compile(r"[a-z0-9]+")


def tokenize(text: str) -> list[str]:
    """Kept words plus bigrams of adjacent kept words."""
    words = [w for w in _WORD.findall(fold(text)) if len(w) > 1]  # elisions (d', l') vanish
    kept: list[str | None] = [w if len(w) >= 3 and w not in STOP_WORDS and not w.isdigit() else None
                              for w in words]
    out = [w for w in kept if w]
    out.extend(f"{a} {b}" for a, b in zip(kept, kept[1:], strict=False) if a and b)
    return out


def tfidf(texts: Sequence[str], min_df: int = 1,
          exclude: frozenset[str] | set[str] = frozenset()) -> tuple[sp.csr_matrix, list[str]]:
    """Row-normalised TF-IDF matrix (len(texts) x vocabulary) and the vocabulary.

    ``exclude``: terms to drop (e.g. the folded names of organizations, which
    evidence sentences repeat but which are not topics)."""
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, text in enumerate(texts):
        for tok in tokenize(text):
            if tok in exclude:
                continue
            j = vocab.setdefault(tok, len(vocab))
            rows.append(i)
            cols.append(j)
    n = len(texts)
    if not vocab:
        return sp.csr_matrix((n, 0), dtype=np.float32), []
    tf = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, len(vocab)))
    tf.sum_duplicates()
    df = np.bincount(tf.indices, minlength=len(vocab))
    terms = np.empty(len(vocab), dtype=object)
    for tok, j in vocab.items():
        terms[j] = tok
    if min_df > 1:
        keep = np.flatnonzero(df >= min_df)
        tf = tf[:, keep].tocsr()
        df = df[keep]
        terms = terms[keep]
    tf.data = 1.0 + np.log(tf.data)
    idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
    mat = (tf @ sp.diags(idf)).tocsr().astype(np.float32)
    return normalize_rows(mat), list(terms)


def normalize_rows(mat: sp.spmatrix) -> sp.csr_matrix:
    """L2-normalise each row (zero rows stay zero)."""
    mat = sp.csr_matrix(mat, dtype=np.float32)
    norms = np.sqrt(np.asarray(mat.multiply(mat).sum(axis=1)).ravel())
    inv = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return (sp.diags(inv.astype(np.float32)) @ mat).tocsr()


def top_terms(weights: Iterable[tuple[str, float]], n: int = 3) -> list[str]:
    """The ``n`` heaviest terms, preferring a bigram over the words it contains."""
    ranked = sorted(weights, key=lambda tw: -tw[1])
    out: list[str] = []
    for term, _ in ranked:
        words = set(term.split())
        if any(words <= set(o.split()) for o in out):
            continue  # already said
        out = [o for o in out if not set(o.split()) <= words]  # a bigram replaces its words
        out.append(term)
        if len(out) >= n:
            break
    return out
