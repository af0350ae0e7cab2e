"""Monitoring end to end in a real headless Chromium, on the demo campaign of Cassano d'Adda.

One flow, as the people of an ente walk it:
1. the responsabile of 01 AFFARI GENERALI finds the campaign in "Da fare", sees only their unit and objectives,
   types a value and watches the score change before saving (live preview), saves, reports another objective and
   sends the unit's data; the entry form is then closed;
2. from the card of one of their objectives, asks for a variation of an indicator's target;
3. the segretario sees who has sent and who is late, approves the variation with its act (a new plan version) and
   sends the campaign to the Nucleo;
4. the Nucleo finds the campaign to validate, changes a score (refused without a reason, recorded with one),
   confirms another without a reason, records its minutes and closes the campaign;
5. the campaign's scores show the Nucleo's score, and "non rilevato" for the objectives nobody reported.

The flow changes the demo data (it runs once per fresh installation). It leaves the plan's tree as it was (a
variation of a target adds no node and no indicator), so the tests that run after it on the same server still hold.
"""
from contextlib import contextmanager

from selenium.common.exceptions import NoSuchElementException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_main_flow import login

PLAN = "/enti/cassano-d-adda/piani/PIAO-2024-2026"
CAMPAIGN_KEY = "M-2024-06-30"
CAMPAIGN = PLAN + "/monitoraggio/" + CAMPAIGN_KEY
CAMPAIGN_TITLE = "Monitoraggio intermedio al 30/06/2024 (dati dimostrativi)"
UNIT = "01 – AFFARI GENERALI"
EDITED = "OO-01"       # the objective whose value is changed (and later the Nucleo's score)
COMPLETED = "OO-03"    # the second objective the responsabile reports (and the Nucleo later confirms)
OVERRIDE = "70,00"     # the Nucleo's score for EDITED
WAIT = 10


# ---------------------------------------------------------------------------------------------------- helpers

@contextmanager
def no_implicit_wait(browser):
    """Looks for elements that may rightly be missing without waiting the fixture's implicit 5 seconds."""
    browser.implicitly_wait(0)
    try:
        yield
    finally:
        browser.implicitly_wait(5)


def present(browser, by, selector):
    with no_implicit_wait(browser):
        return bool(browser.find_elements(by, selector))


def sign_in_as(browser, base_url, username):
    browser.delete_all_cookies()
    login(browser, base_url, username)
    assert "/login" not in browser.current_url, f"cannot sign in as {username}"


def open_path(browser, base_url, path, ready_id):
    browser.get(base_url + path)
    WebDriverWait(browser, WAIT).until(EC.presence_of_element_located((By.ID, ready_id)),
                                       f"{path}: #{ready_id} never appeared; page starts: {page_text(browser)[:500]}")


def page_text(browser):
    try:
        return browser.find_element(By.TAG_NAME, "main").text
    except NoSuchElementException:
        return browser.find_element(By.TAG_NAME, "body").text


def click(browser, element):
    """Scrolls an element to the middle of the window at once (the theme scrolls smoothly) and clicks it."""
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
    element.click()


def choose(browser, radio_id):
    """Picks a radio button through its label (the theme draws the button over the input) and checks it took."""
    click(browser, browser.find_element(By.CSS_SELECTOR, f"label[for='{radio_id}']"))
    assert browser.find_element(By.ID, radio_id).is_selected(), f"#{radio_id} could not be selected"


def submit_and_wait(browser, button_id):
    """Clicks a submit button and waits for the page that answers the form to be loaded."""
    # A mark on the old window object, rather than staleness of an element: while the new page replaces the
    # old one chromium may answer an element query with "Node ... does not belong to the document".
    browser.execute_script("window.traguardoOldPage = true")
    click(browser, browser.find_element(By.ID, button_id))
    WebDriverWait(browser, WAIT, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script("return window.traguardoOldPage !== true"),
        f"clicking #{button_id} did not load a new page")
    WebDriverWait(browser, WAIT).until(lambda d: d.execute_script("return document.readyState") == "complete")
    WebDriverWait(browser, WAIT).until(EC.presence_of_element_located((By.TAG_NAME, "footer")))


def flash(browser):
    """The confirmation shown at the top of the page after a successful change ('' when there is none)."""
    with no_implicit_wait(browser):
        alerts = browser.find_elements(By.CSS_SELECTOR, "main > .alert-success[role='status']")
    return alerts[0].text if alerts else ""


def expect_flash(browser, *fragments):
    text = flash(browser)
    for fragment in fragments:
        assert fragment in text, (f"{browser.current_url}: expected a confirmation with «{fragment}», "
                                  f"got «{text}»; page: {page_text(browser)[:800]}")
    return text


def fill(browser, element_id, value):
    field = browser.find_element(By.ID, element_id)
    field.clear()
    field.send_keys(value)
    return field


def unit_rows(browser):
    """{unit name: text of its row} of the dashboard's #units table."""
    rows = {}
    for row in browser.find_elements(By.CSS_SELECTOR, "#units tbody tr"):
        cells = row.find_elements(By.TAG_NAME, "td")
        rows[cells[0].text.strip()] = row.text
    return rows


def objective_rows(browser):
    """{code: [code, title, units, state, computed, decision]} of the dashboard's #objectives table."""
    rows = {}
    for row in browser.find_elements(By.CSS_SELECTOR, "#objectives tbody tr"):
        cells = [c.text.strip() for c in row.find_elements(By.TAG_NAME, "td")]
        rows[cells[0]] = cells
    return rows


def open_objective_from_dashboard(browser, code):
    click(browser, browser.find_element(By.CSS_SELECTOR, f"#objectives a[href$='/obiettivi/{code}']"))
    WebDriverWait(browser, WAIT).until(EC.url_contains(f"/obiettivi/{code}"))
    WebDriverWait(browser, WAIT).until(EC.presence_of_element_located((By.ID, "score-value")))


def score_shown(browser):
    return browser.find_element(By.ID, "score-value").text.strip()


def as_number(italian):
    return float(italian.replace(".", "").replace(",", "."))


# ---------------------------------------------------------------------------------------------------- the flow

def responsabile_reports_and_submits(browser, base_url):
    sign_in_as(browser, base_url, "responsabile")

    # Home: the campaign is in the to-do list, and it leads to the dashboard.
    assert present(browser, By.ID, "tasks"), f"the responsabile's home has no «Da fare» list: {page_text(browser)[:800]}"
    task = browser.find_element(By.CSS_SELECTOR, f"#tasks a[href$='{CAMPAIGN}']")
    assert task.text == CAMPAIGN_TITLE, f"unexpected title of the to-do: {task.text}"
    assert "Cassano" in browser.find_element(By.ID, "tasks").text
    click(browser, task)
    WebDriverWait(browser, WAIT).until(EC.url_to_be(base_url + CAMPAIGN))
    WebDriverWait(browser, WAIT).until(EC.presence_of_element_located((By.ID, "units")))
    assert browser.find_element(By.TAG_NAME, "h1").text == CAMPAIGN_TITLE

    # Only their own unit and the objectives it owns (alone or with other units).
    units = unit_rows(browser)
    assert list(units) == [UNIT], f"the responsabile must see only {UNIT}, saw {list(units)}"
    objectives = objective_rows(browser)
    assert EDITED in objectives and COMPLETED in objectives, f"objectives listed: {list(objectives)}"
    for code, cells in objectives.items():
        assert UNIT in cells[2], f"{code} is not of {UNIT} (units: {cells[2]}) but is in the responsabile's list"
    score_before = objectives[EDITED][4]

    # Live preview: typing a value changes the computed score, nothing is saved.
    open_objective_from_dashboard(browser, EDITED)
    assert present(browser, By.ID, "entry-save"), f"no Salva button on {browser.current_url}: {page_text(browser)[:800]}"
    assert score_shown(browser) == score_before, "the entry page and the dashboard disagree on the computed score"
    form = browser.find_element(By.ID, "entry-form")
    fill(browser, "v-0", "100")
    WebDriverWait(browser, WAIT).until(lambda d: score_shown(d) != score_before,
                                       f"#score-value stayed «{score_before}» after typing a value (live preview)")
    preview = score_shown(browser)
    assert as_number(preview) > as_number(score_before), f"a higher value must raise the score: {score_before} -> {preview}"
    assert "100" in browser.find_element(By.ID, "score-explanation").text, "the explanation follows the typed value"
    assert not EC.staleness_of(form)(browser), "the preview must not reload the page"
    assert flash(browser) == "", "the preview must not save"

    # ... and indeed nothing was saved: the dashboard still has the old score.
    browser.get(base_url + CAMPAIGN)
    WebDriverWait(browser, WAIT).until(EC.presence_of_element_located((By.ID, "objectives")))
    assert objective_rows(browser)[EDITED][4] == score_before, "the preview saved the value"

    # Save (a draft: the campaign stays open, the unit can still change it).
    open_objective_from_dashboard(browser, EDITED)
    fill(browser, "v-0", "100")
    WebDriverWait(browser, WAIT).until(lambda d: score_shown(d) == preview,
                                       f"typing the same value again never previewed {preview}")
    submit_and_wait(browser, "entry-save")
    title = browser.find_element(By.TAG_NAME, "h1").text
    expect_flash(browser, f"Valori di «{title}» salvati.")
    assert browser.current_url.endswith(f"/obiettivi/{EDITED}"), "after saving the page reloads on the same objective"
    assert browser.find_element(By.ID, "v-0").get_attribute("value") == "100", "the saved value is shown"
    assert score_shown(browser) == preview, f"the saved score ({score_shown(browser)}) differs from the preview ({preview})"
    assert present(browser, By.ID, "entry-save"), "a saved draft can still be changed"

    # Report another objective: every indicator gets a value.
    browser.get(base_url + CAMPAIGN)
    WebDriverWait(browser, WAIT).until(EC.presence_of_element_located((By.ID, "objectives")))
    open_objective_from_dashboard(browser, COMPLETED)
    values = browser.find_elements(By.CSS_SELECTOR, "#entry-form input[id^='v-']")
    assert values, f"no value inputs on {browser.current_url}"
    for field in values:
        field.clear()
        field.send_keys("5")
    Select(browser.find_element(By.ID, "e-status")).select_by_value("in-linea")
    fill(browser, "e-narrative", "Attività svolte come da cronoprogramma (prova automatica).")
    submit_and_wait(browser, "entry-save")
    expect_flash(browser, "salvati.")
    completed_score = score_shown(browser)

    click(browser, browser.find_element(By.LINK_TEXT, CAMPAIGN_TITLE))
    WebDriverWait(browser, WAIT).until(EC.presence_of_element_located((By.ID, "units")))
    objectives = objective_rows(browser)
    assert objectives[EDITED][4] == preview, f"dashboard score of {EDITED}: {objectives[EDITED][4]}, expected {preview}"
    assert objectives[COMPLETED][3] == "Completo", f"{COMPLETED} should be complete: {objectives[COMPLETED]}"
    assert objectives[COMPLETED][4] == completed_score

    # Send the unit's data: the key of the button comes from the page.
    buttons = browser.find_elements(By.CSS_SELECTOR, "#units button[id^='submit-']")
    assert len(buttons) == 1, f"expected one «Invia» button for {UNIT}, found {[b.get_attribute('id') for b in buttons]}"
    submit_and_wait(browser, buttons[0].get_attribute("id"))
    expect_flash(browser, f"Dati di «{UNIT}» inviati")
    row = unit_rows(browser)[UNIT]
    assert "Inviato" in row and "Non inviato" not in row, f"after sending, the unit's row reads: {row}"
    assert "in ritardo" not in row, f"a unit that has sent is no longer late: {row}"
    assert not present(browser, By.CSS_SELECTOR, "#units button[id^='submit-']"), "the data can be sent only once"

    # The entry form is closed now.
    open_objective_from_dashboard(browser, EDITED)
    assert present(browser, By.ID, "entry-blocked"), f"no #entry-blocked after sending: {page_text(browser)[:800]}"
    blocked = browser.find_element(By.ID, "entry-blocked").text
    assert "già stati inviati" in blocked, f"#entry-blocked says: {blocked}"
    assert not present(browser, By.ID, "entry-save"), "after sending there is no Salva button"
    assert not browser.find_element(By.ID, "v-0").is_enabled(), "after sending the values cannot be typed"
    return preview


def responsabile_requests_a_variation(browser, base_url):
    # From the entry page (already open) to the objective's card.
    click(browser, browser.find_element(By.LINK_TEXT, "scheda dell'obiettivo"))
    WebDriverWait(browser, WAIT).until(EC.url_to_be(base_url + PLAN + "/nodi/" + EDITED))
    assert present(browser, By.ID, "variation-form"), f"no «Chiedi una variazione» form on the card: {page_text(browser)[-800:]}"
    Select(browser.find_element(By.ID, "v-kind")).select_by_value("target")
    indicator = Select(browser.find_element(By.ID, "v-indicator"))
    choice = next(o for o in indicator.options if o.get_attribute("value"))
    indicator_name = choice.text
    indicator.select_by_value(choice.get_attribute("value"))
    fill(browser, "v-target", "90")
    fill(browser, "v-reason", "Il target del 100% non è raggiungibile con il personale assegnato (prova automatica).")
    submit_and_wait(browser, "variation-request")
    expect_flash(browser, "Variazione n. 1 richiesta")
    assert browser.current_url == base_url + PLAN + "/nodi/" + EDITED, "after the request the card is shown again"
    history = browser.find_element(By.ID, "card-variations").text
    assert "Richiesta" in history, f"the card's history of variations: {history}"
    return indicator_name


def segretario_checks_approves_and_transmits(browser, base_url, indicator_name):
    sign_in_as(browser, base_url, "segretario")
    open_path(browser, base_url, CAMPAIGN, "units")

    units = unit_rows(browser)
    assert len(units) > 1, f"the segretario sees every unit, saw {list(units)}"
    assert "Inviato" in units[UNIT] and "Non inviato" not in units[UNIT], f"{UNIT}: {units[UNIT]}"
    for name, row in units.items():
        if name != UNIT:
            assert "Non inviato" in row and "in ritardo" in row, (
                f"{name} has not sent and the deadline 20/07/2024 is past: it must read «in ritardo», reads «{row}»")

    # The variation: approved with the act, the plan moves to version 2.
    open_path(browser, base_url, PLAN + "/variazioni", "variations")
    rows = browser.find_elements(By.CSS_SELECTOR, "#variations tbody tr")
    assert len(rows) == 1, f"expected the one variation requested, found {len(rows)}"
    assert rows[0].find_elements(By.TAG_NAME, "td")[0].text == "1"
    row = rows[0].text
    assert f"«{indicator_name}»: 90" in row and "Richiesta" in row and "responsabile" in row, f"the variation's row: {row}"
    fill(browser, "num-1", "45")
    fill(browser, "date-1", "15/07/2024")
    submit_and_wait(browser, "approve-1")
    expect_flash(browser, "Variazione n. 1 approvata", "versione 2")
    assert "Versione attuale: 2" in page_text(browser), "the variations page shows the plan's new version"
    assert not present(browser, By.ID, "approve-1"), "an approved variation cannot be decided again"
    row = browser.find_element(By.CSS_SELECTOR, "#variations tbody tr").text
    assert "Approvata" in row and "n. 45 del 15/07/2024" in row and "versione 2 del piano" in row, f"after approval: {row}"

    # To the Nucleo.
    open_path(browser, base_url, CAMPAIGN, "move-in-validazione")
    submit_and_wait(browser, "move-in-validazione")
    expect_flash(browser, "In validazione")
    assert "In validazione" in page_text(browser)
    assert not present(browser, By.ID, "move-in-validazione")


def nucleo_validates_and_closes(browser, base_url, edited_score):
    sign_in_as(browser, base_url, "nucleo")
    assert present(browser, By.ID, "tasks"), f"the Nucleo's home has no «Da fare» list: {page_text(browser)[:800]}"
    task = browser.find_element(By.CSS_SELECTOR, f"#tasks a[href$='{CAMPAIGN}']")
    assert "In validazione" in task.find_element(By.XPATH, "..").text
    click(browser, task)
    WebDriverWait(browser, WAIT).until(EC.url_to_be(base_url + CAMPAIGN))
    WebDriverWait(browser, WAIT).until(EC.presence_of_element_located((By.ID, "objectives")))

    # A different score without a reason is refused ...
    open_objective_from_dashboard(browser, EDITED)
    assert present(browser, By.ID, "decision-form"), f"no decision form for the Nucleo: {page_text(browser)[:800]}"
    assert score_shown(browser) == edited_score
    choose(browser, "k-modifica")
    fill(browser, "d-score", OVERRIDE)
    browser.find_element(By.ID, "d-reason").clear()
    submit_and_wait(browser, "decision-save")
    assert present(browser, By.ID, "entry-error"), f"no error for a changed score without reason: {page_text(browser)[:800]}"
    error = browser.find_element(By.ID, "entry-error").text
    assert "serve la motivazione" in error and f"calcolato ({edited_score})" in error, f"the error reads: {error}"
    assert flash(browser) == "", "nothing is recorded without the reason"
    assert not present(browser, By.ID, "decision"), "no decision is shown after a refused one"

    # ... and recorded with one.
    choose(browser, "k-modifica")
    fill(browser, "d-score", OVERRIDE)
    fill(browser, "d-reason", "Le evidenze allegate non documentano l'intero valore dichiarato (prova automatica).")
    submit_and_wait(browser, "decision-save")
    expect_flash(browser, "punteggio modificato")
    decision = browser.find_element(By.ID, "decision").text
    assert OVERRIDE in decision and "modificato" in decision.lower(), f"the decision shown: {decision}"

    # Another objective: confirmed, no reason needed.
    click(browser, browser.find_element(By.LINK_TEXT, CAMPAIGN_TITLE))
    WebDriverWait(browser, WAIT).until(EC.presence_of_element_located((By.ID, "objectives")))
    open_objective_from_dashboard(browser, COMPLETED)
    choose(browser, "k-conferma")
    browser.find_element(By.ID, "d-reason").clear()
    submit_and_wait(browser, "decision-save")
    assert not present(browser, By.ID, "entry-error"), f"confirming needs no reason, yet: {page_text(browser)[:800]}"
    expect_flash(browser, "confermato")

    click(browser, browser.find_element(By.LINK_TEXT, CAMPAIGN_TITLE))
    WebDriverWait(browser, WAIT).until(EC.presence_of_element_located((By.ID, "objectives")))
    objectives = objective_rows(browser)
    assert OVERRIDE in objectives[EDITED][5], f"the dashboard's decision for {EDITED}: {objectives[EDITED]}"
    assert "Confermato" in objectives[COMPLETED][5], f"the dashboard's decision for {COMPLETED}: {objectives[COMPLETED]}"

    # Minutes.
    assert present(browser, By.ID, "minutes-form"), f"no minutes form for the Nucleo: {page_text(browser)[-800:]}"
    fill(browser, "m-number", "3")
    fill(browser, "m-date", "25/07/2024")
    fill(browser, "m-place", "Sala giunta")
    fill(browser, "m-members", "Mario Rossi\nLucia Bianchi")
    fill(browser, "m-agenda", "Validazione del monitoraggio intermedio")
    fill(browser, "m-decisions", "Validati i punteggi; modificato il punteggio di OO-01.")
    submit_and_wait(browser, "minutes-add")
    expect_flash(browser, "registrato")
    text = page_text(browser)
    assert "Nessun verbale registrato" not in text and "Mario Rossi" in text and "Sala giunta" in text, (
        f"the minutes are not listed: {text[-1200:]}")

    # Close.
    assert present(browser, By.ID, "move-chiusa"), f"the Nucleo cannot close the campaign: {page_text(browser)[:800]}"
    submit_and_wait(browser, "move-chiusa")
    expect_flash(browser, "Chiusa")
    states = dict(zip([e.text for e in browser.find_elements(By.CSS_SELECTOR, "main dl dt")],
                      [e.text for e in browser.find_elements(By.CSS_SELECTOR, "main dl dd")]))
    assert states.get("Stato") == "Chiusa", f"the campaign's fields after closing: {states}"


def scores_show_the_nucleo_and_non_rilevato(browser, base_url, edited_title):
    open_path(browser, base_url, PLAN + "/punteggi?campagna=" + CAMPAIGN_KEY, "objective-scores")
    rows = {}
    for row in browser.find_elements(By.CSS_SELECTOR, "#objective-scores tbody tr"):
        cells = [c.text.strip() for c in row.find_elements(By.TAG_NAME, "td")]
        rows[cells[0]] = cells
    edited = next((cells for title, cells in rows.items() if title.endswith(edited_title)), None)
    assert edited is not None, f"{EDITED} «{edited_title}» is not in the scores table"
    assert edited[2] == OVERRIDE, f"validated score of {EDITED}: {edited[2]} (expected the Nucleo's {OVERRIDE})"
    assert edited[3] == OVERRIDE, f"effective score of {EDITED}: {edited[3]} (the Nucleo's score is the one that counts)"
    missing = [cells for cells in rows.values() if cells[1] == "non rilevato"]
    assert missing, "some objectives have no entries: they must read «non rilevato»"
    assert all(cells[3] == "non rilevato" for cells in missing), "an objective without entries is never scored (not zero)"
    assert not any(cells[3] in ("0", "0,00") for cells in missing)


def test_monitoring_campaign_from_entry_to_closing(browser, base_url):
    edited_score = responsabile_reports_and_submits(browser, base_url)
    edited_title = browser.find_element(By.TAG_NAME, "h1").text
    indicator_name = responsabile_requests_a_variation(browser, base_url)
    segretario_checks_approves_and_transmits(browser, base_url, indicator_name)
    nucleo_validates_and_closes(browser, base_url, edited_score)
    scores_show_the_nucleo_and_non_rilevato(browser, base_url, edited_title)
