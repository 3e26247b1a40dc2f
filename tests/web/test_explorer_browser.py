"""Browser tests of the explorer (expand, link evidence, filter), the ecosystem map, and
report → accept → the link stays gone after re-ingest. Screenshots in test-artifacts/."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
from graphs import web_ecosystem as fx
from test_browser_flows import (  # noqa: F401
    CHROMEDRIVER,
    CHROMIUM,
    browser,
    downloads,
    live_server,
    shot,
    sign_in,
    wait_for,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
                       reason="Chromium/chromedriver not installed (apt-get install chromium chromium-driver)"),
]

VENDOR = Path(__file__).resolve().parents[2] / "web" / "static" / "vendor" / "cytoscape.min.js"
DOC = Path(__file__).resolve().parents[1] / "data" / "reports" / "communique-acme-nordville.txt"


@pytest.fixture(autouse=True)
def vendored() -> None:
    assert VENDOR.is_file(), "cytoscape.js is not in web/static/vendor: run `make setup` (npm ci, then the copy)"


def until(driver, script: str, *args, timeout: float = 10):
    """Poll a script until it returns something truthy."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = driver.execute_script(script, *args)
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for: {script}")


def node_count(driver) -> int:
    return driver.execute_script("return window.grappeExplorer ? grappeExplorer.cy.nodes().length : 0")


def click_at(driver, x: float, y: float, double: bool = False) -> None:
    """Click the explorer's canvas at rendered position (x, y)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    canvas = driver.find_element(By.CSS_SELECTOR, "#explorer .explorer-canvas")
    # the whole canvas in view: pointer offsets count from the centre of its visible part
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", canvas)
    size = canvas.size
    chain = ActionChains(driver).move_to_element_with_offset(canvas, int(x - size["width"] / 2),
                                                             int(y - size["height"] / 2))
    (chain.double_click() if double else chain.click()).perform()


def node_position(driver, node_id: str) -> tuple[float, float]:
    p = driver.execute_script("return grappeExplorer.cy.getElementById(arguments[0]).renderedPosition()", node_id)
    return p["x"], p["y"]


def test_explorer_expand_evidence_filter(browser, live_server):  # noqa: F811
    from selenium.webdriver.common.by import By

    browser.get(f"{live_server}/entity/{fx.BOREALE}")
    until(browser, "return document.querySelector('.explorer-status').textContent.includes('links')")
    assert browser.find_element(By.ID, "explorer").is_displayed()
    assert not browser.find_element(By.CSS_SELECTOR, "[data-fallback=explorer]").is_displayed()
    start = node_count(browser)
    assert start == 5  # Boréale, UdeM, Mila, the demand project, Jean Dupuis
    shot(browser, "explorer-01-start")

    click_at(browser, *node_position(browser, fx.MILA), double=True)  # expand Mila
    until(browser, "return grappeExplorer.cy.nodes().length > arguments[0]", start)
    ids = set(browser.execute_script("return grappeExplorer.cy.nodes().map(n => n.id())"))
    assert {fx.OPTIMUS, fx.HOSTILE, fx.PROJ_WAREHOUSE} <= ids
    assert browser.execute_script("return grappeExplorer.cy.getElementById(arguments[0]).data('hop')", fx.OPTIMUS) == 2
    shot(browser, "explorer-02-expanded")

    # a click on the Boréale–Mila partnership shows its evidence with a link to the document
    edge = browser.execute_script(
        "return grappeExplorer.cy.edges().filter(e => e.data('rel') === 'PARTNERS_WITH' &&"
        " [e.data('source'), e.data('target')].sort().join() === [arguments[0], arguments[1]].sort().join())"
        "[0].renderedMidpoint()", fx.BOREALE, fx.MILA)
    click_at(browser, edge["x"], edge["y"])
    quote = wait_for(browser, ".explorer-panel ul.evidence q")
    assert "Boreal Logistics and Mila" in quote.text
    link = browser.find_element(By.CSS_SELECTOR, ".explorer-panel ul.evidence a")
    assert link.get_attribute("href").endswith(f"/documents/{fx.DOC_EN}")
    shot(browser, "explorer-03-evidence")

    # a click on a node opens its panel; filtering out partnerships hides those links
    click_at(browser, *node_position(browser, fx.UDEM))
    assert wait_for(browser, ".explorer-panel h3").text == "Université de Montréal"
    browser.find_element(By.CSS_SELECTOR, "input[name=rel][value=PARTNERS_WITH]").click()
    visible = browser.execute_script(
        "return grappeExplorer.cy.edges().filter(e => e.style('display') !== 'none').map(e => e.data('rel'))")
    assert visible and "PARTNERS_WITH" not in visible
    assert browser.execute_script("return grappeExplorer.cy.getElementById(arguments[0]).style('display')",
                                  fx.HOSTILE) == "none"  # linked by a partnership only
    shot(browser, "explorer-04-filtered")


def test_ecosystem_map_search_and_panel(browser, live_server):  # noqa: F811
    from selenium.webdriver.common.by import By

    browser.get(f"{live_server}/map")
    until(browser, "return document.querySelector('.explorer-status').textContent.includes('organizations')")
    assert node_count(browser) >= 5
    browser.find_element(By.ID, "find").send_keys("boreale")
    found = until(browser, "return grappeExplorer.cy.nodes('.found').map(n => n.id())")
    assert found == [fx.BOREALE]
    shot(browser, "map-01-search")
    click_at(browser, *node_position(browser, fx.BOREALE))
    assert wait_for(browser, ".explorer-panel h3").text == "Logistique Boréale"


# --------------------------------------------------------------------------- report → accept → re-ingest


@pytest.fixture
def demo_server(settings, store, users_file, tmp_path):
    """A server on a graph made by ingesting one invented press release (spaCy)."""
    from waitress import create_server

    from ingest.run import ingest
    from nlp.pipeline import Extractor
    from web import create_app

    s = settings.replace(data_dir=tmp_path)
    doc = tmp_path / "docs" / DOC.name
    doc.parent.mkdir()
    shutil.copy(DOC, doc)
    extractor = Extractor()
    assert not ingest([doc], s, store, extractor=extractor).failures
    app = create_app(s, store=store, config={"SECRET_KEY": "t", "USERS_FILE": users_file})
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}", lambda: ingest([doc], s, store, extractor=extractor), doc
    server.close()
    thread.join(timeout=5)


@pytest.mark.models
def test_report_accept_then_reingest(browser, demo_server, store):  # noqa: F811
    from selenium.webdriver.common.by import By

    base, reingest, doc = demo_server
    browser.get(base + "/reconcile/suggest/entity?prefix=Acme%20Robotique")
    acme = until(browser, "return JSON.parse(document.body.innerText).result[0].id")
    sign_in(browser, base, "viewer")
    browser.get(f"{base}/entity/{acme}")
    row = next(li for li in browser.find_elements(By.CSS_SELECTOR, "li.partner")
               if "Banque Nordique" in li.find_element(By.TAG_NAME, "h3").text)
    row.find_element(By.CSS_SELECTOR, "details.report summary").click()
    row.find_element(By.CSS_SELECTOR, "details.report input[name=reason]").send_keys("only a project collaborator")
    shot(browser, "report-01-filed")
    row.find_element(By.CSS_SELECTOR, "details.report button").click()
    assert "curators will look" in wait_for(browser, ".flash").text

    browser.find_element(By.CSS_SELECTOR, "header.site form button").click()  # sign out
    sign_in(browser, base, "curator")
    browser.get(base + "/curation/reports")
    item = wait_for(browser, ".report-item")
    assert "Acme Robotique — PARTNERS_WITH — Banque Nordique" in item.text
    shot(browser, "report-02-queue")
    item.find_element(By.CSS_SELECTOR, "button.accept").click()
    assert "Report accepted" in wait_for(browser, ".flash").text

    doc.write_text(doc.read_text(encoding="utf-8") + "\nMise à jour : le communiqué a été corrigé.\n",
                   encoding="utf-8")
    assert reingest().count("replaced") == 1  # the same document, read again
    browser.get(f"{base}/entity/{acme}")
    partners = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "li.partner h3")]
    assert any(p.startswith("Université de Nordville") for p in partners), partners
    links = store.run("resolve/entity_relations", id=acme).rows
    # the rejected PARTNERS_WITH stays gone; the same sentence's project relations are the model's to give
    types = {r["type"] for r in links if "Banque" in (r["sentence"] or "")}
    assert "LEADS" in types and "PARTNERS_WITH" not in types, types
    bank = next((li for li in browser.find_elements(By.CSS_SELECTOR, "li.partner")
                 if "Banque Nordique" in li.find_element(By.TAG_NAME, "h3").text), None)
    # still a co-participant of the project, but no partnership sentence any more
    assert bank is None or not bank.find_elements(By.CSS_SELECTOR, "blockquote")
    shot(browser, "report-03-after-reingest")
