# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Run the kompetanse_module demo or its test suite on an installed Odoo 18.

Started by scripts/demo.sh and scripts/test.sh with an interpreter that imports
odoo. It installs nothing of Odoo itself: only what the module needs around it
(the OCA appraisal addon, websocket-client and pytest-odoo, the linters), and a
private PostgreSQL cluster when the one Odoo's configuration names does not answer.
"""

import argparse
import ast
import configparser
import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULE = "kompetanse_module"
LOG_DIR = ROOT / ".logs"
DEFAULT_PG_PORT = 5439
# installs timed per side by the benchmark (the best is kept)
INSTALL_RUNS = 2
# import name -> requirement; installed with pip when the import fails
RUNTIME_PACKAGES = {
    "websocket": "websocket-client",
    "pytest_odoo": "pytest-odoo==2.3.0",
}
LINT_PACKAGES = {
    "ruff": "ruff==0.6.8",
    "pylint_odoo": "pylint-odoo==9.1.3",
    "whool": "whool==1.3.1",
}
# addon -> wheel; installed with --no-deps since the wheels require odoo==18.0.*,
# which is installed from source here and unknown to pip
OCA_ADDONS = {"hr_appraisal_oca": "odoo-addon-hr_appraisal_oca>=18.0,<18.1"}
ODOO_LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ "
    r"(?P<level>[A-Z]+) (?P<db>\S+) (?P<logger>\S+): "
)
TEST_REPORT = re.compile(
    r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<run>\d+) tests "
    r"when loading database"
)
SKIPPED_TEST = re.compile(r" INFO \S+ \S+: skipped (?P<test>.+?) : (?P<reason>.*)")
# the suites of the apps the module builds on: they must not fail more with it
PEER_MODULES = ("hr", "hr_skills", "hr_recruitment_skills", "hr_appraisal_oca")
PEER_RESULT = re.compile(
    r" (?:ERROR|WARNING) \S+ odoo\.addons\.(?P<module>\w+)\.tests\.\S+: "
    r"(?P<kind>ERROR|FAIL): (?P<test>\S+)"
)


def complete_path():
    """A clean environment may lack the sbin folders (runuser, apt-get)."""
    path = os.environ.get("PATH", "").split(os.pathsep)
    for folder in (
        "/usr/local/sbin",
        "/usr/local/bin",
        "/usr/sbin",
        "/usr/bin",
        "/sbin",
        "/bin",
    ):
        if folder not in path:
            path.append(folder)
    os.environ["PATH"] = os.pathsep.join(p for p in path if p)


def say(message):
    print(f"kompetanse: {message}", flush=True)


def die(message, code=2):
    say(message)
    sys.exit(code)


def is_root():
    return os.geteuid() == 0


def run(cmd, **kwargs):
    return subprocess.run(cmd, check=False, **kwargs)


# --- what the module needs around Odoo ---------------------------------------


def importable(name):
    probe = [sys.executable, "-c", f"import {name}"]
    return run(probe, capture_output=True).returncode == 0


def pip_install(requirements, no_deps=False):
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
    ]
    if no_deps:
        cmd.append("--no-deps")
    say(f"installing {' '.join(requirements)} with pip")
    if run(cmd + list(requirements)).returncode:
        die(
            f"could not install {' '.join(requirements)} with {sys.executable} -m pip; "
            "install them yourself into the interpreter that has Odoo"
        )


def ensure_python_packages(packages):
    missing = [req for name, req in packages.items() if not importable(name)]
    if missing:
        pip_install(missing)


def addon_dirs(config):
    import odoo.addons

    paths = [p.strip() for p in (config.get("addons_path") or "").split(",")]
    return [Path(p) for p in paths + list(odoo.addons.__path__) if p]


def ensure_oca_addons(config):
    dirs = addon_dirs(config)
    missing = [
        wheel
        for addon, wheel in OCA_ADDONS.items()
        if not any((d / addon / "__manifest__.py").is_file() for d in dirs)
    ]
    if missing:
        pip_install(missing, no_deps=True)


def apt_install(packages, why):
    if not (is_root() and shutil.which("apt-get")):
        die(f"{why}: install the Debian packages {' '.join(packages)} (as root)")
    say(f"{why}: installing {' '.join(packages)} with apt-get")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update", "-qq"], env=env)
    if run(["apt-get", "install", "-y", "-qq", *packages], env=env).returncode:
        die(f"apt-get could not install {' '.join(packages)}")


def ensure_chromium():
    # the names Odoo's HttpCase looks for; without one, tours are skipped silently
    names = ("google-chrome", "chromium", "chromium-browser", "google-chrome-stable")
    if not any(shutil.which(name) for name in names):
        apt_install(["chromium"], "browser tests need Chromium")


def ensure_wkhtmltopdf():
    """Odoo prints its PDFs with wkhtmltopdf (Debian's package); without it
    the demo still runs, and printing says so."""
    if shutil.which("wkhtmltopdf"):
        return
    if is_root() and shutil.which("apt-get"):
        apt_install(["wkhtmltopdf"], "printing the reports needs wkhtmltopdf")
    else:
        say(
            "wkhtmltopdf is missing: the PDF reports will not print "
            "(apt-get install wkhtmltopdf)"
        )


# --- Odoo configuration and PostgreSQL ---------------------------------------


def odoo_rc():
    if os.environ.get("ODOO_RC"):
        return Path(os.environ["ODOO_RC"])
    for name in ("~/.odoorc", "~/.openerp_serverrc"):
        path = Path(os.path.expanduser(name))
        if path.is_file():
            return path
    return None


def read_config(rc):
    config = {}
    if rc and rc.is_file():
        parser = configparser.RawConfigParser()
        parser.read(rc)
        if parser.has_section("options"):
            config = {
                key: value
                for key, value in parser.items("options")
                if value not in ("", "False", "None")
            }
    return config


def pg_error(params):
    """None when PostgreSQL answers with these parameters, else the reason."""
    import psycopg2

    try:
        psycopg2.connect(dbname="postgres", connect_timeout=3, **params).close()
    except psycopg2.Error as error:
        return str(error).strip().splitlines()[0] if str(error).strip() else "no answer"
    return None


class ConfiguredPostgres:
    """The PostgreSQL that Odoo's configuration names."""

    started = False

    def __init__(self, config):
        self.params = {
            key: config[f"db_{key}"]
            for key in ("host", "port", "user", "password")
            if config.get(f"db_{key}")
        }

    def describe(self):
        host = self.params.get("host", "local socket")
        return f"the configured PostgreSQL ({host}:{self.params.get('port', 5432)})"

    def odoo_args(self):
        return []

    def stop(self):
        pass


class PrivateCluster:
    """A PostgreSQL cluster of the project's own, in an ignored folder, listening on
    127.0.0.1 only (no unix socket), with a trusted superuser named odoo."""

    user = "odoo"

    def __init__(self, port):
        self.bindir = self._bindir()
        self.as_postgres = []
        if is_root():
            # PostgreSQL refuses to run as root: the Debian package's user runs it
            self.as_postgres = ["runuser", "-u", "postgres", "--"]
        self.base = self._base_dir()
        self.data = self.base / "data"
        self.logfile = self.base / "postgresql.log"
        self.port = self._running_port() or port
        self.started = False
        self.params = {"host": "127.0.0.1", "port": str(self.port), "user": self.user}

    @staticmethod
    def _bindir():
        found = sorted(
            Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
            key=lambda p: int(p.parent.parent.name)
            if p.parent.parent.name.isdigit()
            else 0,
        )
        if not found and not shutil.which("pg_ctl"):
            apt_install(["postgresql"], "no PostgreSQL server here")
            return PrivateCluster._bindir()
        return found[-1].parent if found else Path(shutil.which("pg_ctl")).parent

    def _postgres_can_use(self, path):
        if not self.as_postgres:
            return True
        return run([*self.as_postgres, "test", "-w", str(path)]).returncode == 0

    def _base_dir(self):
        base = ROOT / ".pgdata"
        base.mkdir(exist_ok=True)
        if self.as_postgres:
            shutil.chown(base, "postgres", "postgres")
            if not self._postgres_can_use(base):
                # a parent folder of the clone is closed to the postgres user
                digest = hashlib.sha1(str(ROOT).encode()).hexdigest()[:10]
                base = Path(tempfile.gettempdir()) / f"kompetanse-pgdata-{digest}"
                base.mkdir(exist_ok=True)
                shutil.chown(base, "postgres", "postgres")
                say(
                    f"the postgres user cannot reach {ROOT}; "
                    f"the cluster lives in {base}"
                )
        return base

    def _pg(self, tool, *args, **kwargs):
        return run([*self.as_postgres, str(self.bindir / tool), *args], **kwargs)

    def _running_port(self):
        pid_file = self.base / "data" / "postmaster.pid"
        if self._pg(
            "pg_ctl", "-D", str(self.data), "status", capture_output=True
        ).returncode:
            return None
        lines = pid_file.read_text().splitlines()
        return int(lines[3]) if len(lines) > 3 and lines[3].isdigit() else None

    def describe(self):
        return f"the private PostgreSQL in {self.base} (127.0.0.1:{self.port})"

    def start(self):
        if self._running_port():
            return
        if not (self.data / "PG_VERSION").is_file():
            say(f"creating a private PostgreSQL cluster in {self.data}")
            result = self._pg(
                "initdb", "-D", str(self.data), "-U", self.user, "--auth=trust",
                "--encoding=UTF8", "--locale=C", capture_output=True, text=True,
            )  # fmt: skip
            if result.returncode:
                die(f"initdb failed:\n{result.stdout}{result.stderr}")
        if port_in_use(self.port):
            self.port = free_port()
            self.params["port"] = str(self.port)
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} "
            "-c unix_socket_directories=''"
        )
        result = self._pg(
            "pg_ctl", "-D", str(self.data), "-l", str(self.logfile), "-o", options,
            "-w", "-t", "60", "start", capture_output=True, text=True,
        )  # fmt: skip
        if result.returncode:
            die(
                f"the private PostgreSQL did not start; see {self.logfile}\n"
                f"{result.stdout}"
            )
        self.started = True

    def odoo_args(self):
        return [
            "--db_host",
            "127.0.0.1",
            "--db_port",
            str(self.port),
            "--db_user",
            self.user,
        ]

    def stop(self):
        if self.started:
            self._pg("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop",
                     capture_output=True)  # fmt: skip
            self.started = False


def port_in_use(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_postgres(config, port):
    configured = ConfiguredPostgres(config)
    error = pg_error(configured.params)
    if error is None:
        say(f"using {configured.describe()}")
        return configured
    say(f"{configured.describe()} does not answer ({error}); starting a private one")
    cluster = PrivateCluster(port)
    cluster.start()
    error = pg_error(cluster.params)
    if error:
        cluster.stop()
        die(f"{cluster.describe()} does not answer either: {error}")
    say(f"using {cluster.describe()}")
    return cluster


def database_exists(postgres, name):
    import psycopg2

    with psycopg2.connect(dbname="postgres", **postgres.params) as conn:
        with conn.cursor() as cr:
            cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            exists = bool(cr.fetchone())
    conn.close()
    return exists


def demo_users_exist(postgres, name):
    """Whether the module's demo data is in the database: Odoo installs the
    module without it, with only a warning, when a demo record fails."""
    import psycopg2

    with psycopg2.connect(dbname=name, **postgres.params) as conn:
        with conn.cursor() as cr:
            cr.execute(
                "SELECT 1 FROM ir_model_data WHERE module = %s AND name = %s",
                (MODULE, "user_kari_demo"),
            )
            found = bool(cr.fetchone())
    conn.close()
    return found


def odoo_command(rc, config, postgres, *args):
    cmd = [sys.executable, "-m", "odoo"]
    command_args = []
    if args and args[0] in ("db", "shell"):
        command_args, args = [args[0]], args[1:]
    cmd += command_args
    if rc:
        cmd += ["-c", str(rc)]
    addons = [
        p.strip() for p in (config.get("addons_path") or "").split(",") if p.strip()
    ]
    cmd += ["--addons-path", ",".join([*addons, str(ROOT)])]
    return cmd + postgres.odoo_args() + list(args)


def drop_database(rc, config, postgres, name):
    cmd = odoo_command(rc, config, postgres, "db", "drop", name)
    if run(cmd, capture_output=True).returncode and database_exists(postgres, name):
        say(f"could not drop the database {name}")


# --- lint ----------------------------------------------------------------------


def lint_checks(wheel_dir):
    """(name, command) of each lint gate; each counts as one check."""
    python = sys.executable
    return [
        ("ruff", [python, "-m", "ruff", "check", "--no-fix", "."]),
        ("ruff-format", [python, "-m", "ruff", "format", "--check", "."]),
        (
            "pylint-odoo (OCA 18.0 mandatory)",
            [python, "-m", "pylint", "--rcfile=.pylintrc-mandatory", MODULE],
        ),
        ("odoo-18-syntax", ["bash", "scripts/check_legacy_syntax.sh"]),
        ("prettier (xml, js)", prettier_check()),
        (
            "wheel (whool)",
            [
                python,
                "-m",
                "pip",
                "wheel",
                "--quiet",
                "--no-deps",
                "--no-build-isolation",
                "--disable-pip-version-check",
                "-w",
                wheel_dir,
                f"./{MODULE}",
            ],
        ),  # fmt: skip
    ]


def prettier_check():
    """The prettier gate: npm installs the pinned prettier into node_modules/."""
    npm = shutil.which("npm")
    if not npm:
        return [
            "sh",
            "-c",
            "echo 'prettier needs Node.js and npm (apt-get install npm)'; exit 1",
        ]
    prettier = ROOT / "node_modules" / ".bin" / "prettier"
    install = (
        ""
        if prettier.exists()
        else f"'{npm}' install --silent --no-audit --no-fund && "
    )
    return [
        "sh", "-c",
        f"{install}'{prettier}' --check --log-level warn "
        f"'{MODULE}/**/*.xml' '{MODULE}/static/**/*.js'",
    ]  # fmt: skip


def run_lint():
    results = []
    with tempfile.TemporaryDirectory(prefix="kompetanse-wheel-") as wheel_dir:
        for name, cmd in lint_checks(wheel_dir):
            result = run(cmd, cwd=ROOT, capture_output=True, text=True)
            ok = result.returncode == 0
            results.append((f"lint: {name}", ok))
            say(f"lint {name}: {'ok' if ok else 'FAILED'}")
            if not ok:
                print((result.stdout + result.stderr).rstrip(), flush=True)
    return results


# --- commands --------------------------------------------------------------------


def cmd_lint(args):
    ensure_python_packages(LINT_PACKAGES)
    results = run_lint()
    failed = sum(1 for __, ok in results if not ok)
    print(f"lint: {len(results) - failed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


SHOWN_LEVELS = ("WARNING", "ERROR", "CRITICAL")


def stream_odoo(cmd, logfile):
    """Run Odoo, keep its whole log in logfile and print what matters."""
    counts = {"errors": [], "skipped": [], "report": None}
    with open(logfile, "w", encoding="utf-8") as log:
        # Odoo in a process group of its own: what it leaves running when it
        # ends (a browser it gave up waiting for) would hold the log's pipe
        # open, and this loop would wait for ever; it goes with Odoo
        proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            cwd=ROOT, errors="replace", start_new_session=True,
        )  # fmt: skip
        threading.Thread(target=_end_group_after, args=(proc,), daemon=True).start()
        try:
            level = None
            for line in proc.stdout:
                log.write(line)
                level = _read_log_line(line, level, counts)
        except KeyboardInterrupt:
            stop_process(proc)
            raise
        returncode = proc.wait()
    return returncode, counts


def _end_group_after(proc):
    proc.wait()
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGTERM)


def _read_log_line(line, level, counts):
    """Count errors, skips and the test report; print what matters. Returns the
    level of the log record the line belongs to."""
    match = ODOO_LOG_LINE.match(line)
    if not match:
        if level in SHOWN_LEVELS:
            print(line, end="", flush=True)  # traceback of the record above
        return level
    level = match["level"]
    # demo data that fails is only a warning to Odoo, but the role tours and
    # the new user's demo rest on it
    if level in ("ERROR", "CRITICAL") or "demo data failed to install" in line:
        counts["errors"].append(line.rstrip())
    report = TEST_REPORT.search(line)
    if report:
        counts["report"] = {k: int(v) for k, v in report.groupdict().items()}
    skipped = SKIPPED_TEST.search(line)
    if skipped:
        counts["skipped"].append(f"{skipped['test']} ({skipped['reason'].strip()})")
    ours = f"odoo.addons.{MODULE}" in match["logger"] and " Starting " in line
    if level in SHOWN_LEVELS or report or skipped or ours:
        print(line, end="", flush=True)
    return level


def peer_outcomes(logfile):
    """{test: what failed} of the peer suites in an Odoo log, and how many of
    their tests ran."""
    failures, current, ran = {}, None, 0
    for line in (
        Path(logfile).read_text(encoding="utf-8", errors="replace").splitlines()
    ):
        match = ODOO_LOG_LINE.match(line)
        if match:
            current = None
            result = PEER_RESULT.search(line)
            if result and result["module"] in PEER_MODULES:
                current = f"{result['module']}: {result['test']}"
                failures[current] = result["kind"]
            report = TEST_REPORT.search(line)
            if report:
                ran = int(report["run"])
        elif current and line.strip() and not line.startswith(" "):
            # the last unindented line of the traceback names the exception
            failures[current] = line.strip()
    return failures, ran


def run_peer_suites(rc, config, postgres, db):
    """Run the peer suites on db (which has the module) and on a database
    without it, and compare: one check, failed on any new failure."""
    tags = ",".join(f"/{module}" for module in PEER_MODULES)
    common = [
        "--test-enable", "--test-tags", tags, "--stop-after-init",
        "--http-interface", "127.0.0.1", "--max-cron-threads", "0",
        "--log-level", "info",
    ]  # fmt: skip
    base_db = f"{db}_peers"
    runs = {
        # with the module: updating hr runs the at_install tests against the
        # module's data and rules, the post_install tests with its code loaded
        "with": ["-d", db, "-u", "hr"],
        "without": [
            "-d",
            base_db,
            "-i",
            ",".join(PEER_MODULES[1:]),
            "--without-demo",
            "",
        ],
    }
    outcomes = {}
    try:
        for name, run_args in runs.items():
            logfile = LOG_DIR / f"peers_{name}.log"
            say(f"peer suites {name} the module ({', '.join(PEER_MODULES)})")
            cmd = odoo_command(
                rc, config, postgres, *run_args, *common,
                "--http-port", str(free_port()),
            )  # fmt: skip
            with open(logfile, "w", encoding="utf-8") as log:
                run(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
            outcomes[name] = peer_outcomes(logfile)
    finally:
        drop_database(rc, config, postgres, base_db)
    (with_failures, with_ran), (base_failures, base_ran) = (
        outcomes["with"],
        outcomes["without"],
    )
    new = {
        test: what
        for test, what in with_failures.items()
        if base_failures.get(test) != what
    }
    say(
        f"peer suites: {with_ran} tests with the module, {base_ran} without; "
        f"{len(base_failures)} failing without it"
        + "".join(f"\n    {test}: {what}" for test, what in base_failures.items())
    )
    for test, what in new.items():
        say(f"peer suites: new failure with the module: {test}: {what}")
    ok = not new and with_ran == base_ran and with_ran > 0
    if with_ran != base_ran:
        say("peer suites: not the same number of tests ran with and without it")
    return ok


LIFECYCLE_STEPS = (
    # (what, Odoo's arguments, the phases checked after it in Odoo's shell)
    (
        "the dependencies, then the module installed (in Norwegian too)",
        "deps",
        "baseline,install,fill",
    ),
    (
        f"{MODULE} upgraded, uninstalled and installed again",
        ["-u", MODULE],
        "upgraded,uninstall,uninstalled,install,reinstalled",
    ),
)


def run_lifecycle(rc, config, postgres, db):
    """Install, fill, upgrade, uninstall and install again on a throwaway
    database without demo data, each step checked by scripts/lifecycle_check.py
    in Odoo's shell: one check, failed at the first step that fails."""
    base = ["-d", db, "--stop-after-init", "--no-http", "--max-cron-threads", "0"]
    state = LOG_DIR / "lifecycle.json"
    state.unlink(missing_ok=True)
    logfile = LOG_DIR / "lifecycle.log"
    env = {
        **os.environ,
        "KOMPETANSE_LIFECYCLE_STATE": str(state),
    }
    script = (ROOT / "scripts" / "lifecycle_check.py").read_text(encoding="utf-8")
    say(f"lifecycle: install, upgrade, uninstall, install again ({db})")
    try:
        with open(logfile, "w", encoding="utf-8") as log:
            for what, odoo_args, phase in LIFECYCLE_STEPS:
                if odoo_args == "deps":
                    odoo_args = [
                        # as in production: no demo data
                        "-i", ",".join(manifest_depends()), "--without-demo", "all",
                    ]  # fmt: skip
                steps = []
                if odoo_args:
                    steps.append(odoo_command(rc, config, postgres, *odoo_args, *base))
                steps.append(
                    odoo_command(rc, config, postgres, "shell", "-d", db, "--no-http")
                )
                for number, cmd in enumerate(steps):
                    shell = number == len(steps) - 1
                    log.write(f"\n=== {what}: {' '.join(cmd)}\n")
                    log.flush()
                    result = run(
                        cmd,
                        cwd=ROOT,
                        input=script if shell else None,
                        text=True,
                        stdout=subprocess.PIPE,
                        stderr=subprocess.STDOUT,
                        env={**env, "KOMPETANSE_LIFECYCLE_PHASE": phase},
                    )
                    log.write(result.stdout)
                    errors = [
                        line
                        for line in result.stdout.splitlines()
                        if re.search(r"^\S+ \S+ \d+ (ERROR|CRITICAL) ", line)
                    ]
                    for line in result.stdout.splitlines():
                        if line.startswith("lifecycle"):
                            say(line)
                    if result.returncode or errors:
                        say(
                            f"lifecycle: failed at {what} (exit {result.returncode}"
                            f", {len(errors)} ERROR lines); see {logfile}"
                        )
                        for line in errors[:5]:
                            say(f"    {line}")
                        return False
    finally:
        drop_database(rc, config, postgres, db)
    return True


def cmd_test(args):
    started = time.monotonic()
    rc = odoo_rc()
    config = read_config(rc)
    ensure_python_packages(RUNTIME_PACKAGES)
    ensure_oca_addons(config)
    ensure_chromium()
    results = []
    if not args.no_lint:
        ensure_python_packages(LINT_PACKAGES)
        results += run_lint()
    postgres = ensure_postgres(config, args.pg_port)
    db = f"kompetanse_test_{time.strftime('%Y%m%d_%H%M%S')}_{os.getpid()}"
    LOG_DIR.mkdir(exist_ok=True)
    logfile = LOG_DIR / "test.log"
    cmd = odoo_command(
        rc, config, postgres,
        # with the demo data: the role tours walk the demo as its users do
        "-d", db, "-i", MODULE, "--without-demo", "",
        "--test-enable", "--test-tags", args.test_tags,
        "--stop-after-init", "--http-interface", "127.0.0.1",
        "--http-port", str(free_port()), "--max-cron-threads", "0",
        "--log-level", "info",
    )  # fmt: skip
    say(f"installing {MODULE} with its tests in the throwaway database {db}")
    interrupted = False
    peers_ok = lifecycle_ok = None
    try:
        returncode, counts = stream_odoo(cmd, logfile)
        # the whole suite only: a subset is a quick loop while writing tests
        whole = args.test_tags == f"/{MODULE}"
        if whole and not args.no_peers and counts["report"]:
            peers_ok = run_peer_suites(rc, config, postgres, db)
        if whole and not args.no_lifecycle and counts["report"]:
            lifecycle_ok = run_lifecycle(rc, config, postgres, f"{db}_lifecycle")
    except KeyboardInterrupt:
        interrupted = True
        returncode, counts = 130, {"errors": [], "skipped": [], "report": None}
    finally:
        drop_database(rc, config, postgres, db)
        postgres.stop()
    report = counts["report"]
    if report is None or report["run"] == 0:
        say("no test ran: the Odoo run ended before its test report")
        results.append(("odoo tests ran", False))
    else:
        bad = report["failed"] + report["errors"]
        skipped = len(counts["skipped"])
        passed = report["run"] - bad - skipped
        results += [("odoo test", True)] * passed
        results += [("odoo test", False)] * (bad + skipped)
        for test in counts["skipped"]:
            say(f"a skipped test counts as failed: {test}")
    if peers_ok is not None:
        results.append(("peer suites without new failures", peers_ok))
    if lifecycle_ok is not None:
        results.append(
            ("lifecycle: install, upgrade, uninstall, reinstall", lifecycle_ok)
        )
    log_clean = not counts["errors"] and returncode == 0 and not interrupted
    results.append(("odoo log without ERROR/CRITICAL and exit 0", log_clean))
    if not log_clean:
        say(
            f"Odoo exited {returncode} with {len(counts['errors'])} "
            "ERROR/CRITICAL log lines"
        )
    failed = [name for name, ok in results if not ok]
    say(f"full Odoo log: {logfile}; took {time.monotonic() - started:.0f} s")
    if failed:
        say("failed: " + ", ".join(sorted(set(failed))))
    print(
        f"kompetanse: {len(results) - len(failed)} passed, {len(failed)} failed",
        flush=True,
    )
    return 1 if failed else 0


def merge_po(pot_path, po_path, lang="nb"):
    """Refresh po_path from the template: keep the translations of the messages
    still there, add the new ones untranslated, drop the obsolete ones."""
    import polib

    pot = polib.pofile(str(pot_path))
    old = polib.pofile(str(po_path)) if po_path.is_file() else polib.POFile()
    known = {(e.msgctxt, e.msgid): e.msgstr for e in old if not e.obsolete}
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(pot.metadata, Language=lang)
    po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    for entry in pot:
        entry.msgstr = known.get((entry.msgctxt, entry.msgid), "")
        po.append(entry)
    po.save(str(po_path))
    return [e.msgid for e in po if not e.msgstr]


def cmd_i18n(args):
    rc = odoo_rc()
    config = read_config(rc)
    ensure_oca_addons(config)
    postgres = ensure_postgres(config, args.pg_port)
    db = f"kompetanse_i18n_{os.getpid()}"
    i18n = ROOT / MODULE / "i18n"
    pot = i18n / f"{MODULE}.pot"
    quiet = ["--log-level", "warn", "--without-demo", "all"]
    try:
        for step in (
            ["-i", MODULE, "--stop-after-init"],
            ["--i18n-export", str(pot), "--modules", MODULE],
        ):
            cmd = odoo_command(rc, config, postgres, "-d", db, *quiet, *step)
            if run(cmd, cwd=ROOT).returncode:
                die("Odoo failed; see its log above")
    finally:
        drop_database(rc, config, postgres, db)
        postgres.stop()
    untranslated = merge_po(pot, i18n / "nb.po")
    say(f"wrote {pot.relative_to(ROOT)} and merged it into i18n/nb.po")
    for msgid in untranslated:
        say(f"no Norwegian yet: {msgid!r}")
    return 1 if untranslated else 0


def wait_for_http(url, proc, timeout=600):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(2)
    return False


def cmd_pytest(args, extra):
    """pytest-odoo on an existing database that has the module: a quick loop
    while writing tests (no reinstall; at_install/post_install semantics are the
    test command's job)."""
    rc = odoo_rc()
    config = read_config(rc)
    ensure_python_packages(RUNTIME_PACKAGES)
    postgres = ensure_postgres(config, args.pg_port)
    if not database_exists(postgres, args.db):
        die(f"no database {args.db}: create it with scripts/demo.sh --init-only")
    parser = configparser.RawConfigParser()
    if rc:
        parser.read(rc)
    if not parser.has_section("options"):
        parser.add_section("options")
    addons = [p for p in (config.get("addons_path") or "").split(",") if p.strip()]
    parser.set("options", "addons_path", ",".join([*addons, str(ROOT)]))
    for key, value in postgres.params.items():
        parser.set("options", f"db_{key}", value)
    with tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False) as conf:
        parser.write(conf)
    try:
        cmd = [
            sys.executable, "-m", "pytest",
            f"--odoo-database={args.db}", f"--odoo-config={conf.name}",
            f"{MODULE}/tests", *extra,
        ]  # fmt: skip
        return run(cmd, cwd=ROOT).returncode
    finally:
        os.unlink(conf.name)
        postgres.stop()


def stop_process(proc, timeout=30):
    """Odoo's graceful stop on the first SIGINT, a forced one on the second."""
    for sig in (signal.SIGINT, signal.SIGINT, signal.SIGKILL):
        if proc.poll() is not None:
            break
        proc.send_signal(sig)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            continue
    return proc.wait()


def cmd_demo(args):
    rc = odoo_rc()
    config = read_config(rc)
    if not args.init_only and port_in_use(args.port):
        die(
            f"port {args.port} on 127.0.0.1 is taken (another Odoo?): stop it or "
            "choose another with --port"
        )
    ensure_python_packages(RUNTIME_PACKAGES)
    ensure_oca_addons(config)
    ensure_wkhtmltopdf()
    postgres = ensure_postgres(config, args.pg_port)
    exists = database_exists(postgres, args.db)
    if exists and args.reset:
        say(f"--reset: dropping the database {args.db}")
        drop_database(rc, config, postgres, args.db)
        exists = False
    if exists:
        say(f"reusing the database {args.db} (updating {MODULE}); --reset starts anew")
        init = ["-u", MODULE]
    else:
        say(f"creating the database {args.db} with demo data and {MODULE}")
        init = ["-i", MODULE, "--load-language", "nb_NO"]
    serve = ["--stop-after-init"] if args.init_only else []
    cmd = odoo_command(
        rc, config, postgres, "-d", args.db, *init, *serve, "--without-demo", "",
        "--db-filter", f"^{re.escape(args.db)}$", "--http-interface", "127.0.0.1",
        "--http-port", str(args.port),
    )  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=ROOT)
    url = f"http://127.0.0.1:{args.port}"
    try:
        if args.init_only:
            returncode = proc.wait()
            if not returncode and not demo_users_exist(postgres, args.db):
                say("the module's demo data failed to install: see the log above")
                return 1
            say(f"database {args.db} ready" if not returncode else "Odoo failed")
            return returncode
        if wait_for_http(f"{url}/web/login", proc):
            if not demo_users_exist(postgres, args.db):
                say(
                    "the module's demo data failed to install (see the log above): "
                    "stopping; fix it and run again with --reset"
                )
                stop_process(proc)
                return 1
            say(f"the demo is up: {url}/odoo/kompetanse")
            say("log in as kari, hanne, sofie, ola, lars or amir (password = login)")
            say("or admin / admin; stop it with Ctrl-C")
        return proc.wait()
    except KeyboardInterrupt:
        say("stopping Odoo")
        return stop_process(proc)
    finally:
        postgres.stop()


# --- benchmark -----------------------------------------------------------------

BENCH_CLIENTS, BENCH_SECONDS = 20, 60
BENCH_BUDGET_MISSED = 4  # bench_odoo.py's exit code when a budget is missed


def manifest_depends():
    manifest = ast.literal_eval((ROOT / MODULE / "__manifest__.py").read_text())
    return manifest["depends"]


def timed_install(rc, config, postgres, db, modules):
    cmd = odoo_command(
        rc, config, postgres, "-d", db, "-i", ",".join(modules),
        "--without-demo", "all", "--stop-after-init", "--log-level", "warn",
        "--http-port", str(free_port()), "--max-cron-threads", "0",
    )  # fmt: skip
    started = time.monotonic()
    if run(cmd, cwd=ROOT).returncode:
        die(f"installing {', '.join(modules)} failed; see the log above")
    return time.monotonic() - started


def cmd_bench(args):
    """Install timing, then the agency built and measured (bench_odoo.py),
    then with --replica the same database served by several workers on a
    primary and its streaming replica, driven by concurrent clients."""
    rc = odoo_rc()
    config = read_config(rc)
    ensure_python_packages(RUNTIME_PACKAGES)
    ensure_oca_addons(config)
    if args.replica:
        # a replica needs a primary of our own to copy
        postgres = PrivateCluster(args.pg_port)
        postgres.start()
        say(f"using {postgres.describe()} as the primary")
    else:
        postgres = ensure_postgres(config, args.pg_port)
    stamp = f"{time.strftime('%Y%m%d_%H%M%S')}_{os.getpid()}"
    db, deps_db = f"kompetanse_bench_{stamp}", f"kompetanse_bench_deps_{stamp}"
    out = Path(args.json).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    replica = None
    try:
        # an install's time varies by a third from one run to the next here:
        # the best of INSTALL_RUNS of each, alternating
        deps_times, module_times = [], []
        for attempt in range(1, INSTALL_RUNS + 1):
            deps_names = ", ".join(manifest_depends())
            say(f"installing the dependencies alone ({deps_names}), "
                f"{attempt}/{INSTALL_RUNS}")  # fmt: skip
            deps_times.append(
                timed_install(rc, config, postgres, deps_db, manifest_depends())
            )
            drop_database(rc, config, postgres, deps_db)
            say(f"installing {MODULE} (and its dependencies) in {db}, "
                f"{attempt}/{INSTALL_RUNS}")  # fmt: skip
            if attempt > 1:
                drop_database(rc, config, postgres, db)
            module_times.append(timed_install(rc, config, postgres, db, [MODULE]))
        deps, module = min(deps_times), min(module_times)
        ratio = module / deps
        install = {
            "figure": "install: the module vs its dependencies alone",
            "ms": round(module * 1000),
            "floor_ms": round(deps * 1000),
            "ratio": round(ratio, 2),
            "budget": "ratio",
            "ok": ratio <= 1.5,
        }
        say(f"install: {module:.1f} s with the module, {deps:.1f} s without "
            f"(best of {INSTALL_RUNS}): {ratio:.2f}x")  # fmt: skip
        cmd = [
            sys.executable, str(ROOT / "scripts" / "bench_odoo.py"),
            "--employees", str(args.employees), "--runs", str(args.runs),
            "--json", str(out),
            *(["--build-only"] if args.build_only else []),
            *odoo_command(rc, config, postgres, "-d", db, "--log-level", "warn")[3:],
        ]  # fmt: skip
        out.unlink(missing_ok=True)  # no figures of an earlier run
        returncode = run(cmd, cwd=ROOT).returncode
        if returncode not in (0, BENCH_BUDGET_MISSED) or (
            not out.is_file() and not args.build_only
        ):
            die("the benchmark failed; see above")
        result = json.loads(out.read_text()) if out.is_file() else {"figures": []}
        result["figures"].insert(0, install)
        failures = result.setdefault("budget_failures", [])
        if not install["ok"]:
            failures.append(f"install: {ratio:.2f}x the dependencies' (budget 1.5x)")
        if args.replica:
            replica = ReplicaCluster(postgres)
            replica.start()
            result["replica"] = run_replica_load(rc, config, postgres, replica, db)
            replicated = result["replica"]
            if (
                replicated["errors"]
                or not replicated["on_replica"]
                or not replicated["needs_saved_on_the_primary"]
            ):
                failures.append(
                    "replica run: errors, reports not on the replica, or no write"
                )
        out.write_text(json.dumps(result, indent=1, default=str))
        say(f"wrote {out}")
        for failure in failures:
            say(f"budget missed: {failure}")
        return 1 if failures or returncode else 0
    finally:
        if replica:
            replica.stop()
        if not args.keep:
            drop_database(rc, config, postgres, db)
        else:
            say(f"--keep: the database {db} stays")
        drop_database(rc, config, postgres, deps_db)
        if args.replica:
            postgres.stop()


class ReplicaCluster:
    """A streaming replica of the private cluster (pg_basebackup), on its own
    port on 127.0.0.1, every statement logged to tell which server answered."""

    def __init__(self, primary):
        self.primary = primary
        self.data = primary.base / "replica"
        self.logfile = primary.base / "replica.log"
        self.port = free_port()
        self.started = False

    def start(self):
        if self.data.exists():  # a copy left by an interrupted run
            run([*self.primary.as_postgres, "rm", "-rf", str(self.data)])
        say(f"copying the primary to a streaming replica in {self.data}")
        result = self.primary._pg(
            "pg_basebackup", "-h", "127.0.0.1", "-p", str(self.primary.port),
            "-U", self.primary.user, "-D", str(self.data), "-R", "-X", "stream",
            "--checkpoint", "fast",
            capture_output=True, text=True,
        )  # fmt: skip
        if result.returncode:
            die(f"pg_basebackup failed:\n{result.stderr}")
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} "
            "-c unix_socket_directories='' -c hot_standby=on "
            "-c log_statement=all -c log_line_prefix='%m [%p] %d '"
        )
        result = self.primary._pg(
            "pg_ctl", "-D", str(self.data), "-l", str(self.logfile), "-o", options,
            "-w", "-t", "60", "start", capture_output=True, text=True,
        )  # fmt: skip
        if result.returncode:
            die(f"the replica did not start; see {self.logfile}")
        self.started = True
        say(f"streaming replica on 127.0.0.1:{self.port}")

    def stop(self):
        if self.started:
            self.primary._pg("pg_ctl", "-D", str(self.data), "-m", "fast", "-w",
                             "stop", capture_output=True)  # fmt: skip
            self.started = False
        # the copy goes with the benchmark's database
        run([*self.primary.as_postgres, "rm", "-rf", str(self.data)])


def primary_logging(primary, on):
    """Log every statement on the primary too, for the run only."""
    import psycopg2

    conn = psycopg2.connect(dbname="postgres", **primary.params)
    conn.autocommit = True
    with conn.cursor() as cr:
        if on:
            cr.execute("ALTER SYSTEM SET log_statement = 'all'")
            cr.execute("ALTER SYSTEM SET log_line_prefix = '%m [%p] %d '")
        else:
            cr.execute("ALTER SYSTEM RESET log_statement")
            cr.execute("ALTER SYSTEM RESET log_line_prefix")
        cr.execute("SELECT pg_reload_conf()")
    conn.close()


# what the clients do: (login, model, method, args, kwargs, is a report)
BENCH_CALLS = [
    ("bench_hr", "kompetanse.gap.report", "read_group",
     [[["is_future", "=", False]], ["gap:avg"], ["department_id", "skill_id"]],
     {"lazy": False}, True),
    ("bench_manager", "kompetanse.gap.report", "read_group",
     [[["is_future", "=", False]], ["gap:avg"], ["department_id", "skill_id"]],
     {"lazy": False}, True),
    ("bench_top", "kompetanse.gap.summary", "read_group",
     [[], ["people_count:sum", "below_count:sum"], ["department_id", "skill_id"]],
     {"lazy": False}, True),
    ("bench_top", "kompetanse.target.line", "web_search_read", [],
     {"domain": [["target_id.state", "=", "approved"]],
      "specification": {"skill_id": {"fields": {"display_name": {}}},
                        "needed_count": {}, "current_count": {}, "coverage": {},
                        "is_vulnerable": {}, "is_critical": {}}, "limit": 80},
     False),
    ("bench_hr", "kompetanse.rollup.report", "read_group",
     [[], ["cost:sum"], ["department_id", "target_line_id"]], {"lazy": False}, True),
    ("bench_manager", "kompetanse.conversation.coverage", "kompetanse_my_coverage",
     [], {}, True),
    ("bench_hr", "kompetanse.turnover.rate", "read_group",
     [[], ["leaver_count:sum", "headcount:sum", "rate"], ["year"]], {"lazy": False},
     True),
    ("bench_hr", "kompetanse.turnover.skill", "read_group",
     [[], ["employee_id:count_distinct"], ["skill_id"]], {"lazy": False}, True),
    ("bench_manager", "kompetanse.need", "web_search_read", [],
     {"domain": [], "specification": {"name": {}, "state": {}}, "limit": 80},
     False),
]  # fmt: skip

# the report views, by the alias Odoo gives them in its queries
REPORT_ALIASES = [
    "kompetanse_gap_report", "kompetanse_gap_summary", "kompetanse_rollup_report",
    "kompetanse_conversation_coverage", "kompetanse_turnover_rate",
    "kompetanse_turnover_skill",
]  # fmt: skip


def run_replica_load(rc, config, primary, replica, db):
    """Odoo with workers on the primary and db_replica_host on the replica;
    BENCH_CLIENTS clients for BENCH_SECONDS: the reports, the first screen,
    and a write each round (a need saved), over JSON-RPC as the web client."""

    port = free_port()
    cmd = odoo_command(
        rc, config, primary, "-d", db, "--db-filter", f"^{db}$",
        "--workers", "3", "--max-cron-threads", "1",
        "--db_replica_host", "127.0.0.1", "--db_replica_port", str(replica.port),
        "--http-interface", "127.0.0.1", "--http-port", str(port),
        "--gevent-port", str(free_port()),
        "--limit-time-real", "600", "--limit-time-cpu", "600",
        "--log-level", "warn", "--logfile", str(LOG_DIR / "bench-server.log"),
    )  # fmt: skip
    # with workers Odoo starts its websocket server by running its own script
    # again (sys.argv[0]): Odoo's launcher, not "-m odoo", whose __main__.py
    # cannot be run as a script
    launcher = Path(sys.executable).parent / "odoo"
    if launcher.is_file():
        cmd[:3] = [sys.executable, str(launcher)]
    LOG_DIR.mkdir(exist_ok=True)
    primary_log = primary.logfile.stat().st_size if primary.logfile.exists() else 0
    replica_log = replica.logfile.stat().st_size
    primary_logging(primary, True)
    proc = subprocess.Popen(cmd, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    stats = {"calls": 0, "errors": 0, "latencies": [], "messages": []}
    lock = threading.Lock()
    try:
        if not wait_for_http(f"{url}/web/login", proc):
            die(f"Odoo with workers did not answer; see {LOG_DIR / 'bench-server.log'}")
        say(f"{BENCH_CLIENTS} clients for {BENCH_SECONDS} s on 3 workers and a replica")
        deadline = time.monotonic() + BENCH_SECONDS
        threads = [
            threading.Thread(
                target=bench_client, args=(url, db, n, deadline, stats, lock)
            )
            for n in range(BENCH_CLIENTS)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        stop_process(proc)
        primary_logging(primary, False)
    saved = saved_needs(primary, db)
    on_primary = count_report_reads(primary.logfile, primary_log, db)
    on_replica = count_report_reads(replica.logfile, replica_log, db)
    latencies = sorted(stats["latencies"]) or [0]
    result = {
        "clients": BENCH_CLIENTS,
        "seconds": BENCH_SECONDS,
        "workers": 3,
        "calls": stats["calls"],
        "errors": stats["errors"],
        "error_messages": stats["messages"][:10],
        "p50_ms": round(1000 * latencies[len(latencies) // 2]),
        "p95_ms": round(1000 * latencies[int(len(latencies) * 0.95)]),
        "needs_saved_on_the_primary": saved,
        "report_queries_on_replica": on_replica,
        "report_queries_on_primary": on_primary,
        "on_replica": on_replica > 0 and on_primary == 0,
    }
    say(
        f"replica run: {result['calls']} calls, {result['errors']} errors, p50 "
        f"{result['p50_ms']} ms, p95 {result['p95_ms']} ms; report queries: "
        f"{on_replica} on the replica, {on_primary} on the primary; needs saved on "
        f"the primary: {saved}"
    )
    return result


def saved_needs(primary, db):
    """The needs the clients saved, as the primary has them."""
    import psycopg2

    with psycopg2.connect(dbname=db, **primary.params) as conn, conn.cursor() as cr:
        cr.execute(
            "SELECT COUNT(*) FROM kompetanse_need WHERE name LIKE 'Behov fra klient %'"
        )
        [count] = cr.fetchone()
    conn.close()
    return count


def count_report_reads(logfile, offset, db):
    """The statements on db reading a report view in a server's log since
    offset (an entry starts with its time; a statement spans lines)."""
    aliases = [f'AS "{alias}"' for alias in REPORT_ALIASES]
    entry_start = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
    count, entry = 0, []

    def close(entry):
        text = "".join(entry)
        return int(
            f"] {db} " in text
            and " statement: " in text
            and any(alias in text for alias in aliases)
        )

    with open(logfile, "rb") as log:
        log.seek(offset)
        for raw in log:
            line = raw.decode("utf-8", "replace")
            if entry_start.match(line):
                count += close(entry)
                entry = []
            entry.append(line)
    return count + close(entry)


def bench_client(url, db, number, deadline, stats, lock):
    import requests

    session = requests.Session()
    calls = [call for call in BENCH_CALLS if call[0] == BENCH_CALLS[number % 3][0]]
    calls = calls or BENCH_CALLS
    login = calls[0][0]

    def rpc(path, params):
        started = time.monotonic()
        try:
            response = session.post(
                f"{url}{path}",
                json={"jsonrpc": "2.0", "method": "call", "params": params},
                timeout=120,
            )
            body = response.json()
            error = body.get("error")
        except (requests.RequestException, ValueError) as exc:
            error = str(exc)
        with lock:
            stats["calls"] += 1
            stats["latencies"].append(time.monotonic() - started)
            if error:
                stats["errors"] += 1
                stats["messages"].append(str(error)[:300])
        return None if error else body.get("result")

    rpc("/web/session/authenticate", {"db": db, "login": login, "password": login})
    round_ = 0
    while time.monotonic() < deadline:
        for _login, model, method, args, kwargs, _report in calls:
            rpc(
                f"/web/dataset/call_kw/{model}/{method}",
                {"model": model, "method": method, "args": args, "kwargs": kwargs},
            )
        if login == "bench_manager":
            # a write on the primary beside the reads: a need reported
            rpc(
                "/web/dataset/call_kw/kompetanse.need/web_save",
                {"model": "kompetanse.need", "method": "web_save",
                 "args": [[], {"name": f"Behov fra klient {number}.{round_}"}],
                 "kwargs": {"specification": {"name": {}}}},
            )  # fmt: skip
        round_ += 1


def main():
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--pg-port",
        type=int,
        default=int(os.environ.get("KOMPETANSE_PG_PORT", DEFAULT_PG_PORT)),
        help="port of the private PostgreSQL, when one is needed (default %(default)s)",
    )
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser(
        "demo", parents=[common], help="serve Odoo with the module and demo data"
    )
    demo.add_argument(
        "--db", default=os.environ.get("KOMPETANSE_DEMO_DB", "kompetanse_demo")
    )
    demo.add_argument(
        "--port", type=int, default=int(os.environ.get("KOMPETANSE_PORT", 8069))
    )
    demo.add_argument(
        "--reset", action="store_true", help="drop the demo database first"
    )
    demo.add_argument(
        "--init-only", action="store_true", help="prepare the database, do not serve"
    )
    test = commands.add_parser(
        "test", parents=[common], help="lint, then install the module with its tests"
    )
    test.add_argument("--test-tags", default=f"/{MODULE}")
    test.add_argument("--no-lint", action="store_true")
    test.add_argument(
        "--no-peers",
        action="store_true",
        help="skip comparing the suites of hr, hr_skills, hr_recruitment_skills "
        "and hr_appraisal_oca with and without the module",
    )
    test.add_argument(
        "--no-lifecycle",
        action="store_true",
        help="skip installing, upgrading, uninstalling and installing again "
        "on a throwaway database",
    )
    commands.add_parser(
        "lint", help="ruff, pylint-odoo, the Odoo 18 syntax gate, the wheel"
    )
    commands.add_parser(
        "i18n",
        parents=[common],
        help="export the .pot, merge it into i18n/nb.po, list what lacks Norwegian",
    )
    pytest = commands.add_parser(
        "pytest",
        parents=[common],
        help="pytest-odoo on an existing database; other arguments go to pytest",
    )
    pytest.add_argument(
        "--db", default=os.environ.get("KOMPETANSE_DEMO_DB", "kompetanse_demo")
    )
    bench = commands.add_parser(
        "bench",
        parents=[common],
        help="build an agency-sized database and time the module against its "
        "SQL floors (not part of the tests)",
    )
    bench.add_argument("--employees", type=int, default=5000)
    bench.add_argument("--runs", type=int, default=5, help="runs per figure")
    bench.add_argument("--json", default=str(LOG_DIR / "bench.json"))
    bench.add_argument(
        "--replica",
        action="store_true",
        help="also serve it with workers on a private primary and a streaming "
        "replica, under concurrent clients",
    )
    bench.add_argument("--build-only", action="store_true")
    bench.add_argument(
        "--keep", action="store_true", help="keep the benchmark's database"
    )
    args, extra = parser.parse_known_args()
    if extra and args.command != "pytest":
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    complete_path()
    # SIGTERM, and SIGINT even where a background job ignores it, end a run like
    # Ctrl-C: Odoo is stopped, a throwaway database dropped, a private cluster stopped
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.default_int_handler)
    if args.command == "pytest":
        return cmd_pytest(args, extra)
    commands = {
        "demo": cmd_demo,
        "test": cmd_test,
        "lint": cmd_lint,
        "i18n": cmd_i18n,
        "bench": cmd_bench,
    }
    return commands[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
