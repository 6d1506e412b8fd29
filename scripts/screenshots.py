#!/usr/bin/env python3
# Copyright 2026 Kompetanse contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Take screenshots of the kompetanse_module's main screens from a running demo.

Logs the demo users in over JSON-RPC and drives a headless Chromium over the
DevTools protocol, so that the pictures in static/description/screenshots can be
retaken whenever the screens change. Start the demo first (scripts/demo.sh).
"""

import argparse
import base64
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = "kompetanse_module/static/description/screenshots"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# the web client has rendered an action and nothing is loading any more
IDLE = (
    "!!(document.querySelector('.o_action_manager .o_view_controller') && "
    "!document.querySelector('.o_loading_indicator, .o_blockUI'))"
)
# what is on the page besides the view: the login form, error dialogs, warnings
PROBLEMS = """(() => {
    const text = (el) => el.innerText.trim().replace(/\\s+/g, ' ').slice(0, 300);
    const found = [];
    if (document.querySelector('.oe_login_form, form.oe_signup_form')
            || location.pathname.startsWith('/web/login')) {
        found.push('the login page, not the web client');
    }
    for (const el of document.querySelectorAll('.o_dialog .modal-content')) {
        found.push('dialog: ' + text(el));
    }
    for (const el of document.querySelectorAll('.o_notification.border-danger, '
            + '.o_notification.border-warning, .o_notification_manager .bg-danger')) {
        found.push('notification: ' + text(el));
    }
    return found;
})()"""
OPEN_FIRST = """(() => {
    const el = document.querySelector('.o_action_manager .o_data_row .o_data_cell, '
        + '.o_action_manager .o_kanban_record:not(.o_kanban_ghost)');
    if (el) { el.click(); }
    return !!el;
})()"""


@dataclass
class Screen:
    """One screenshot: who looks at what. `view` is the view type waited for;
    `open_first` clicks the first record of the list or kanban; `record` finds the
    record to open as that user: (model, domain with "uid" for the user's id);
    `busiest_month` pages a calendar to the month when most records of (model,
    start field, stop field) run, so that the picture does not depend on today;
    `tab` opens the form's notebook page of that name."""

    name: str
    login: str
    path: str
    caption: str
    view: str = ""
    open_first: bool = False
    record: tuple | None = None
    busiest_month: tuple | None = None
    tab: str = ""


SCREENS = [
    Screen(
        "01_progress_top_leader", "kari", "/odoo/kompetanse",
        "Target picture progress, the first screen (Kari, top leader)",
    ),
    Screen(
        "02_gap_summary_top_leader", "kari",
        "/odoo/action-kompetanse_module.kompetanse_gap_summary_action",
        "Gap summary across the organisation (Kari, top leader)",
    ),
    Screen(
        "03_target_pictures_hr", "hanne", "/odoo/malbilde",
        "The target pictures (Hanne, HR)", view="list",
    ),
    Screen(
        "04_target_picture_form_hr", "hanne", "/odoo/malbilde",
        "A target picture with its prioritised competences (Hanne, HR)",
        view="form", open_first=True,
    ),
    Screen(
        "05_needs_kanban_hr", "hanne",
        "/odoo/action-kompetanse_module.kompetanse_need_action?view_type=kanban",
        "Competence needs from the units, by stage (Hanne, HR)", view="kanban",
    ),
    Screen(
        "06_methods_hr", "hanne", "/odoo/metoder",
        "The methods to choose from: develop, recruit, hire in (Hanne, HR)",
    ),
    Screen(
        "07_measures_calendar_hr", "hanne", "/odoo/tiltak?view_type=calendar",
        "Measures in the calendar (Hanne, HR)", view="calendar",
        busiest_month=("kompetanse.measure", "date_start", "date_deadline"),
    ),
    Screen(
        "08_measures_pivot_hr", "hanne", "/odoo/tiltak?view_type=pivot",
        "Cost of the measures by method and unit (Hanne, HR)", view="pivot",
    ),
    Screen(
        "09_plan_form_manager", "sofie",
        "/odoo/action-kompetanse_module.kompetanse_plan_action",
        "The competence plan of her unit (Sofie, manager)", view="form",
        record=("kompetanse.plan", [("department_id.manager_id.user_id", "=", "uid")]),
    ),
    Screen(
        "10_gap_matrix_manager", "sofie", "/odoo/gap",
        "Gap matrix: target level against the employees' skills (Sofie, manager)",
    ),
    Screen(
        "11_my_gaps_employee", "lars", "/odoo/mine-gap",
        "An employee's own gaps (Lars, employee)",
    ),
    Screen(
        "12_my_development_employee", "lars", "/odoo/min-utvikling",
        "His development plan: goals from his gaps, their progress, activities "
        "(Lars, employee)",
        view="form", open_first=True,
    ),
    Screen(
        "13_conversation_manager", "sofie", "/odoo/samtaler",
        "A conversation about tasks and competence, what was agreed ready for "
        "the plan (Sofie, manager)",
        view="form",
        record=(
            "kompetanse.conversation",
            [("employee_id.name", "=", "Lars Johansen"), ("state", "=", "planned")],
        ),
    ),
    Screen(
        "14_conversation_coverage_manager", "sofie", "/odoo/samtaledekning",
        "Conversations this year against the number asked, per manager "
        "(Sofie, manager)",
        view="pivot",
    ),
    Screen(
        "15_annual_cycle_hr", "hanne", "/odoo/arshjul",
        "The årshjul: the year's events beside the deadlines of plans and "
        "measures (Hanne, HR)",
        view="form",
        record=("kompetanse.cycle", [("year", "=", date.today().year)]),
    ),
    Screen(
        "16_appraisal_competence_manager", "sofie",
        "/odoo/action-hr_appraisal_oca.hr_appraisal_action_form",
        "An appraisal's competence: skills assessed, roles, gaps, goals and this "
        "year's conversations (Sofie, manager)",
        view="form", tab="kompetanse",
        record=("hr.appraisal", [("employee_id.name", "=", "Eva Lie")]),
    ),
    Screen(
        "17_applicants_ranked_hr", "hanne", "/odoo/sokere-etter-kompetanse",
        "Applicants ranked by the level-aware match, beside Odoo's skill count "
        "(Hanne, HR and recruiter)",
        view="list",
    ),
    Screen(
        "18_applicant_match_hr", "hanne",
        "/odoo/action-hr_recruitment.crm_case_categ0_act_job",
        "An applicant's match per required skill: required, assessed, gap "
        "(Hanne, HR and recruiter)",
        view="form", tab="kompetanse_match",
        record=("hr.applicant", [("partner_name", "=", "Tone Myhre")]),
    ),
    Screen(
        "19_interview_scores_manager", "sofie", "/odoo/intervjuvurderinger",
        "Interview scores: a level per question of the role's template (Sofie, "
        "interviewer and hiring manager)",
        view="form",
        record=(
            "kompetanse.interview",
            [("applicant_id.partner_name", "=", "Erik Solheim")],
        ),
    ),
    Screen(
        "20_position_internal_hr", "hanne",
        "/odoo/action-hr.action_hr_job",
        "A position: its competence from its roles, and the employees of other "
        "units who already have it (Hanne, HR)",
        view="form", tab="kompetanse_competence",
        record=("hr.job", [("name", "=", "Saksbehandler (fast stilling)")]),
    ),
    Screen(
        "21_hiring_in_hr", "hanne", "/odoo/innleie",
        "Hiring-in: cost, period, and the one past its end without its knowledge "
        "transfer assessed (Hanne, HR)",
        view="list",
    ),
    Screen(
        "22_develop_recruit_hire_in_top_leader", "kari",
        "/odoo/utvikle-rekruttere-leie-inn",
        "Develop, recruit and hire in side by side per target picture line "
        "(Kari, top leader)",
        view="pivot",
    ),
    Screen(
        "23_labour_market_hr", "hanne", "/odoo/arbeidsmarked",
        "The labour market per skill, the one older than a year flagged "
        "(Hanne, HR)",
        view="list",
    ),
    Screen(
        "24_competence_lost_hr", "hanne", "/odoo/kompetanse-tapt",
        "Competence lost with the leavers, and the target picture lines whose "
        "coverage fell (Hanne, HR)",
        view="list",
    ),
    Screen(
        "25_turnover_hr", "hanne", "/odoo/turnover",
        "Turnover per unit and year (Hanne, HR)",
        view="pivot",
    ),
    Screen(
        "26_arena_manager", "sofie", "/odoo/arenaer",
        "An arena for experience exchange and its sessions (Sofie, manager)",
        view="form", open_first=True,
    ),
]  # fmt: skip


def say(message):
    print(f"kompetanse: {message}", flush=True)


def die(message, code=2):
    say(message)
    sys.exit(code)


def require_modules():
    missing = []
    needed = (("requests", "requests"), ("websocket", "websocket-client"))
    for module, package in needed:
        try:
            __import__(module)
        except ImportError:
            missing.append(package)
    if missing:
        die(
            f"{sys.executable} lacks {' and '.join(missing)}: install "
            f"{' '.join(missing)} into it (scripts/demo.sh installs websocket-client)",
            3,
        )


def find_browser(name):
    for candidate in (name,) if name else BROWSERS:
        path = shutil.which(candidate)
        if path:
            return path
    die(
        "no Chromium here: install the Debian package chromium (apt-get install "
        "chromium) or name a browser with --browser",
        3,
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- Odoo over JSON-RPC ------------------------------------------------------


class OdooError(Exception):
    pass


class OdooSession:
    """A logged-in requests session: its session_id cookie is handed to Chromium."""

    def __init__(self, url, db, login, password):
        import requests

        self.url = url
        self.http = requests.Session()
        try:
            result = self.call(
                "/web/session/authenticate",
                {"db": db, "login": login, "password": password},
            )
        except requests.ConnectionError:
            die(
                f"no Odoo answers at {url}: start the demo first, for example "
                f"scripts/demo.sh --db {db} (or give --url)"
            )
        except OdooError as error:
            result = None
            reason = str(error).split(": ", 1)[-1]
        else:
            reason = "wrong login or password"
        if not result or not result.get("uid"):
            die(
                f"{login} could not log in to the database {db} at {url} ({reason}): "
                "is it a demo database of scripts/demo.sh (--db), and did its demo "
                "data install (Odoo logs 'demo data failed to install' otherwise)?"
            )
        self.uid = result["uid"]
        self.session_id = self.http.cookies.get("session_id")
        if not self.session_id:
            die(f"Odoo at {url} set no session_id cookie for {login}")

    def call(self, route, params):
        response = self.http.post(
            self.url + route,
            json={"jsonrpc": "2.0", "method": "call", "params": params},
            timeout=60,
        )
        if response.status_code == 404:
            die(f"{self.url}{route} is not found: is --url an Odoo 18, --db right?")
        response.raise_for_status()
        body = response.json()
        if body.get("error"):
            error = body["error"]
            message = error.get("data", {}).get("message") or error.get("message")
            raise OdooError(f"{route}: {message}")
        return body.get("result")

    def search_read(self, model, fields):
        return self.call(
            f"/web/dataset/call_kw/{model}/search_read",
            {
                "model": model,
                "method": "search_read",
                "args": [[]],
                "kwargs": {"fields": fields},
            },
        )

    def search(self, model, domain):
        domain = [
            (field, op, self.uid if value == "uid" else value)
            for field, op, value in domain
        ]
        return self.call(
            f"/web/dataset/call_kw/{model}/search",
            {
                "model": model,
                "method": "search",
                "args": [domain],
                "kwargs": {"limit": 1, "order": "id"},
            },
        )


# --- Chromium over the DevTools protocol -------------------------------------


class Browser:
    """A headless Chromium of its own (fresh profile), ended with close()."""

    def __init__(self, executable, width, height):
        self.profile = tempfile.mkdtemp(prefix="kompetanse-shots-")
        self.port = free_port()
        cmd = [
            executable,
            "--headless=new",
            f"--remote-debugging-port={self.port}",
            "--remote-allow-origins=*",
            f"--user-data-dir={self.profile}",
            f"--window-size={width},{height}",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-gpu",
            "--disable-extensions",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--mute-audio",
        ]
        if os.geteuid() == 0:
            cmd.append("--no-sandbox")  # Chromium refuses to run as root otherwise
        self.log = open(Path(self.profile) / "chromium.log", "wb")
        self.proc = subprocess.Popen(
            [*cmd, "about:blank"],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, killed as one
        )
        self.ws = None
        self.next_id = 0
        self.events = []
        self._connect(width, height)

    def _connect(self, width, height):
        import requests
        import websocket

        deadline = time.monotonic() + 30
        target = None
        while time.monotonic() < deadline and self.proc.poll() is None:
            try:
                pages = requests.get(
                    f"http://127.0.0.1:{self.port}/json/list", timeout=2
                ).json()
                target = next((p for p in pages if p.get("type") == "page"), None)
                if target:
                    break
            except (requests.RequestException, ValueError):
                pass
            time.sleep(0.3)
        if not target:
            self.log.flush()
            tail = (Path(self.profile) / "chromium.log").read_text(errors="replace")
            self.close()  # no browser or profile left behind
            die(f"Chromium did not start its DevTools endpoint:\n{tail[-2000:]}", 3)
        self.ws = websocket.create_connection(
            target["webSocketDebuggerUrl"], timeout=60, suppress_origin=True
        )
        for method in ("Page.enable", "Runtime.enable", "Network.enable"):
            self.send(method)
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def send(self, method, **params):
        """Calls a DevTools method and returns its result; events that arrive
        meanwhile are kept in self.events."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        self.ws.send(json.dumps(message))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error'].get('message')}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def evaluate(self, expression):
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True
        )
        if "exceptionDetails" in result:
            return None
        return result.get("result", {}).get("value")

    def set_session(self, url, session_id):
        self.send("Network.clearBrowserCookies")
        self.send(
            "Network.setCookie",
            name="session_id",
            value=session_id,
            url=url,
            path="/",
            httpOnly=True,
        )

    def navigate(self, url):
        # mark the old document, so that its view is not taken for the new one
        self.evaluate("window.__kompetanseStale = true")
        result = self.send("Page.navigate", url=url)
        if result.get("errorText"):
            raise RuntimeError(f"could not open {url}: {result['errorText']}")

    def wait_idle(self, view, timeout, settle):
        """Polls until the web client shows a view (of the given type) and nothing
        loads, twice in a row, then lets the rendering settle."""
        condition = f"!window.__kompetanseStale && {IDLE}"
        if view:
            condition += (
                f" && !!document.querySelector('.o_action_manager .o_{view}_view')"
            )
        deadline = time.monotonic() + timeout
        streak = 0
        while time.monotonic() < deadline:
            streak = streak + 1 if self.evaluate(condition) else 0
            if streak >= 2:
                time.sleep(settle)
                if self.evaluate(condition):
                    return True
                streak = 0
            time.sleep(0.25)
        return False

    def screenshot(self, path, fmt):
        params = {"format": fmt, "captureBeyondViewport": False}
        if fmt == "jpeg":
            params["quality"] = 80
        data = self.send("Page.captureScreenshot", **params)["data"]
        path.write_bytes(base64.b64decode(data))

    def take_errors(self):
        """JavaScript exceptions and console errors since the last call."""
        found = []
        for event in self.events:
            params = event.get("params", {})
            if event["method"] == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                text = details.get("exception", {}).get("description") or details.get(
                    "text"
                )
                found.append(f"exception: {str(text).splitlines()[0]}")
            elif event["method"] == "Runtime.consoleAPICalled" and params.get(
                "type"
            ) in ("error", "assert"):
                args = params.get("args", [])
                text = " ".join(
                    str(a.get("value", a.get("description", ""))) for a in args
                )
                found.append(f"console error: {text.splitlines()[0] if text else ''}")
        self.events = []
        return found

    def close(self):
        if self.ws:
            try:
                self.ws.close()
            except Exception:  # the browser may be gone already
                pass
        # the whole process group: the renderers and helpers too, even when the
        # main process has ended already
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                continue
            time.sleep(0.5)  # let the helpers follow their parent, else kill them
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)


# --- the run -----------------------------------------------------------------


def month_index(day):
    return day.year * 12 + day.month - 1


def busiest_month(session, model, start, stop):
    """The month (as month_index) in which the most records run, the first of
    equals; None without records."""
    spans = []
    for record in session.search_read(model, [start, stop]):
        if record.get(start):
            first = date.fromisoformat(record[start])
            last = date.fromisoformat(record.get(stop) or record[start])
            spans.append(
                (month_index(first), max(month_index(first), month_index(last)))
            )
    if not spans:
        return None
    first = min(a for a, _ in spans)
    last = min(max(b for _, b in spans), first + 240)
    return max(
        range(first, last + 1),
        key=lambda month: (sum(a <= month <= b for a, b in spans), -month),
    )


def page_calendar(browser, month, args):
    """Clicks the calendar's next or previous button until it shows the month."""
    steps = month - month_index(date.today())
    selector = f".o_calendar_button_{'next' if steps > 0 else 'prev'}"
    click = f"""(() => {{
        const button = document.querySelector('{selector}');
        if (button) {{ button.click(); }}
        return !!button;
    }})()"""
    for _ in range(abs(steps)):
        if not browser.evaluate(click):
            return False
        time.sleep(0.3)
    return browser.wait_idle("calendar", args.timeout, args.settle)


def take(browser, session, screen, args, out):
    url = args.url + screen.path
    if screen.record:
        model, domain = screen.record
        ids = session.search(model, domain)
        if not ids:
            return None, [f"no {model} matches {domain} for {screen.login}"]
        path, _, query = screen.path.partition("?")
        url = f"{args.url}{path}/{ids[0]}" + (f"?{query}" if query else "")
    browser.navigate(url)
    first_view = "" if screen.open_first else screen.view
    problems = []
    ready = browser.wait_idle(first_view, args.timeout, args.settle)
    if ready and screen.open_first:
        if browser.evaluate(OPEN_FIRST):
            ready = browser.wait_idle(screen.view or "form", args.timeout, args.settle)
        else:
            problems.append("no record to open: the list is empty")
    if ready and screen.tab:
        opened = browser.evaluate(
            f"(() => {{ const tab = document.querySelector("
            f"'.o_notebook a[name={screen.tab}]'); if (tab) {{ tab.click(); }}"
            f" return !!tab; }})()"
        )
        if not opened:
            problems.append(f"no tab {screen.tab}")
        ready = browser.wait_idle("form", args.timeout, args.settle)
    if ready and screen.busiest_month:
        month = busiest_month(session, *screen.busiest_month)
        if month is not None and not page_calendar(browser, month, args):
            problems.append("could not page the calendar")
    if not ready:
        problems.append(f"not loaded after {args.timeout:.0f} s")
    problems += browser.evaluate(PROBLEMS) or []
    problems += browser.take_errors()
    file = out / f"{screen.name}.{'jpg' if args.format == 'jpeg' else 'png'}"
    if problems:
        # keep the picture to look at, but not over the one that was right
        file = file.with_name(f"{file.stem}.problem{file.suffix}")
    browser.screenshot(file, args.format)
    return file, problems


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Screens: "
        + "; ".join(f"{s.name} ({s.login})" for s in SCREENS)
        + ". The demo users' password is their login.",
    )
    parser.add_argument(
        "--url",
        default=os.environ.get("KOMPETANSE_URL", "http://127.0.0.1:8069"),
        help="the running Odoo (default %(default)s)",
    )
    parser.add_argument(
        "--db",
        default=os.environ.get("KOMPETANSE_DEMO_DB", "kompetanse_demo"),
        help="its database with the demo data (default %(default)s)",
    )
    parser.add_argument(
        "--out",
        default=DEFAULT_OUT,
        help="folder for the pictures, relative to the repository (default "
        "%(default)s)",
    )
    parser.add_argument("--width", type=int, default=1440, help="default %(default)s")
    parser.add_argument("--height", type=int, default=900, help="default %(default)s")
    parser.add_argument(
        "--format",
        choices=("png", "jpeg"),
        default="png",
        help="png (default), or jpeg at quality 80 when the pictures grow too big",
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help="take only the screens whose name contains NAME (repeatable), "
        "for example --only 04 --only plan",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=60,
        help="seconds to wait for a screen to load (default %(default)s)",
    )
    parser.add_argument(
        "--settle",
        type=float,
        default=1.0,
        help="seconds to let a loaded screen settle (default %(default)s)",
    )
    parser.add_argument("--browser", help="the Chromium to run (default: on PATH)")
    return parser.parse_args()


def main():
    args = parse_args()
    args.url = args.url.rstrip("/")
    screens = [
        s for s in SCREENS if not args.only or any(part in s.name for part in args.only)
    ]
    if not screens:
        die(f"no screen matches --only {' '.join(args.only)}")
    require_modules()
    executable = find_browser(args.browser)
    out = Path(args.out)
    if not out.is_absolute():
        out = ROOT / out
    out.mkdir(parents=True, exist_ok=True)
    # log everybody in first: a wrong --url or --db ends here, before Chromium
    sessions = {}
    for screen in screens:
        if screen.login not in sessions:
            sessions[screen.login] = OdooSession(
                args.url, args.db, screen.login, screen.login
            )
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.default_int_handler)
    written, troubled = [], []
    browser = Browser(executable, args.width, args.height)
    try:
        current = None
        for screen in screens:
            session = sessions[screen.login]
            if screen.login != current:
                browser.set_session(args.url, session.session_id)
                current = screen.login
            try:
                file, problems = take(browser, session, screen, args, out)
            except OdooError as error:
                file, problems = None, [str(error)]
            if file:
                written.append(file)
                say(f"{file.name}: {screen.caption}")
            for problem in problems:
                say(f"  problem on {screen.name}: {problem}")
            if problems:
                troubled.append(screen.name)
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    finally:
        browser.close()
    total = sum(f.stat().st_size for f in written)
    say(f"wrote {len(written)} screenshots ({total / 1e6:.1f} MB) to {out}:")
    for file in written:
        print(f"  {file.relative_to(ROOT) if file.is_relative_to(ROOT) else file}")
    if args.format == "png" and total > 3e6:
        say("they take more than 3 MB: consider --format jpeg")
    if troubled:
        say(f"look at these, something was wrong: {', '.join(troubled)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
