"""Publishing: the GitHub Pages workflow, and the site served under a project subpath."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import pytest
import yaml

from conftest import ROOT, SEEDS, run_build

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def _validate(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           str(path)], capture_output=True, text=True, timeout=120)


def test_the_pages_workflow_is_a_valid_workflow_and_a_broken_one_is_refused(tmp_path):
    checked = _validate(WORKFLOW)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    broken = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    broken["jobs"]["build"]["steps"] = "build it"  # the check can fail
    (tmp_path / "broken.yml").write_text(yaml.safe_dump(broken), encoding="utf-8")
    assert _validate(tmp_path / "broken.yml").returncode != 0


def test_the_workflow_builds_with_the_readme_command_at_the_repository_address_and_deploys_with_pages_actions():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    uses = [step.get("uses", "").split("@")[0] for job in (build, deploy) for step in job["steps"]]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses
    step = next(s for s in build["steps"] if "run" in s and "invoke build" in s["run"])
    assert step["env"]["ARCHIVE_SITEURL"] == "${{ steps.pages.outputs.base_url }}"
    readme_build = (ROOT / "README.md").read_text(encoding="utf-8").split("```sh\n", 1)[1].splitlines()[0]
    setup = readme_build.split(" && .venv/bin/invoke build")[0]
    assert setup in step["run"] and ".venv/bin/invoke build --publish" in step["run"]
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "output"
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        ref = attrs.get("href") if tag in ("a", "link") else attrs.get("src") if tag in ("script", "img") else None
        if ref and not ref.startswith(("data:", "mailto:")):
            self.links.append(ref)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The seeds built for a public address on loopback under /archive/, and served there."""
    root = tmp_path_factory.mktemp("pages")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    address = f"http://127.0.0.1:{server.server_address[1]}/archive"
    build = run_build(SEEDS, root / "archive", "--publish", env={"ARCHIVE_SITEURL": address})
    assert build.returncode == 0, build.stderr + build.stdout
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield address, root / "archive"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urlopen(url, timeout=30) as response:
            return response.status, response.read(), response.headers.get_content_type()
    except HTTPError as error:
        return error.code, b"", ""


def test_under_a_project_subpath_every_link_and_anchor_of_every_page_resolves(served):
    address, output = served
    start = f"{address}/index.html"
    queue, seen, pages, anchors = [start], {start}, {}, []
    while queue:
        url = queue.pop()
        status, body, kind = _fetch(url)
        assert status == 200, f"{url}: HTTP {status}"
        if kind != "text/html":
            continue
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        pages[url] = parser.ids
        for ref in parser.links:
            target, fragment = urldefrag(urljoin(url, ref))
            if urlsplit(target).netloc != urlsplit(address).netloc:
                continue  # an actor's Wikidata entry
            assert target.startswith(address + "/"), f"{url}: {ref} leaves the site's subpath"
            if fragment:
                anchors.append((url, ref, target, fragment))
            if target not in seen:
                seen.add(target)
                queue.append(target)
    for url, ref, target, fragment in anchors:
        assert fragment in pages[target], f"{url}: {ref}: no #{fragment}"
    built_pages = {p for p in output.rglob("*.html") if p.name != "404.html"}
    assert len(pages) >= len(built_pages) * 0.9 and len(anchors) > 100


def test_the_not_found_page_links_by_absolute_address_and_jekyll_is_off(served):
    address, output = served
    assert (output / ".nojekyll").is_file()
    parser = _Links()
    parser.feed((output / "404.html").read_text(encoding="utf-8"))
    navigation = [ref for ref in parser.links if ref.endswith(".html")]
    assert navigation and all(ref.startswith(address + "/") for ref in navigation)
    for ref in navigation:
        assert _fetch(ref)[0] == 200


def test_the_offline_bundle_unzipped_anywhere_works_from_disk_with_the_network_cut(tmp_path, browser):
    import zipfile

    done = subprocess.run([sys.executable, "-m", "invoke", "bundle", "--output", str(tmp_path / "site"),
                           "--to", str(tmp_path / "archive.zip")], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr + done.stdout
    elsewhere = tmp_path / "a folder somewhere else"
    with zipfile.ZipFile(tmp_path / "archive.zip") as bundle:
        names = bundle.namelist()
        bundle.extractall(elsewhere)
    built = {p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    assert {name.removeprefix("archive/") for name in names} == built - {".archive-build"} | {"README.txt"}
    context = browser.new_context()
    outside, errors = [], []

    def only_files(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    index = (elsewhere / "archive" / "index.html").as_uri()
    page.goto(index)
    assert page.eval_on_selector("table.documents", "t => getComputedStyle(t).borderCollapse") == "collapse"
    page.locator("table.documents a").first.click()
    page.wait_for_load_state()
    assert "/doc/" in page.url and page.locator("article.comment").count() > 0
    page.get_by_role("link", name="Actors", exact=True).first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/actor/index.html")
    page.goto(index.replace("index.html", "search.html?q=Soleimani"))
    page.wait_for_function("() => { const s = document.getElementById('search-status').textContent;"
                           " return s && !s.startsWith('Searching'); }", timeout=15000)
    results = page.locator("li.result a.result-title")
    assert results.count() >= 5
    results.first.click()
    page.wait_for_load_state()
    assert "/doc/" in page.url
    page.goto(index.replace("index.html", "map/index.html"))
    assert page.locator("svg").count() > 0
    assert outside == [] and errors == []
    context.close()
