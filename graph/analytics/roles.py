"""Role complementarity: who needs whom, as a small type-pair matrix.

An entity's *role* is its organization subtype (``startup``, ``sme``,
``company``, ``research_institute``...), ``university`` for universities, or
``other``. ``COMPLEMENT[seeker][candidate]`` in [0, 1] says how useful a
candidate of that role is to a seeker of that role: a startup or SME needs
industry clients (companies), academic partners (universities) and research
institutes; a company needs startups' innovation and academic research; a
university or research institute needs industry partners. Roles not listed
get :data:`DEFAULT`.
"""

from __future__ import annotations

import numpy as np

ROLES = (
    "startup", "sme", "company", "university", "research_institute", "hospital", "government",
    "investor", "cluster", "nonprofit", "association", "event_organizer", "media", "other",
)
ROLE_INDEX = {r: i for i, r in enumerate(ROLES)}

#: role -> broad category, used in explanations ("your industry partners")
CATEGORY = {
    "startup": "industry", "sme": "industry", "company": "industry",
    "university": "academic", "research_institute": "academic",
    "hospital": "health", "government": "public", "investor": "investor",
    "cluster": "ecosystem", "nonprofit": "ecosystem", "association": "ecosystem",
    "event_organizer": "ecosystem", "media": "ecosystem", "other": "other",
}

LABEL = {
    "startup": "a startup", "sme": "an SME", "company": "a company",
    "university": "a university", "research_institute": "a research institute",
    "hospital": "a hospital", "government": "a government body", "investor": "an investor",
    "cluster": "a cluster", "nonprofit": "a nonprofit", "association": "an association",
    "event_organizer": "an event organizer", "media": "a media outlet", "other": "an organization",
}

DEFAULT = 0.3

_NEEDS: dict[str, dict[str, float]] = {
    "startup": {"company": 1.0, "university": 0.9, "research_institute": 0.9, "investor": 0.7,
                "hospital": 0.6, "government": 0.4, "cluster": 0.4, "sme": 0.4, "startup": 0.3},
    "sme": {"company": 1.0, "university": 0.9, "research_institute": 0.9, "investor": 0.6,
            "hospital": 0.5, "government": 0.4, "cluster": 0.4, "startup": 0.5, "sme": 0.4},
    "company": {"startup": 0.9, "sme": 0.8, "university": 0.9, "research_institute": 0.9,
                "company": 0.5, "hospital": 0.5, "government": 0.4, "cluster": 0.4},
    "university": {"company": 1.0, "sme": 0.8, "startup": 0.8, "hospital": 0.7,
                   "research_institute": 0.6, "government": 0.5, "university": 0.4},
    "research_institute": {"company": 1.0, "sme": 0.8, "startup": 0.8, "hospital": 0.7,
                           "university": 0.6, "government": 0.5, "research_institute": 0.4},
    "hospital": {"startup": 0.8, "company": 0.7, "sme": 0.7, "university": 0.8,
                 "research_institute": 0.8},
    "government": {"company": 0.6, "sme": 0.6, "startup": 0.6, "university": 0.6,
                   "research_institute": 0.6},
    "investor": {"startup": 1.0, "sme": 0.8, "company": 0.4},
}


def _matrix() -> np.ndarray:
    m = np.full((len(ROLES), len(ROLES)), DEFAULT, dtype=np.float32)
    for seeker, row in _NEEDS.items():
        for cand, value in row.items():
            m[ROLE_INDEX[seeker], ROLE_INDEX[cand]] = value
    return m


#: COMPLEMENT[seeker_role, candidate_role]
COMPLEMENT = _matrix()


def role_of(entity: dict) -> str:
    """Role name of an entity dict ``{type, subtype}``."""
    if entity.get("type") == "University":
        return "university"
    sub = (entity.get("subtype") or "").lower()
    return sub if sub in ROLE_INDEX else "other"
