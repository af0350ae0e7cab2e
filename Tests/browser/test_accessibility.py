"""Accessibility: axe-core on every page of the app, zero WCAG 2.0/2.1 level A and AA violations.

The pages are the PAGES table below: who signs in, a label, the path to open and, optionally, CSS selectors of
links to follow from there (one after the other), so that cards and forms are reached without hard-coding node
keys. To check one more page, add a row. All violations of all pages are collected and reported together.

The demo plans are all approved, hence frozen: the forms that edit a plan exist only on a draft. The path
"{draft}" stands for a draft plan of Cassano d'Adda: the first one found, or else the one that the yearly
rollover of the approved PIAO creates (the only change this test makes to the data).

Set TRAGUARDO_AXE_REPORT=/path/file.json to also write axe's full results (violations and "incomplete",
i.e. to be checked by hand) of every page to a JSON file, and TRAGUARDO_AXE_SCRIPT=/path/axe.min.js to run
another axe-core build than the one shipped in the axe-selenium-python package.

On Python < 3.12 pip installs axe-selenium-python 2.1.6, which ships axe-core 3.1.1: that engine has no rule
tagged wcag21a and rejects an unknown tag in runOnly (and Axe.run then just hangs until the script timeout),
so the tags the engine does not know are left out of the run; a tag without rules would select no rule anyway.
"""
import json
import os
import warnings
from dataclasses import dataclass

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from test_main_flow import login

if os.environ.get("TRAGUARDO_REQUIRE_BROWSER"):
    from axe_selenium_python import Axe  # CI (.ci/run) installs it: fail loudly if it is missing
else:
    Axe = pytest.importorskip("axe_selenium_python", reason="pip install axe-selenium-python").Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ANONYMOUS = None
SHOWN_TARGETS = 3

CASSANO = "/enti/cassano-d-adda"
PIAO = CASSANO + "/piani/PIAO-2024-2026"


@dataclass(frozen=True)
class Page:
    user: str | None            # who is signed in; None = nobody
    label: str                  # how the page is named in the report
    path: str                   # opened first
    follow: tuple = ()          # CSS selectors of links to follow from `path`, in order
    h1: str | None = None       # when given, the page's <h1> must be exactly this (to be sure we are where we meant)


PAGES = [
    Page("segretario", "elenco enti", "/"),
    Page("segretario", "ente", CASSANO),
    Page("segretario", "organizzazione", CASSANO + "/organizzazione"),
    Page("segretario", "piani", CASSANO + "/piani"),
    Page("segretario", "piano", PIAO),
    Page("segretario", "scheda di un nodo", PIAO, follow=("#plan-tree tbody a",)),
    Page("segretario", "piano in bozza", "{draft}"),
    Page("segretario", "scheda di un nodo in bozza", "{draft}", follow=("#plan-tree tbody a",)),
    Page("segretario", "modifica di un nodo", "{draft}", follow=("#plan-tree tbody a", "#edit-node")),
    Page("segretario", "nuovo nodo", "{draft}", follow=("#add-node",)),
    Page("segretario", "punteggi", "/enti/unione-bellusco-mezzago/piani/PEG-PDP-2020-2022/punteggi"),
    Page("segretario", "campagne di monitoraggio", PIAO + "/monitoraggio", h1="Campagne di monitoraggio"),
    Page("segretario", "cruscotto di una campagna", PIAO + "/monitoraggio", follow=("#campaigns tbody a",)),
    Page("segretario", "punteggi di una campagna", PIAO + "/monitoraggio",
         follow=("#campaigns tbody a", "#campaign-summary a")),
    Page("segretario", "variazioni del piano", PIAO + "/variazioni", h1="Variazioni del piano"),
    Page("segretario", "documenti del piano", PIAO + "/documenti", h1="Documenti del piano"),
    Page("segretario", "impaginazione dei documenti", CASSANO + "/impaginazione", h1="Impaginazione dei documenti"),
    Page("segretario", "metodologia", CASSANO + "/metodologia"),
    Page("segretario", "metodologia con anteprima", CASSANO + "/metodologia", follow=("a[href*='anteprima=']",)),
    Page("segretario", "importa", CASSANO + "/importa"),
    Page("segretario", "utenti dell'ente", CASSANO + "/utenti"),
    Page("segretario", "registro dell'ente", CASSANO + "/registro"),
    Page("responsabile", "elenco enti con le cose da fare", "/"),
    Page("responsabile", "cruscotto del responsabile", "/", follow=("#tasks a",)),
    Page("responsabile", "inserimento dei valori", "/", follow=("#tasks a", "#objectives tbody a")),
    Page("responsabile", "scheda con richiesta di variazione", "/",
         follow=("#tasks a", "#objectives tbody a", "main a[href*='/nodi/']")),
    Page("nucleo", "cruscotto di una campagna in validazione", "/", follow=("#tasks a",)),
    Page("nucleo", "decisione del Nucleo", "/", follow=("#tasks a", "#objectives tbody a")),
    Page("admin", "amministrazione", "/admin"),
    Page("admin", "registro dell'installazione", "/admin/registro"),
    Page(ANONYMOUS, "accesso", "/login"),
    Page("lettore", "errore: accesso negato", "/enti/pisogne", h1="Accesso negato"),
    Page("lettore", "errore: pagina inesistente", "/non-esiste"),
]


def draft_plan(browser, base_url):
    """The path of a draft plan of Cassano d'Adda, made by rolling over the approved PIAO if there is none."""
    browser.get(base_url + CASSANO + "/piani")
    for href in [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "main a[href*='/piani/']")]:
        browser.get(href)
        if 'id="add-node"' in browser.page_source:
            return href.removeprefix(base_url)
    browser.get(base_url + PIAO)
    browser.execute_script("arguments[0].click()", browser.find_element(By.ID, "rollover"))
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "add-node")))
    return browser.current_url.removeprefix(base_url)


def open_page(browser, base_url, page, paths):
    if "{draft}" in page.path and "draft" not in paths:
        paths["draft"] = draft_plan(browser, base_url)
    browser.get(base_url + page.path.format(**paths))
    for selector in page.follow:
        link = browser.find_element(By.CSS_SELECTOR, selector)
        browser.get(link.get_attribute("href"))
    if page.user is not ANONYMOUS:
        assert "/login" not in browser.current_url, f"{page.label}: sent to the login page ({browser.current_url})"
    if page.h1 is not None:
        assert browser.find_element(By.TAG_NAME, "h1").text == page.h1, f"{page.label}: not the expected page"


def run_axe(browser):
    """Axe's results for the page open in the browser, the engine's version and the WCAG tags it does not know."""
    axe = Axe(browser, os.environ["TRAGUARDO_AXE_SCRIPT"]) if os.environ.get("TRAGUARDO_AXE_SCRIPT") else Axe(browser)
    axe.inject()
    known = set(browser.execute_script("return axe.getRules().flatMap(r => r.tags)"))
    tags = [t for t in WCAG_TAGS if t in known]
    options = {"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations", "incomplete"]}
    # Axe.run pastes `options` into the script with "%s": a JSON string is valid JavaScript.
    version = browser.execute_script("return axe.version")
    return axe.run(options=json.dumps(options)), version, [t for t in WCAG_TAGS if t not in known]


def describe(page, url, violation):
    nodes = violation["nodes"]
    targets = [" ".join(n["target"]) for n in nodes[:SHOWN_TARGETS]]
    more = f" (+{len(nodes) - SHOWN_TARGETS} more)" if len(nodes) > SHOWN_TARGETS else ""
    return (f"- [{page.label}] {url}\n"
            f"    {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"    {len(nodes)} element(s): {'; '.join(targets)}{more}\n"
            f"    e.g. {nodes[0]['html'][:200] if nodes else ''}")


def test_every_page_has_no_wcag_a_aa_violations(browser, base_url):
    problems, report, paths = [], [], {}
    signed_in = "not yet"
    for page in PAGES:
        if page.user != signed_in:
            browser.delete_all_cookies()
            if page.user is not ANONYMOUS:
                login(browser, base_url, page.user)
                assert "/login" not in browser.current_url, f"cannot sign in as {page.user}"
            signed_in = page.user
        open_page(browser, base_url, page, paths)
        url = browser.current_url.removeprefix(base_url)
        results, version, unknown_tags = run_axe(browser)
        report.append({"page": page.label, "user": page.user, "url": url, "axe_core": version,
                       "violations": results["violations"], "incomplete": results["incomplete"]})
        problems += [describe(page, url, v) for v in results["violations"]]

    if os.environ.get("TRAGUARDO_AXE_REPORT"):
        with open(os.environ["TRAGUARDO_AXE_REPORT"], "w", encoding="utf-8") as f:
            json.dump(report, f, ensure_ascii=False, indent=2)
    if unknown_tags:
        warnings.warn(f"axe-core {version} has no rule tagged {', '.join(unknown_tags)}: "
                      "those tags were not checked")
    rules = sorted({v["id"] for r in report for v in r["violations"]})
    assert not problems, (f"{len(problems)} WCAG 2 A/AA violations on "
                          f"{sum(1 for r in report if r['violations'])} of {len(PAGES)} pages "
                          f"(rules: {', '.join(rules)}):\n" + "\n".join(problems))
