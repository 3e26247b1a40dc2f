"""The annotated evaluation sets (``eval/sets.json``) and their split into train, dev and test.

A set either belongs wholly to one role (``train``, ``blind``, ``reference``) or is split
``by-document``. The split of a set's documents is drawn once, with a fixed seed: within each
language, documents ordered by a hash of the seed and their file name, the first 60 % train,
the next 20 % dev, the rest test. It is written to the set's ``SPLIT.tsv`` and committed, so
that a document never changes role; a document added later and not in that file takes its role
from its own hash against the same fractions. Nobody chooses which texts are tested.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from grappe.errors import GrappeError

#: where ``eval/`` sits in a checkout (the command line takes another with ``--eval-dir``)
EVAL_DIR = Path(__file__).resolve().parent.parent / "eval"
ROLES = ("train", "dev", "test", "blind", "reference")


@dataclass(frozen=True)
class GoldDoc:
    set: str
    role: str
    gold_path: Path
    source: Path  # the document the gold annotates
    #: a text written for the project (the rules read it the way it was written to be read)
    written: bool = False

    @property
    def name(self) -> str:
        return self.source.name

    def gold(self) -> dict:
        return json.loads(self.gold_path.read_text(encoding="utf-8"))


def _unit(file_name: str, seed: str) -> float:
    digest = hashlib.sha256(f"{seed}\x1f{file_name}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def split_of(file_name: str, seed: str, fractions: dict[str, float]) -> str:
    """train/dev/test for one document from its own hash (documents added after the draw)."""
    u = _unit(file_name, seed)
    edge = 0.0
    for role in ("train", "dev", "test"):
        edge += fractions[role]
        if u < edge:
            return role
    return "test"


def draw_split(file_names: list[str], seed: str, fractions: dict[str, float]) -> dict[str, str]:
    """The split of a set: per language (the ``-fr``/``-en`` suffix), exact fractions by hash rank."""
    by_lang: dict[str, list[str]] = {}
    for name in file_names:
        by_lang.setdefault(Path(name).stem.rsplit("-", 1)[-1], []).append(name)
    roles: dict[str, str] = {}
    for names in by_lang.values():
        ranked = sorted(names, key=lambda n: _unit(n, seed))
        n_train = round(len(ranked) * fractions["train"])
        n_dev = round(len(ranked) * fractions["dev"])
        for i, name in enumerate(ranked):
            roles[name] = "train" if i < n_train else "dev" if i < n_train + n_dev else "test"
    return roles


def read_split(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#"))
    return {name: role for name, role in rows}


def _manifest(eval_dir: Path) -> dict:
    path = eval_dir / "sets.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise GrappeError(f"{path} not found.", "Point --eval-dir at the eval/ folder of a checkout.") from exc
    except ValueError as exc:
        raise GrappeError(f"{path} is not valid JSON ({exc}).", "Fix the manifest.") from exc


def gold_docs(eval_dir: Path = EVAL_DIR, roles: tuple[str, ...] = ROLES,
              sets: tuple[str, ...] | None = None) -> Iterator[GoldDoc]:
    """Every annotated document of the given roles (and sets), in a stable order."""
    manifest = _manifest(eval_dir)
    for spec in manifest["sets"]:
        if sets is not None and spec["name"] not in sets:
            continue
        gold_dir, corpus_dir = eval_dir / spec["gold"], eval_dir / spec["corpus"]
        if not gold_dir.is_dir():
            continue  # a set kept outside the repository (the shared one) may be absent
        drawn = read_split(eval_dir / spec["gold"] / ".." / "SPLIT.tsv")
        for gpath in sorted(gold_dir.glob("*.json")):
            data = json.loads(gpath.read_text(encoding="utf-8"))
            source = corpus_dir / data.get("document", {}).get("file", gpath.stem + ".txt")
            if not source.exists():
                raise GrappeError(f"gold {gpath} names {source.name}, which is not in {corpus_dir}.",
                                  "Check the manifest's corpus folder or the gold file's document.file.")
            role = spec["split"]
            if role == "by-document":
                role = drawn.get(source.name) or split_of(source.name, manifest["seed"], manifest["fractions"])
            if role in roles:
                yield GoldDoc(spec["name"], role, gpath, source, bool(spec.get("written_for_the_project")))
