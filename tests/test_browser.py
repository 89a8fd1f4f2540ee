"""The HTML report in a real browser: Debian's Chromium driven by Playwright (no download).

Screenshots land in tests/artifacts/ (git-ignored) for people to look at.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from three_sources import AGAINST, write_three
from typer.testing import CliRunner

from auditor.cli import app
from auditor.engine import audit
from auditor.read.decode import read_document
from auditor.report.html import render

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
PAYLOADS = [
    "<script>window.__pwned = 'script'</script>",
    "<img src=x onerror=\"window.__pwned = 'img'\">",
    "<a href=\"javascript:window.__pwned='link'\">read more</a>",
    "</textarea><textarea>",
    '"><svg onload="window.__pwned=\'svg\'">',
    "' onmouseover='window.__pwned=1' x='",
    "<iframe src=\"javascript:alert('frame')\"></iframe>",
    "<style>body{display:none}</style>",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Launch the system Chromium once for this module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory: pytest.TempPathFactory, seed_paths: list[Path]) -> Path:
    """Write the seed pair's HTML report to a temporary file."""
    out = tmp_path_factory.mktemp("report") / "seeds.html"
    out.write_text(render(audit([read_document(p, "ab"[i]) for i, p in enumerate(seed_paths)])))
    return out


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    """Open a fresh page at desktop width."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield context.new_page()
    context.close()


def watch(page: Any) -> dict[str, list[str]]:
    """Record console errors, page errors, dialogs and requests of a page; block the network."""
    seen: dict[str, list[str]] = {"errors": [], "dialogs": [], "requests": []}
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.route("http*://**/*", lambda route: route.abort())
    return seen


def visible_rows(page: Any) -> list[dict[str, str]]:
    """Return the data attributes of the findings-table rows that are shown."""
    rows: list[dict[str, str]] = page.eval_on_selector_all(
        "#findings-table tbody tr", "rows => rows.filter(r => !r.hidden).map(r => ({...r.dataset}))"
    )
    return rows


def test_seed_report_loads_with_no_console_errors_and_no_network(
    page: Any, seed_page: Path
) -> None:
    seen = watch(page)
    page.goto(seed_page.as_uri())
    page.wait_for_load_state("load")
    assert seen["errors"] == []
    assert seen["requests"] == [seed_page.as_uri()]
    assert page.evaluate("document.documentElement.classList.contains('no-js')") is False
    assert page.locator(".filters").is_visible()


def test_filters_hide_and_show_findings(page: Any, seed_page: Path) -> None:
    page.goto(seed_page.as_uri())
    everything = visible_rows(page)
    severities = {r["severity"] for r in everything}
    assert len(everything) >= 2 and len(severities) >= 2
    chosen = sorted(severities)[0]
    page.select_option("select[data-filter=severity]", chosen)
    shown = visible_rows(page)
    assert shown and {r["severity"] for r in shown} == {chosen}
    assert len(shown) < len(everything)
    other = next(r for r in everything if r["severity"] != chosen)
    assert page.locator(f"#f-{other['f']}").is_hidden()
    assert page.locator(f"#m-{other['f']}").is_hidden()
    assert page.locator("#shown").inner_text() == f"{len(shown)} of {len(everything)} shown"
    rule = shown[0]["rule"]
    page.select_option("select[data-filter=rule]", rule)
    assert {r["rule"] for r in visible_rows(page)} == {rule}
    page.select_option("select[data-filter=severity]", "")
    page.select_option("select[data-filter=rule]", "")
    assert len(visible_rows(page)) == len(everything)
    assert page.locator(f"#f-{other['f']}").is_visible()


def test_sorting_by_severity_puts_errors_first(page: Any, seed_page: Path) -> None:
    page.goto(seed_page.as_uri())
    page.click("th[data-sort=rank] button")
    ranks = [int(r["rank"]) for r in visible_rows(page)]
    assert ranks == sorted(ranks, reverse=True)
    page.click("th[data-sort=number] button")
    numbers = [int(r["number"]) for r in visible_rows(page)]
    assert numbers == sorted(numbers)


def test_a_table_row_jumps_to_its_mark_in_the_text(page: Any, seed_page: Path) -> None:
    page.goto(seed_page.as_uri())
    last = visible_rows(page)[-1]["f"]
    page.click(f"#row-{last} td a[href='#m-{last}']")
    assert page.evaluate("location.hash") == f"#m-{last}"
    # The highlight follows the hashchange event; wait for it rather than racing it.
    page.wait_for_selector(f"mark.current[data-f~='{last}']", timeout=5000)
    box = page.evaluate(
        f"JSON.stringify(document.getElementById('m-{last}').getBoundingClientRect())"
    )
    top = json.loads(box)["top"]
    assert 0 <= top < 900
    assert page.locator(f"mark.current[data-f~='{last}']").count() >= 1
    page.click(f"#m-{last}")
    assert page.locator(f"#f-{last}").is_visible()
    assert page.evaluate("location.hash") == f"#f-{last}"


def test_keyboard_j_moves_to_the_next_finding_in_reading_order(page: Any, seed_page: Path) -> None:
    page.goto(seed_page.as_uri())
    first, second = page.eval_on_selector_all("a.ref", "refs => refs.slice(0, 2).map(r => r.id)")
    page.keyboard.press("j")
    assert page.evaluate("location.hash") == f"#{first}"
    page.keyboard.press("j")
    assert page.evaluate("location.hash") == f"#{second}"
    assert page.evaluate("document.activeElement.id") == second
    page.keyboard.press("k")
    assert page.evaluate("location.hash") == f"#{first}"


def test_dismissals_persist_across_reloads_and_undo_sticks_too(page: Any, seed_page: Path) -> None:
    page.goto(seed_page.as_uri())
    first, second = visible_rows(page)[:2]
    page.click(f"#row-{first['f']} button.dismiss")
    page.click(f"#row-{second['f']} button.dismiss")
    page.reload()
    pressed = "#row-{} button.dismiss"
    assert page.locator(pressed.format(first["f"])).get_attribute("aria-pressed") == "true"
    assert page.locator(pressed.format(second["f"])).get_attribute("aria-pressed") == "true"
    assert page.locator("#dismissed-count").text_content() == "2"
    page.click(pressed.format(second["f"]))  # undo one decision
    page.reload()
    assert page.locator(pressed.format(first["f"])).get_attribute("aria-pressed") == "true"
    assert page.locator(pressed.format(second["f"])).get_attribute("aria-pressed") == "false"
    assert page.locator("#dismissed-count").text_content() == "1"


MARKED = """() => {
  const out = {};
  document.querySelectorAll(".aligned .row:not(.heading) .cell").forEach(cell => {
    const label = cell.querySelector(".chip").textContent;
    cell.querySelectorAll(".diff-changed, .diff-only").forEach(el => {
      (out[label] = out[label] || []).push(el.textContent.trim());
    });
  });
  return out;
}"""


def test_differences_switch_to_the_chosen_document(page: Any, tmp_path: Path) -> None:
    out = tmp_path / "three.html"
    result = CliRunner().invoke(app, ["compare", *map(str, write_three(tmp_path)), "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    seen = watch(page)
    page.goto(out.as_uri())
    assert page.locator("#diff-against").is_visible()
    assert page.evaluate(MARKED) == AGAINST["a"]
    for against in ("b", "c", "a", "b"):
        page.select_option("#diff-against", against)
        assert page.evaluate(MARKED) == AGAINST[against], against
    title = "span[data-vs]:not(.diff-changed):not(.diff-only)"
    assert page.eval_on_selector_all(title, "els => els.filter(e => e.title).length") == 0
    page.reload()  # the browser may keep the choice: the marks follow it
    chosen = page.eval_on_selector("#diff-against", "el => el.value")
    assert page.evaluate(MARKED) == AGAINST[chosen]
    assert seen["errors"] == []


def test_dismiss_and_export_writes_suppressions_the_cli_honours(
    page: Any, seed_page: Path, seed_paths: list[Path], tmp_path: Path
) -> None:
    page.goto(seed_page.as_uri())
    target = visible_rows(page)[0]
    page.click(f"#row-{target['f']} button.dismiss")
    assert page.locator(f"#f-{target['f']} button.dismiss").get_attribute("aria-pressed") == "true"
    page.fill("#note", "checked by the desk")
    with page.expect_download() as info:
        page.click("#export")
    saved = tmp_path / "audit-suppressions.json"
    info.value.save_as(saved)
    data = json.loads(saved.read_text())
    assert data["format"] == 1
    assert data["suppressions"] == [
        {
            "rule": target["rule"],
            "fingerprint": target["fingerprint"],
            "evidence": target["evidence"],
            "note": "checked by the desk",
        }
    ]
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    runner = CliRunner()
    base = ["compare", *map(str, seed_paths), "--fail-on", "never", "-q", "-o"]
    assert runner.invoke(app, [*base, str(before)]).exit_code == 0
    result = runner.invoke(app, [*base, str(after), "--suppressions", str(saved)])
    assert result.exit_code == 0, result.output
    old, new = (json.loads(p.read_text())["reports"][0] for p in (before, after))
    gone = [f for f in old["findings"] if f["fingerprint"] == target["fingerprint"]]
    assert gone and all(f["fingerprint"] != target["fingerprint"] for f in new["findings"])
    assert new["suppressed"] == len(gone)
    assert len(new["findings"]) == len(old["findings"]) - len(gone)


def test_hostile_article_executes_nothing(page: Any, tmp_path: Path) -> None:
    body = " ".join(f"He wrote {p}. and then {p} again ." for p in PAYLOADS)
    a = tmp_path / "a<img src=x onerror=alert(1)>.txt"
    b = tmp_path / "b'\"><script>alert(2)<.txt"
    a.write_text(f" date 2022-01-10\n\n{body}\n", encoding="utf-8")
    b.write_text(f"{body} Quoted {PAYLOADS[0]} here.\n", encoding="utf-8")
    report = audit([read_document(a, "a"), read_document(b, "b")])
    assert report.findings, "the hostile article should produce findings carrying the payloads"
    out = tmp_path / "hostile.html"
    out.write_text(render(report), encoding="utf-8")
    seen = watch(page)
    page.goto(out.as_uri())
    page.wait_for_load_state("load")
    page.hover("main")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert seen["dialogs"] == []
    assert seen["requests"] == [out.as_uri()]
    assert page.locator("main img, main iframe, main textarea, main script").count() == 0
    assert PAYLOADS[1] in page.locator("#text").inner_text()
    assert seen["errors"] == []


def test_reads_without_javascript(browser: Any, seed_page: Path) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(seed_page.as_uri())
    assert page.locator("#findings-table tbody tr").first.is_visible()
    assert page.locator("article.finding").first.is_visible()
    assert page.locator(".filters").is_hidden() and page.locator(".decisions").is_hidden()
    page.emulate_media(media="print")
    assert page.locator(".masthead nav").is_hidden()
    context.close()


@pytest.mark.parametrize(("name", "width"), [("desktop", 1280), ("narrow", 400)])
def test_screenshots_and_no_sideways_scrolling(
    browser: Any, seed_page: Path, name: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(seed_page.as_uri())
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"seeds-{name}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    a, b = (page.locator(".row:not(.heading) .cell").nth(i).bounding_box() for i in (0, 1))
    stacked = a["x"] == b["x"] and b["y"] > a["y"]
    assert stacked is (width < 600)
    context.close()


@pytest.mark.parametrize("width", [600, 800, 1024, 1280, 1600])
def test_scorecard_tiles_show_their_tables_whole(
    browser: Any, seed_page: Path, seed_paths: list[Path], tmp_path: Path, width: int
) -> None:
    four = tmp_path / "four.html"  # four documents: the readability tile has four columns
    docs = [*seed_paths, *write_three(tmp_path)[:2]]
    four.write_text(render(audit([read_document(p, "abcd"[i]) for i, p in enumerate(docs)])))
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for report in (seed_page, four):
        page.goto(report.as_uri())
        # a tile scrolls sideways only when its content is wider than it: none should
        hidden = page.evaluate(
            "[...document.querySelectorAll('.tile')].map(t => t.scrollWidth - t.clientWidth)"
        )
        assert hidden and all(px <= 0 for px in hidden), report.name
    context.close()


@pytest.mark.parametrize("width", [400, 1280])
def test_corpus_index_never_scrolls_sideways(browser: Any, tmp_path: Path, width: int) -> None:
    out = tmp_path / "out"
    done = CliRunner().invoke(
        app, ["corpus", str(ROOT / "examples" / "corpus"), "-o", str(out), "--workers", "1", "-q"]
    )
    assert done.exit_code == 2, done.output  # the example has errors and skipped articles
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto((out / "index.html").as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.locator("table").first.is_visible()
    context.close()


def test_bidirectional_controls_are_shown_and_reorder_nothing(page: Any, tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(
        "Officials met in Geneva on Monday \u202eand talked for eight hours. "
        "The \u200bdelegation left at noon. "
        "\u0627\u0644\u0648\u0641\u062f \u063a\u0627\u062f\u0631 2022. "
        "The ministers spoke again on Tuesday.\n",
        encoding="utf-8",
    )
    b.write_text("Officials met in Geneva on Monday. The delegation left at noon.\n")
    report = audit([read_document(a, "a"), read_document(b, "b")])
    assert {f.rule for f in report.findings} >= {"U103"}
    out = tmp_path / "bidi.html"
    out.write_text(render(report), encoding="utf-8")
    page.goto(out.as_uri())
    page.wait_for_load_state("load")
    text = page.locator("main").inner_text()
    assert not any(c in text for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "\u200b" not in text
    assert "⟨U+202E⟩" in page.locator("#text").inner_text()
    assert "⟨U+200B⟩" in text
    misplaced = page.eval_on_selector_all(
        ".sent:has(> .num)",
        """sents => sents.filter(s => {
            const num = s.querySelector(':scope > .num').getBoundingClientRect();
            const body = s.querySelector(':scope > bdi').getBoundingClientRect();
            return num.top <= body.top + 1 && num.left > body.left;
        }).map(s => s.textContent)""",
    )
    assert misplaced == []
    page.screenshot(path=str(ARTIFACTS / "bidi.png"), full_page=True)
