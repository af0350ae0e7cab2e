"""Plans and scores in a real browser: the seed plans as trees and cards, the Nucleo reads a score's explanation."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from test_main_flow import login


def test_segretario_reads_the_cassano_plan_and_opens_a_card(browser, base_url):
    login(browser, base_url, "segretario")
    browser.get(base_url + "/enti/cassano-d-adda/piani")
    assert "P.I.A.O. 2024-2026" in browser.page_source, browser.page_source[:2000]
    browser.get(base_url + "/enti/cassano-d-adda/piani/PIAO-2024-2026")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "plan-tree")))
    stats = browser.find_element(By.ID, "plan-stats").text
    assert "Obiettivi operativi: 36" in stats and "Indicatori: 147" in stats
    rows = browser.find_elements(By.CSS_SELECTOR, "#plan-tree tbody tr")
    assert len(rows) == 58
    browser.get(browser.find_element(By.LINK_TEXT, "UN BILANCIO SANO").get_attribute("href"))
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "indicators")))
    assert "Obiettivo operativo" in browser.page_source


def test_nucleo_sees_the_cdr_figures_of_seed_004_and_why(browser, base_url):
    login(browser, base_url, "nucleo")
    browser.get(base_url + "/enti/unione-bellusco-mezzago/piani/PEG-PDP-2020-2022")
    assert "scores-link" in browser.page_source, browser.page_source[:2000]
    browser.get(browser.find_element(By.ID, "scores-link").get_attribute("href"))
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "unit-scores")))
    table = browser.find_element(By.ID, "unit-scores").text
    for figure in ["99,08", "99,75", "87,71"]:
        assert figure in table
    first = browser.find_element(By.CSS_SELECTOR, "#unit-scores details")
    first.find_element(By.TAG_NAME, "summary").click()
    assert first.find_element(By.TAG_NAME, "p").text.strip() != ""
