"""Processes: a worker that dies costs only its input, workers end with their parent, and
Ctrl-C stops a run cleanly, saying how to go on; going on loses and doubles nothing."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from chronicle import errors, settings as settings_mod
from chronicle.ingest import RawInput
from chronicle.workers import run_parallel

REPORT = ("Soldiers fired on a crowd of protesters outside the governor's office in the city on "
          "Sunday, killing two people, a hospital official said. ")


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_until(check, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.2)
    return check()


@pytest.fixture
def killer_site(tmp_path, monkeypatch):
    """Make spawned workers die (os._exit) on any input whose id starts with 'kill'."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(textwrap.dedent("""
        import os
        import chronicle.ingest.clean as clean_module
        _real = clean_module.clean
        def clean(raw, settings):
            if raw.id.startswith("kill"):
                os._exit(9)  # as if the kernel had killed the worker
            return _real(raw, settings)
        clean_module.clean = clean
    """))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")])))


def test_a_worker_that_dies_costs_only_its_input(killer_site):
    raws = [RawInput(id=f"r{i}", text=REPORT + f"Report {i}.") for i in range(7)]
    raws.insert(3, RawInput(id="kill-me", text=REPORT))
    out = list(run_parallel(raws, settings_mod.load(workers=2, batch_size=3)))
    assert [a.id for a in out] == [r.id for r in raws]
    assert out[3].error.code == errors.PIPELINE and "worker process died" in out[3].error.message
    assert all(a.error is None for i, a in enumerate(out) if i != 3)


PARENT = textwrap.dedent("""
    import multiprocessing, sys
    from chronicle import settings
    from chronicle.ingest import RawInput
    from chronicle.workers import run_parallel
    raws = (RawInput(id=f"r{i}", text=%r + str(i)) for i in range(100000))
    for n, article in enumerate(run_parallel(raws, settings.load(workers=2, batch_size=4))):
        if n == 0:
            print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
""")


def test_workers_end_when_their_parent_is_killed():
    parent = subprocess.Popen([sys.executable, "-c", PARENT % REPORT], stdout=subprocess.PIPE,
                              text=True)
    workers = [int(p) for p in parent.stdout.readline().split()]
    assert workers and all(alive(p) for p in workers)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    assert wait_until(lambda: not any(alive(p) for p in workers), 30), "orphaned workers"


def test_ctrl_c_stops_cleanly_and_resume_loses_and_doubles_nothing(tmp_path):
    src = tmp_path / "in.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for i in range(400):
            f.write(json.dumps({"id": f"a{i}", "text": REPORT + f"Report {i}."}) + "\n")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "chronicle.cli", "extract", str(src), "-o", str(out),
           "--workers", "2", "--batch-size", "4"]
    run = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, start_new_session=True)
    assert wait_until(lambda: out.exists() and out.stat().st_size > 0, 300)
    os.killpg(run.pid, signal.SIGINT)  # what a terminal sends to the whole foreground group
    _, err = run.communicate(timeout=120)
    assert run.returncode == 130 and "interrupted" in err and "--resume" in err
    assert "Traceback" not in err
    done = out.read_text(encoding="utf-8").splitlines()
    assert 0 < len(done) < 400
    again = subprocess.run(cmd + ["--resume"], capture_output=True, text=True, timeout=900)
    assert again.returncode == 0, again.stderr
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"a{i}" for i in range(400)]


def test_ingest_stopped_by_sigterm_says_how_to_go_on(tmp_path):
    src = tmp_path / "in.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for i in range(300):
            f.write(json.dumps({"id": f"a{i}", "text": REPORT + f"Report {i}."}) + "\n")
    db = tmp_path / "s.db"
    cmd = [sys.executable, "-m", "chronicle.cli", "ingest", str(src), "--db", str(db),
           "--workers", "2", "--batch-size", "4"]
    run = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)

    def some_stored() -> bool:
        import sqlite3
        try:
            with sqlite3.connect(db) as con:
                return con.execute("SELECT count(*) FROM articles").fetchone()[0] > 0
        except sqlite3.Error:
            return False

    assert wait_until(some_stored, 300)
    run.send_signal(signal.SIGTERM)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 130 and "run the same command again" in err, (run.returncode, err[-2000:])
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    assert again.returncode == 0, again.stderr
    import sqlite3
    with sqlite3.connect(db) as con:
        ids = sorted(r[0] for r in con.execute("SELECT doc_id FROM articles"))
    assert ids == sorted(f"a{i}" for i in range(300))
    assert not Path(str(db) + "-journal").exists()
