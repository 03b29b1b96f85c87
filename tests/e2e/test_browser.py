"""The web pages in a real browser: headless Chromium (Debian's package) driven by Selenium.

Skipped, with the reason, where Chromium or its driver is not installed (`make test` installs
both from Debian's packages when it runs as root).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from parallax.api import create_app

from .test_api import build_store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER), reason="Chromium and chromedriver are not installed"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    db = build_store(Path(tmp_path_factory.mktemp("browser")))
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.1)
    assert instance.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1400,1400",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _no_alert(driver: object) -> bool:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        alert = driver.switch_to.alert  # type: ignore[attr-defined]
    except NoAlertPresentException:
        return True
    alert.dismiss()
    return False


def test_story_page_shows_outlet_columns_and_quote_links(
    server: str, browser: object, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(server + "/")  # type: ignore[attr-defined]
    links = driver.find_elements(By.CSS_SELECTOR, "a.story-link")  # type: ignore[attr-defined]
    tram = next(link for link in links if "Strike chaos" in link.text or "Tram" in link.text)
    tram.click()
    columns = driver.find_elements(By.CSS_SELECTOR, "section.column")  # type: ignore[attr-defined]
    assert len(columns) == 3
    names = {c.get_attribute("data-outlet") for c in columns}
    assert {"Civic Wire", "The Varrow Ledger"} <= names
    quote_link = driver.find_elements(By.CSS_SELECTOR, "a.quote-link")[0]  # type: ignore[attr-defined]
    target = quote_link.get_attribute("href").split("#", 1)[1]
    quote_link.click()
    assert driver.find_element(By.ID, target).text  # type: ignore[attr-defined]
    shot = tmp_path / "story.png"
    driver.save_screenshot(str(shot))  # type: ignore[attr-defined]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert driver.find_elements(By.CSS_SELECTOR, "figure.timeline svg")  # type: ignore[attr-defined]


def test_hostile_article_text_does_not_execute(server: str, browser: object) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(server + "/search?q=Council")  # type: ignore[attr-defined]
    link = next(
        a
        for a in driver.find_elements(By.CSS_SELECTOR, "a")  # type: ignore[attr-defined]
        if "alert('title')" in a.text
    )
    link.click()
    time.sleep(0.5)
    assert _no_alert(driver)
    assert "<script>" in driver.find_element(By.TAG_NAME, "h1").text  # type: ignore[attr-defined]
    scripts = driver.execute_script("return document.scripts.length")  # type: ignore[attr-defined]
    assert scripts == 0
    for element in driver.find_elements(By.CSS_SELECTOR, "img, b, i"):  # type: ignore[attr-defined]
        assert not element.get_attribute("onerror") and not element.get_attribute("onmouseover")
