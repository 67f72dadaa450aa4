"""The report page in a real headless browser: no console errors, the expected rows,
working filters, documents behind each spelling, hostile text shown as text, a
screenshot that is not blank.

Needs Chromium and its driver (Debian: ``apt-get install chromium chromium-driver``) and
Selenium (the test extras); skipped, with the reason, where they are missing.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.test_report import HOSTILE_NAME, report, write_archive

TEMPLATE = "https://example.org/repo/blob/main/{path}#L{line}"


def _browser_paths() -> tuple[str, str]:
    browser = next(
        (p for n in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(n))),
        None,
    )
    driver = shutil.which("chromedriver")
    if browser is None or driver is None:
        pytest.skip("no Chromium with chromedriver (apt-get install chromium chromium-driver)")
    return browser, driver


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    from selenium.webdriver.chrome.service import Service

    binary, driver_path = _browser_paths()
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--window-size=1300,1000",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
    except Exception as exc:  # the browser is installed but cannot start here
        pytest.skip(f"Chromium did not start: {exc}")
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    root = tmp_path_factory.mktemp("archive")
    write_archive(root / "minutes")
    page = root / "report.html"
    done = report(root, "minutes", "-o", str(page), "--url-template", TEMPLATE, "--no-cache")
    assert done.returncode == 0, done.stderr
    data = report(root, "minutes", "--output-format", "json", "--url-template", TEMPLATE)
    return page, json.loads(data.stdout)


@pytest.fixture
def page(browser: Any, built: tuple[Path, dict[str, Any]]) -> Any:
    path, _ = built
    browser.get(path.as_uri())
    browser.get_log("browser")  # start each test with an empty console
    browser.refresh()
    for _ in range(100):  # the script runs before the load event; wait a little if not
        if browser.execute_script("return document.documentElement.dataset.ready"):
            break
        time.sleep(0.05)
    return browser


def rows(driver: Any, table: str) -> list[list[str]]:
    script = f"""return [...document.querySelectorAll('#{table} tbody tr')]
        .map(tr => [...tr.cells].map(td => td.textContent));"""
    found: list[list[str]] = driver.execute_script(script)
    return found


def set_value(driver: Any, control: str, value: str) -> None:
    driver.execute_script(
        """const c = document.getElementById(arguments[0]); c.value = arguments[1];
        c.dispatchEvent(new Event('change'));""",
        control,
        value,
    )


def test_loads_without_console_errors_or_injected_script(page: Any) -> None:
    assert page.execute_script("return document.documentElement.dataset.ready") == "1"
    errors = [e for e in page.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert errors == []
    assert page.execute_script("return window.__injected") is None
    assert page.execute_script("return document.querySelectorAll('img').length") == 0


def test_tables_hold_the_expected_rows(page: Any, built: tuple[Path, dict[str, Any]]) -> None:
    _, data = built
    problems = rows(page, "problems-table")
    assert len(problems) == len(data["problems"])
    first = data["problems"][0]
    assert problems[0][0] == f"{first['path']}:{first['line']}"
    assert problems[0][1] == first["code"]
    assert problems[0][3] == first["message"]
    people = rows(page, "people-table")
    assert sorted(r[0] for r in people) == sorted(p["name"] for p in data["people"])
    assert any(HOSTILE_NAME in r[2] for r in people)  # shown as text, not run
    orgs = rows(page, "orgs-table")
    assert len(orgs) == len(data["organisations"])
    links = page.execute_script(
        "return [...document.querySelectorAll('#problems-table a')].map(a => a.href)"
    )
    assert links[0] == first["url"]


def test_filters_narrow_the_rows(page: Any, built: tuple[Path, dict[str, Any]]) -> None:
    _, data = built
    set_value(page, "problems-code", "DT002")
    found = rows(page, "problems-table")
    assert [r[1] for r in found] == ["DT002"]
    set_value(page, "problems-code", "")
    set_value(page, "problems-severity", "warning")
    warnings = [p for p in data["problems"] if p["severity"] == "warning"]
    assert len(rows(page, "problems-table")) == len(warnings) > 0
    set_value(page, "problems-severity", "error")
    set_value(page, "problems-filter", "teh")
    assert rows(page, "problems-table") == []  # the misspelling is not an error
    set_value(page, "problems-severity", "")
    assert [r[1] for r in rows(page, "problems-table")] == ["TX001"]
    set_value(page, "people-filter", "quil")
    assert [r[0] for r in rows(page, "people-table")] == ["Marta Quillon"]
    page.execute_script("document.getElementById('orgs-variants').click()")
    assert [r[0] for r in rows(page, "orgs-table")] == ["Fjord PKI"]


def test_a_spelling_opens_its_documents_and_headers_sort(page: Any) -> None:
    set_value(page, "people-filter", "quil")
    buttons = page.find_elements("css selector", "#people-table button.variant")
    assert [b.text.split(" ×")[0] for b in buttons] == ["Marta Quillon", "Marta Quilon"]
    buttons[1].click()
    docs = page.find_element("css selector", "#people-table .docs").text
    assert docs == "2025-02-05 minutes/2025-02-05-harbour.md"
    set_value(page, "people-filter", "")
    header = page.find_elements("css selector", "#people-table th")[0]
    header.click()
    names = [r[0] for r in rows(page, "people-table")]
    assert names == sorted(names, key=str.lower)
    header.click()
    assert [r[0] for r in rows(page, "people-table")] == names[::-1]


def _png_pixels(png: bytes) -> tuple[int, int, int, bytes]:
    """Width, height, bytes per pixel and the unfiltered pixel rows of an 8-bit PNG."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    width = height = bpp = 0
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind, body = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride = zlib.decompress(idat), width * bpp
    out, prev = bytearray(), bytearray(stride)
    for y in range(height):
        kind, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out += line
        prev = line
    return width, height, bpp, bytes(out)


def test_screenshot_is_not_blank(page: Any, tmp_path: Path) -> None:
    png = page.get_screenshot_as_png()
    if os.environ.get("MINUTES_LINT_SCREENSHOTS"):
        Path(os.environ["MINUTES_LINT_SCREENSHOTS"]).write_bytes(png)
    width, height, bpp, pixels = _png_pixels(png)
    colours = {pixels[i : i + 3] for i in range(0, len(pixels), bpp * 7)}
    background = sum(
        1 for i in range(0, len(pixels), bpp * 7) if pixels[i : i + 3] == b"\xff\xff\xff"
    )
    samples = len(range(0, len(pixels), bpp * 7))
    assert width >= 1000 and height >= 600
    assert len(colours) > 20  # text, charts and badges in several colours
    assert background / samples < 0.97  # something is drawn on the white page
