"""Documents from the browser: the Nucleo downloads seed 004's CdR sheets as PDF (a progress message while it
renders, then the file is ready) and opens the HTML version, which shows the Unione's figures."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from test_main_flow import login

PLAN = "/enti/unione-bellusco-mezzago/piani/PEG-PDP-2020-2022"


def test_nucleo_downloads_the_cdr_sheets(browser, base_url):
    login(browser, base_url, "nucleo")
    browser.get(base_url + PLAN)
    browser.get(browser.find_element(By.ID, "documents-link").get_attribute("href"))
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "documents")))
    row = browser.find_element(By.ID, "doc-cdr-sheets")
    # The PDF link reports its progress in the page's status region, then says the file is ready.
    row.find_element(By.CSS_SELECTOR, "a[data-pdf]").click()
    status = browser.find_element(By.ID, "doc-status")
    WebDriverWait(browser, 90).until(lambda b: "pronto" in status.text or "non è stato generato" in status.text)
    assert "PDF «Schede di valutazione per centro di responsabilità» pronto" in status.text, status.text
    assert "schede-cdr-unione-bellusco-mezzago-2020" in status.text
    # The HTML version opens in the browser with the document's figures.
    browser.get(row.find_element(By.LINK_TEXT, "HTML").get_attribute("href"))
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "cdr-U-1")))
    text = browser.find_element(By.TAG_NAME, "main").text
    for figure in ["99,08", "99,75", "87,71"]:
        assert figure + "%" in text
