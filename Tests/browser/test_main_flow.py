"""End to end in a real headless Chromium: sign in, switch ente, read the organisation, sign out."""
import os

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

PASSWORD = "traguardo-demo"


def login(browser, base_url, username, password=PASSWORD):
    browser.get(base_url + "/")
    assert "/login" in browser.current_url, "anonymous visitors are sent to the login page"
    browser.find_element(By.ID, "username").send_keys(username)
    browser.find_element(By.ID, "password").send_keys(password)
    browser.find_element(By.ID, "login-submit").click()
    # Wait for the answer to the login form before navigating on.
    WebDriverWait(browser, 10).until(lambda d: "/login" not in d.current_url or d.find_elements(By.ID, "login-error"))
    # The page after login must be fully there (its logout button) before the test navigates on.
    if "/login" not in browser.current_url:
        WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "logout")))


def test_login_switch_ente_logout(browser, base_url):
    login(browser, base_url, "segretario")
    # The home opens with the "Da fare" list (its own h1) when the user has monitoring to do; the enti follow.
    headings = [h.text for h in browser.find_elements(By.TAG_NAME, "h1")]
    assert "Enti" in headings, f"the home lists the enti; its h1 headings are {headings}"
    cards = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".card-title a")]
    assert any("Cassano" in c for c in cards) and any("Pisogne" in c for c in cards)

    Select(browser.find_element(By.ID, "ente-switch")).select_by_value("cassano-d-adda")
    browser.find_element(By.ID, "ente-switch-go").click()
    WebDriverWait(browser, 10).until(EC.url_to_be(base_url + "/enti/cassano-d-adda"))
    assert "Cassano" in browser.find_element(By.TAG_NAME, "h1").text

    browser.find_element(By.LINK_TEXT, "Organizzazione").click()
    date = browser.find_element(By.ID, "data")
    date.clear()
    date.send_keys("15/05/2024")
    browser.find_element(By.ID, "data-go").click()
    WebDriverWait(browser, 10).until(EC.url_contains("data="))
    rows = browser.find_elements(By.CSS_SELECTOR, "#units tbody tr")
    assert len(rows) == 9
    settore02 = next(r for r in rows if r.find_elements(By.TAG_NAME, "td")[0].text == "02")
    assert "vacante" in settore02.text, "settore 02 has no titolare after 30/04/2024"

    Select(browser.find_element(By.ID, "ente-switch")).select_by_value("pisogne")
    browser.find_element(By.ID, "ente-switch-go").click()
    WebDriverWait(browser, 10).until(EC.url_to_be(base_url + "/enti/pisogne"))
    if os.environ.get("TRAGUARDO_SCREENSHOTS"):
        browser.save_screenshot(os.path.join(os.environ["TRAGUARDO_SCREENSHOTS"], "ente.png"))

    browser.find_element(By.ID, "logout").click()
    WebDriverWait(browser, 10).until(EC.url_contains("/login"))
    browser.get(base_url + "/enti/pisogne")
    assert "/login" in browser.current_url, "after logout the pages are closed again"


def test_lettore_cannot_open_another_ente(browser, base_url):
    login(browser, base_url, "lettore")
    browser.get(base_url + "/enti/pisogne")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Accesso negato"


def test_wrong_password_shows_italian_error(browser, base_url):
    login(browser, base_url, "nucleo", "sbagliata")
    assert "Nome utente o password non corretti" in browser.find_element(By.ID, "login-error").text
