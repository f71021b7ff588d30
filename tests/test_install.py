"""Installing armswatch as a user does, and the optional extras saying what to install when they are missing."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from armswatch.cli import app
from armswatch.errors import MissingExtraError

REPO = Path(__file__).resolve().parents[1]

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Harbour crane maker ships cargo drones</title>
<meta property="og:site_name" content="Lagoon Ledger"></head><body><nav><a href="/">Home</a> | <a href="/world">World</a>
</nav><article><h1>Harbour crane maker ships cargo drones</h1>
<p>VALLETTA — A crane manufacturer in the Grand Harbour has shipped its first batch of heavy cargo drones to a
logistics firm in Tunisia, the company said on Thursday.</p>
<p>The aircraft can lift half a tonne and were built under an export licence granted in the spring, a spokeswoman
said, adding that a second batch would follow before the end of the year.</p></article>
<footer>© 2024 Lagoon Ledger</footer></body></html>"""


def _copy_project(dest: Path) -> Path:
    """The files `pip install .` reads, copied so the build writes nothing into the work tree."""
    shutil.copy(REPO / "pyproject.toml", dest / "pyproject.toml")
    shutil.copy(REPO / "README.md", dest / "README.md")
    shutil.copytree(REPO / "src", dest / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    return dest


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_install_plain_venv_with_its_own_old_pip_reads_html(tmp_path):
    """`python3 -m venv` + `pip install .` with the pip the venv comes with (no upgrade) reads an HTML page.

    pip 23 ignored lxml[html_clean] (from justext) and every HTML file was skipped with "lxml.html.clean module
    is now a separate project"; armswatch declares lxml_html_clean itself.
    """
    python = shutil.which("python3", path=os.defpath + os.pathsep + os.environ.get("PATH", "")) or sys.executable
    venv = tmp_path / "venv"
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    pip_version = subprocess.run([venv / "bin" / "python", "-m", "pip", "--version"], capture_output=True,
                                 text=True, check=True).stdout.split()[1]
    (tmp_path / "project").mkdir()
    project = _copy_project(tmp_path / "project")
    install = subprocess.run([venv / "bin" / "pip", "install", "-q", str(project)], capture_output=True, text=True,
                             check=False)
    assert install.returncode == 0, f"pip {pip_version}: {install.stderr[-3000:]}"
    page = tmp_path / "drones.html"
    page.write_text(PAGE, encoding="utf-8")
    result = subprocess.run([venv / "bin" / "armswatch", "articles", str(page), "--json"], capture_output=True,
                            text=True, timeout=300, check=False)
    assert result.returncode == 0, f"pip {pip_version}: {result.stdout}{result.stderr}"
    article = json.loads(result.stdout.splitlines()[0])
    assert article["title"] == "Harbour crane maker ships cargo drones"
    assert "half a tonne" in article["text"] and "Home" not in article["text"]


def test_install_parquet_export_without_pyarrow_names_the_extra(tmp_path, monkeypatch):
    """Without pyarrow, `export --format parquet` is a one-line usage error naming `armswatch[parquet]`."""
    from armswatch.store import open_store

    db = tmp_path / "claims.db"
    open_store(db).close()
    for name in ("pyarrow", "pyarrow.parquet"):
        monkeypatch.setitem(sys.modules, name, None)  # what `import pyarrow` meets when it is not installed
    out = tmp_path / "claims.parquet"
    result = CliRunner().invoke(app, ["export", "--format", "parquet", "-o", str(out), "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == "armswatch: pyarrow is not installed: pip install 'armswatch[parquet]'"
    assert not out.exists()


def test_install_state_list_generator_without_country_converter_names_the_extra(monkeypatch):
    from armswatch.lexicons.build_actors import build

    monkeypatch.setitem(sys.modules, "country_converter", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'armswatch\[build\]'"):
        build()


def test_install_extras_do_not_repeat_a_dependency():
    """Each package is declared once: in the core list or in one extra (the meta-extras only name extras)."""
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    seen: dict[str, str] = {}
    groups = {"core": project["dependencies"], **project["optional-dependencies"]}
    for group, requirements in groups.items():
        for requirement in requirements:
            name = requirement.split(";")[0].split("[")[0]
            for stop in "<>=!~ ":
                name = name.split(stop)[0]
            name = name.lower().replace("_", "-")
            if name == "armswatch":
                continue
            assert name not in seen, f"{name} is in {seen[name]} and {group}"
            seen[name] = group


def test_install_lock_file_pins_every_declared_dependency_within_its_bounds():
    """requirements.lock (what `make` installs) is in step with pyproject.toml: rerun `make lock` when not."""
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    pins = {}
    for line in (REPO / "requirements.lock").read_text().splitlines():
        if line and not line.startswith((" ", "#")):
            name, _, version = line.partition("==")
            pins[canonicalize_name(name)] = version.split(";")[0].strip()
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    declared = [*project["dependencies"], *(r for reqs in project["optional-dependencies"].values() for r in reqs)]
    for text in declared:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        if name == "armswatch":  # the meta-extras
            continue
        assert name in pins, f"{name} is declared but not in requirements.lock: run `make lock`"
        assert requirement.specifier.contains(pins[name], prereleases=True), \
            f"requirements.lock pins {name}=={pins[name]}, outside {requirement.specifier}: run `make lock`"
