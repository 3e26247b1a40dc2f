"""A seeded synthetic ecosystem with realistic structure, as :class:`EdgeLists`.

* organizations have a role (startups, SMEs, companies, universities, research
  institutes, hospitals, government...), a sector (supply chain, manufacturing,
  retail, health, ...) and a region, and a heavy-tailed activity (Pareto) that
  makes a few of them hubs;
* projects have a sector, a region and a heavy-tailed size; their members are
  drawn by activity, mostly from the project's sector (and then mostly from its
  region), with an academic partner most of the time;
* project titles are drawn from the sector's vocabulary, so topics follow
  communities;
* a few explicit partnerships are added between organizations of a sector.
"""

from __future__ import annotations

import numpy as np

from graph.analytics.projection import EdgeLists

SECTORS: dict[str, list[str]] = {
    "supply_chain": "supply chain logistics inventory warehouse demand forecasting routing "
                    "procurement distribution fulfillment freight".split(),
    "manufacturing": "manufacturing factory predictive maintenance robotics quality inspection "
                     "assembly production machining automation".split(),
    "retail": "retail ecommerce pricing recommendation customer store merchandising "
              "loyalty assortment checkout".split(),
    "health": "health hospital patient clinical imaging diagnosis triage pharmacy "
              "telemedicine genomics".split(),
    "energy": "energy grid electricity solar wind battery hydro consumption smart meter".split(),
    "transport": "transport fleet vehicle traffic transit rail port trucking autonomous mobility".split(),
    "agrifood": "agriculture food crop farm greenhouse livestock harvest yield irrigation grain".split(),
    "mining": "mining mineral ore drilling exploration extraction geology tailings smelting safety".split(),
    "aerospace": "aerospace aircraft maintenance avionics flight airline satellite drone engine mro".split(),
    "finance": "finance banking fraud credit risk insurance payments trading claims underwriting".split(),
}
GENERIC = ("optimization platform intelligence artificial learning data analytics model "
           "digital planning").split()
REGIONS = ("montreal", "quebec", "toronto", "ottawa", "sherbrooke", "vancouver")

ROLE_P = {
    "startup": 0.30, "sme": 0.28, "company": 0.22, "research_institute": 0.04, "university": 0.02,
    "hospital": 0.02, "government": 0.03, "investor": 0.03, "cluster": 0.02, "nonprofit": 0.04,
}


def generate(n_orgs: int = 50_000, n_projects: int = 10_000, mean_size: float = 26.0,
             n_partnerships: int = 10_000, seed: int = 7) -> EdgeLists:
    rng = np.random.default_rng(seed)
    sectors = list(SECTORS)
    n_sec, n_reg = len(sectors), len(REGIONS)
    roles = np.array(list(ROLE_P))
    role = rng.choice(len(roles), size=n_orgs, p=np.array(list(ROLE_P.values())))
    # sector popularity is itself uneven
    sec_p = rng.dirichlet(np.full(n_sec, 3.0))
    sector = rng.choice(n_sec, size=n_orgs, p=sec_p)
    region = rng.choice(n_reg, size=n_orgs, p=[0.35, 0.15, 0.25, 0.1, 0.05, 0.1])
    activity = rng.pareto(1.6, size=n_orgs) + 0.2
    academic = np.isin(roles[role], ["university", "research_institute"])
    activity[academic] *= 4.0  # academics join many projects
    activity[roles[role] == "company"] *= 1.5

    entities = []
    for i in range(n_orgs):
        r = roles[role[i]]
        entities.append({
            "id": f"O{i}", "name": f"{sectors[sector[i]].replace('_', ' ').title()} {r} {i}",
            "type": "University" if r == "university" else "Organization",
            "subtype": None if r == "university" else r,
        })

    def sampler(mask: np.ndarray):
        idx = np.flatnonzero(mask)
        if not len(idx):
            return None
        cum = np.cumsum(activity[idx])
        return idx, cum

    pools_sec = [sampler(sector == s) for s in range(n_sec)]
    pools_sr = [[sampler((sector == s) & (region == g)) for g in range(n_reg)] for s in range(n_sec)]
    pools_acad = [sampler((sector == s) & academic) for s in range(n_sec)]
    pool_all = sampler(np.ones(n_orgs, dtype=bool))

    def draw(pool, k: int) -> np.ndarray:
        if pool is None or k <= 0:
            return np.array([], dtype=np.int64)
        idx, cum = pool
        return idx[np.searchsorted(cum, rng.random(k) * cum[-1])]

    participations: list[tuple[str, str]] = []
    project_text: dict[str, str] = {}
    proj_sector = rng.choice(n_sec, size=n_projects, p=sec_p)
    proj_region = rng.choice(n_reg, size=n_projects, p=[0.35, 0.15, 0.25, 0.1, 0.05, 0.1])
    sizes = np.minimum(2 + rng.lognormal(mean=np.log(mean_size - 2) - 0.5, sigma=1.0, size=n_projects),
                       2000).astype(int)
    for p in range(n_projects):
        s, g, size = proj_sector[p], proj_region[p], sizes[p]
        n_local = rng.binomial(size, 0.6)
        n_sector = rng.binomial(size - n_local, 0.6)
        members = np.concatenate([
            draw(pools_sr[s][g], n_local), draw(pools_sec[s], n_sector),
            draw(pool_all, size - n_local - n_sector),
            draw(pools_acad[s], 1 if rng.random() < 0.7 else 0),
        ])
        pid = f"P{p}"
        entities.append({"id": pid, "name": f"Project {p}", "type": "Project", "subtype": None})
        vocab = SECTORS[sectors[s]]
        words = list(rng.choice(vocab, size=rng.integers(2, 5), replace=False))
        words += list(rng.choice(GENERIC, size=rng.integers(1, 3), replace=False))
        if rng.random() < 0.15:  # some cross-sector projects
            words += list(rng.choice(SECTORS[sectors[rng.integers(n_sec)]], size=2, replace=False))
        rng.shuffle(words)
        project_text[pid] = " ".join(words)
        entities[-1]["name"] = " ".join(words[:4]).title()
        for m in np.unique(members):
            participations.append((f"O{m}", pid))

    partnerships = []
    a = draw(pool_all, n_partnerships)
    for i in a:
        j = draw(pools_sec[sector[i]], 1)
        if len(j) and j[0] != i:
            partnerships.append((f"O{i}", f"O{j[0]}"))
    return EdgeLists(entities=entities, participations=participations,
                     partnerships=partnerships, project_text=project_text)
