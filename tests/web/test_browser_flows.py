"""Browser tests: headless Chromium against a real waitress server on 127.0.0.1.

Screenshots go to test-artifacts/ (gitignored). Skipped, with the reason, only when
Chromium or chromedriver is not installed (CI installs them).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from pathlib import Path

import pytest
from graphs import web_ecosystem as fx
from web_fixtures import PASSWORD

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
                       reason="Chromium/chromedriver not installed (apt-get install chromium chromium-driver)"),
]


@pytest.fixture
def live_server(app):
    from waitress import create_server

    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
    thread.join(timeout=5)


@pytest.fixture
def downloads() -> Path:
    path = Path(tempfile.mkdtemp(prefix="grappe-dl-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def browser(downloads: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="grappe-chrome-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1366,1000"):
        opts.add_argument(arg)
    opts.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                           "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.implicitly_wait(0)
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def wait_for(driver, css: str, timeout: float = 10):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(ec.visibility_of_element_located((By.CSS_SELECTOR, css)))


def wait_for_download(folder: Path, name: str, timeout: float = 15) -> str:
    """The finished download's text. Chromium reserves the final name with an empty file
    while it writes to a .crdownload beside it, so existence alone is not completion."""
    target = folder / name
    deadline = time.time() + timeout
    while time.time() < deadline:
        busy = any(p.suffix == ".crdownload" for p in folder.iterdir())
        if not busy and target.exists() and target.stat().st_size > 0:
            return target.read_text(encoding="utf-8")
        time.sleep(0.2)
    raise AssertionError(f"{name} did not finish downloading in {timeout:.0f} s: {sorted(folder.iterdir())}")


def shot(driver, name: str) -> None:
    height = driver.execute_script("return document.body.scrollHeight")
    driver.set_window_size(1366, min(max(height, 800), 4000))
    driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))
    driver.set_window_size(1366, 1000)


def sign_in(driver, base: str, name: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(base + "/login")
    driver.delete_all_cookies()  # a fresh sign-in: no session left by another test's server on this host
    driver.get(base + "/login")
    wait_for(driver, "#username").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
    wait_for(driver, ".flash", timeout=30)  # the password hash is slow on purpose, slower on a loaded machine


def test_search_typeahead_entity_partner(browser, live_server):
    from selenium.webdriver.common.by import By

    browser.get(live_server + "/")
    shot(browser, "01-home")
    box = browser.find_element(By.ID, "q")
    box.send_keys("logistique bor")
    first = wait_for(browser, "#q-list li")
    assert "Logistique Boréale" in first.text
    shot(browser, "02-typeahead")
    first.click()
    wait_for(browser, ".entity-head h1")
    assert browser.find_element(By.CSS_SELECTOR, ".entity-head h1").text == "Logistique Boréale"
    assert browser.find_elements(By.CSS_SELECTOR, "svg.egonet a.node")
    shot(browser, "03-entity")
    partner = browser.find_element(By.CSS_SELECTOR, "li.partner h3 a")
    evidence = browser.find_element(By.CSS_SELECTOR, "li.partner blockquote mark")
    assert evidence.text
    name = partner.text
    partner.click()
    wait_for(browser, ".entity-head h1")
    assert browser.find_element(By.CSS_SELECTOR, ".entity-head h1").text == name
    browser.back()  # and the project table links work too
    wait_for(browser, ".entity-head h1")
    browser.find_element(By.CSS_SELECTOR, "section[aria-labelledby=h-projects] a").click()
    wait_for(browser, ".entity-head h1")
    assert "Prévision" in browser.find_element(By.CSS_SELECTOR, ".entity-head h1").text
    browser.get(f"{live_server}/entity/{fx.IVADO}")
    wait_for(browser, "#explorer canvas")  # the interactive explorer replaces the SVG when script runs
    shot(browser, "04-hub-network")


def test_search_results_and_hostile_name(browser, live_server):
    from selenium.webdriver.common.by import By

    browser.get(live_server + "/?q=montreal")
    wait_for(browser, "ol.hits")
    shot(browser, "05-results")
    browser.get(f"{live_server}/entity/{fx.HOSTILE}")
    h1 = wait_for(browser, ".entity-head h1")
    assert h1.text == fx.HOSTILE_NAME  # shown as text, never run
    assert browser.execute_script("return window.__pwned === undefined")
    assert not browser.find_elements(By.CSS_SELECTOR, "main img")


def test_matchmaking(browser, live_server):
    from selenium.webdriver.common.by import By

    browser.get(live_server + "/match")
    field = browser.find_element(By.ID, "f-entity")
    field.send_keys("UdeM")
    wait_for(browser, "#f-entity-list li").click()
    browser.find_element(By.CSS_SELECTOR, "form.row button[type=submit]").click()
    wait_for(browser, "h2")
    shot(browser, "06-match")
    links = browser.find_elements(By.CSS_SELECTOR, "li.candidate a.hit-name")
    if links:
        name = links[0].text
        links[0].click()
        assert wait_for(browser, ".entity-head h1").text == name


def test_console_saved_query_csv(browser, live_server, downloads):
    from selenium.webdriver.common.by import By

    from graph.cypher import saved_queries

    sign_in(browser, live_server, "analyst")
    browser.get(live_server + "/console")
    shot(browser, "07-console")
    queries = saved_queries()
    if queries:
        q = next((q for q in queries if q.name == "partners_of"), queries[0])
        browser.get(f"{live_server}/console?saved={q.name}")
        for p in q.params:
            field = browser.find_element(By.ID, f"param-{p.name}")
            if not field.get_attribute("value"):
                field.send_keys(fx.BOREALE)
        browser.find_element(By.CSS_SELECTOR, "#saved-form button[value='']").click()
        wait_for(browser, "#h-result, .notice.error")
        shot(browser, "08-console-result")
        assert not browser.find_elements(By.CSS_SELECTOR, ".notice.error")
        if q.name == "partners_of":
            assert "Université de Montréal" in browser.find_element(By.CSS_SELECTOR, "table.results").text
        browser.find_element(By.CSS_SELECTOR, "#saved-form button[value=csv]").click()
        expected = f"{q.name}.csv"
    else:
        box = browser.find_element(By.ID, "cypher")
        box.send_keys("MATCH (o:Organization) RETURN o.name AS name, o.subtype AS subtype ORDER BY name")
        browser.find_element(By.CSS_SELECTOR, "#cypher-form button[value='']").click()
        wait_for(browser, "#h-result")
        browser.find_element(By.CSS_SELECTOR, "#cypher-form button[value=csv]").click()
        expected = "query.csv"
    text = wait_for_download(downloads, expected)
    assert text.splitlines()[0].strip(), text
    if queries and q.name == "partners_of":
        assert "Université de Montréal" in text


def test_console_error_position(browser, live_server):
    from selenium.webdriver.common.by import By

    sign_in(browser, live_server, "analyst")
    browser.get(live_server + "/console")
    browser.find_element(By.ID, "cypher").send_keys("MATCH (n RETURN n")
    browser.find_element(By.CSS_SELECTOR, "#cypher-form button[value='']").click()
    error = wait_for(browser, ".notice.error")
    assert "column 10" in error.text
    shot(browser, "09-console-error")


def test_curator_merges_two_entities(browser, live_server):
    from selenium.webdriver.common.by import By

    sign_in(browser, live_server, "curator")
    browser.get(f"{live_server}/entity/{fx.OPTIMUS}")
    wait_for(browser, ".curation")
    browser.find_element(By.CSS_SELECTOR, ".curation details summary").click()
    other = browser.find_element(By.ID, "f-other")
    other.send_keys("Jeune Pousse 01")
    wait_for(browser, "#f-other-list li").click()
    browser.find_element(By.ID, "merge-reason").send_keys("same company, renamed in 2024")
    shot(browser, "10-merge-form")
    browser.find_element(By.CSS_SELECTOR, "form[action$='/merge'] button[type=submit]").click()
    browser.switch_to.alert.accept()
    flash = wait_for(browser, ".flash")
    assert "Merged" in flash.text
    shot(browser, "11-merged")
    browser.get(f"{live_server}/entity/NK-hub-01")  # the merged-away entity is gone
    assert "Not found" in wait_for(browser, "h1").text
    browser.get(f"{live_server}/entity/{fx.OPTIMUS}")  # and its name is now an alias of the kept one
    assert "Jeune Pousse 01" in wait_for(browser, "main").text


def test_partnerships_and_sources_pages(browser, live_server):
    from selenium.webdriver.common.by import By

    browser.get(live_server + "/partnerships")
    table = wait_for(browser, "table.partnerships")
    assert "Optimus Chaîne" in table.text and table.find_elements(By.CSS_SELECTOR, "tbody tr")
    shot(browser, "12-partnerships")
    browser.get(live_server + "/sources")
    table = wait_for(browser, "table.documents")
    assert fx.DOC_FR in browser.page_source and len(table.find_elements(By.CSS_SELECTOR, "tbody tr")) == len(fx.DOCUMENTS)
    shot(browser, "13-sources")
    browser.get(f"{live_server}/documents/{fx.DOC_FR}")
    statements = wait_for(browser, "ol.statements")
    assert statements.find_elements(By.CSS_SELECTOR, "li")
    shot(browser, "14-document")
    browser.get(f"{live_server}/paths?from={fx.UDEM}&to={fx.POLY}")
    paths = wait_for(browser, "ol.paths")
    assert paths.find_elements(By.CSS_SELECTOR, "li")
    shot(browser, "15-paths")
    browser.get(f"{live_server}/partners?entity={fx.MILA}")
    partners = wait_for(browser, "ul.partners")
    assert "Optimus Chaîne" in partners.text
    shot(browser, "16-partners")


def test_entity_page_links_an_external_id_from_a_reference_list(browser, live_server, graph_store, tmp_path):
    from selenium.webdriver.common.by import By

    from graph.resolve.authority import load_file

    reference = tmp_path / "reference.csv"
    reference.write_text("id,name,wikidata,ror\nREF-1,Logistique Boréale,Q987654,05abcde12\n", encoding="utf-8")
    assert [u["entity"] for u in load_file(graph_store, reference).updated] == [fx.BOREALE]
    browser.get(f"{live_server}/entity/{fx.BOREALE}")
    wait_for(browser, ".entity-head .external-ids")
    links = {a.text: a.get_attribute("href")
             for a in browser.find_elements(By.CSS_SELECTOR, ".external-ids a.external-id")}
    assert links["Wikidata Q987654"] == "https://www.wikidata.org/wiki/Q987654"
    assert links["ROR 05abcde12"] == "https://ror.org/05abcde12"
    shot(browser, "05-external-ids")
