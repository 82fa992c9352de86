"""The dependency rules of DESIGN.md, checked on the source: they are the architecture."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "copdesk"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _modules("core"), ids=lambda p: p.name)
def test_core_imports_no_qt_store_services_views_or_cli(path: Path) -> None:
    layers = ("copdesk.store", "copdesk.services", "copdesk.views", "copdesk.cli", "copdesk.app")
    bad = {name for name in _imports(path) if name.startswith(("PySide6", "shiboken6", *layers))}
    assert bad == set()


@pytest.mark.parametrize("path", _modules("services"), ids=lambda p: p.name)
def test_services_import_no_qt_views_or_cli(path: Path) -> None:
    bad = {
        name
        for name in _imports(path)
        if name.startswith(("PySide6", "shiboken6", "copdesk.views", "copdesk.cli", "copdesk.app"))
    }
    assert bad == set()


@pytest.mark.parametrize("path", _modules("store"), ids=lambda p: p.name)
def test_store_never_imports_views(path: Path) -> None:
    assert not {n for n in _imports(path) if n.startswith(("copdesk.views", "PySide6", "copdesk.cli", "copdesk.app"))}


@pytest.mark.parametrize("path", _modules("cli"), ids=lambda p: p.name)
def test_cli_never_imports_views(path: Path) -> None:
    assert not {n for n in _imports(path) if n.startswith(("copdesk.views", "PySide6"))}


@pytest.mark.parametrize("path", _modules("views"), ids=lambda p: p.name)
def test_views_never_open_the_database_or_find_the_app(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert "open_database" not in source
    assert "QApplication.instance()" not in source


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_the_package_has_no_import_cycles() -> None:
    """Every import counts, those inside functions too: a cycle hidden in a function is still a cycle."""
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py") if "forms" not in path.parts}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[name] = (found & modules.keys()) - {name}
    cycles = []
    for start, imported in graph.items():
        seen = {start}
        stack = list(imported)
        while stack:
            module = stack.pop()
            if module == start:
                cycles.append(start)
                break
            if module not in seen:
                seen.add(module)
                stack.extend(graph[module])
    assert cycles == []


# What views may use from copdesk.store: reads only (and the store's errors). Every change a view makes goes
# through a service (copdesk.services) and the window's WriteGuard. A new read may be added here; the test
# below then checks that it writes nothing, directly or through what it calls.
VIEW_READS: dict[str, set[str]] = {
    "actions": {"get_action"},
    "agendas": {"team_template", "template_for"},
    "backup_catalogue": {"BackupFile", "folder_blocked", "list_backups", "verify_restorable"},
    "carry_over": {"FollowUp", "actions_agreed_in", "follow_up_actions"},
    "cpd": {"cpd_evidence"},
    "discard": {"DiscardPreview", "DiscardRefused", "discardable_session", "preview_discard"},
    "contacts": {"contact_entries"},
    "errors": {"StoreError", "WriteRefusedError"},
    "feedback": {"quarter_feedback", "self_assessment"},
    "issues": {"escalations_for_issue", "get_escalation", "get_issue"},
    "live_acts": {"Act", "Place", "Placing", "TakenOff", "held_guests", "placing", "taken_off"},
    "location": {"check_output_path", "followed", "same_file", "shown"},
    "migrations": {"latest_version"},
    "notes": {"notes", "session_text"},
    "participation": {"MarkerRow", "contributions", "markers", "team_history"},
    "planning": {
        "next_run_session",
        "next_session_plan",
        "plans_on_attended_days",
        "presenter_turns",
        "recent_formats",
        "session_roles",
    },
    "quarterly": {"feedback_naming_colleagues", "quarter_figures", "team_summary"},
    "questions": {"CustomQuestionRow", "asked_in_session", "custom_questions", "favourites", "team_ask_counts"},
    "records": {"session_record"},
    "recurring": {
        "HistoryEntry",
        "issue_history",
        "issue_summary",
        "held_in_session",
        "recurring_threshold",
        "team_escalations",
        "unresolved_issues",
    },
    "review": {"planning_ticks", "review_pack"},
    "schedule": {
        "DUE_NOW_WINDOW",
        "local_wall_time",
        "next_due",
        "next_session",
        "next_session_date",
        "team_invitations",
    },
    "search": {"IssueSuggestion", "NoteHit", "search_notes", "search_notes_beside", "suggest_issues"},
    "series": {"get_series", "series_for_team"},
    "session_lifecycle": {"SessionCounts", "planned_session_near", "segment_outcomes", "summary_counts"},
    "sessions": {
        "arrivals",
        "attendee_ids",
        "get_session",
        "last_recorded_at",
        "list_sessions",
        "live_sessions",
        "run_by_the_facilitator",
        "segments",
        "timer_state",
        "why_attendance_stays",
    },
    "settings": {"DEFAULTS", "QUIET_AFTER_MINUTES", "get_int_setting", "is_demo"},
    "teams": {"get_member", "get_team", "list_members", "list_teams", "team_count"},
    "time_away": {"away_now", "spells"},
}
_WRITING_METHODS = {
    "insert",
    "insert_all",
    "upsert",
    "upsert_all",
    "update",
    "delete",
    "delete_where",
    "atomic",
    "executescript",
    "executemany",
    "commit",
    "transform",
    "create",
    "add_column",
    "enable_fts",
}
_WRITING_SQL = re.compile(r"\b(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b")  # the store writes SQL in capitals


def _store_names_used(path: Path) -> set[tuple[str, str]]:
    """(store module, name) for every name a module uses from copdesk.store, by ``from`` import or attribute."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: dict[str, str] = {}
    used: set[tuple[str, str]] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            used.update(("", alias.name) for alias in node.names if alias.name.startswith("copdesk.store"))
        elif isinstance(node, ast.ImportFrom) and node.module == "copdesk.store":
            modules.update({alias.asname or alias.name: alias.name for alias in node.names})
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("copdesk.store."):
            used.update((node.module.rsplit(".", 1)[1], alias.name) for alias in node.names)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules:
            used.add((modules[node.value.id], node.attr))
    return used


@pytest.mark.parametrize("path", _modules("views"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_views_use_only_the_store_reads_on_the_list(path: Path) -> None:
    used = _store_names_used(path)
    assert {(module, name) for module, name in used if name not in VIEW_READS.get(module, set())} == set()


# What the CLI may call in copdesk.store that writes: opening the database (which migrates it). Every other change
# it makes is a service's, in the service's one transaction, as the window's are.
CLI_STORE_WRITES = {("connection", "open_database")}


@pytest.mark.parametrize("path", _modules("cli"), ids=lambda p: p.name)
def test_the_cli_changes_data_only_through_services(path: Path) -> None:
    used = {(module, name) for module, name in _store_names_used(path) if (PACKAGE / "store" / f"{module}.py").exists()}
    assert {(module, name) for module, name in used if _writes(module, name, set())} - CLI_STORE_WRITES == set()


class _StoreModule:
    """A store module's top-level functions and string constants, and what each function calls in the store."""

    def __init__(self, name: str) -> None:
        self.tree = ast.parse((PACKAGE / "store" / f"{name}.py").read_text(encoding="utf-8"))
        self.functions = {n.name: n for n in self.tree.body if isinstance(n, ast.FunctionDef)}
        self.constants = {
            target.id: node.value
            for node in self.tree.body
            if isinstance(node, ast.Assign)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        self.imported: dict[str, tuple[str, str | None]] = {}  # local name -> (store module, name or None)
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ImportFrom) and node.module == "copdesk.store":
                self.imported.update({a.asname or a.name: (a.name, None) for a in node.names})
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("copdesk.store."):
                module = node.module.rsplit(".", 1)[1]
                self.imported.update({a.asname or a.name: (module, a.name) for a in node.names})

    def sql_of(self, node: ast.expr) -> str:
        if isinstance(node, ast.Name) and node.id in self.constants:
            return self.sql_of(self.constants[node.id])
        return ast.unparse(node)

    def writes_directly(self, function: ast.FunctionDef) -> bool:
        for node in ast.walk(function):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in _WRITING_METHODS:
                return True
            is_execute = isinstance(func, ast.Attribute) and func.attr == "execute" and node.args
            if is_execute and _WRITING_SQL.search(self.sql_of(node.args[0])):
                return True
            if isinstance(func, ast.Name) and func.id in ("guarded_write", "transaction"):
                return True
        return False

    def calls(self, function: ast.FunctionDef) -> set[tuple[str, str]]:
        found: set[tuple[str, str]] = set()
        for node in ast.walk(function):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Name):
                module, name = self.imported.get(func.id, ("", func.id))
                if name is not None:
                    found.add((module, name))
            elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                module, name = self.imported.get(func.value.id, ("", ""))
                if module and name is None:
                    found.add((module, func.attr))
        return found


def _writes(module: str, name: str, seen: set[tuple[str, str]]) -> bool:
    if (module, name) in seen:
        return False
    seen.add((module, name))
    store = _StoreModule(module)
    function = store.functions.get(name)
    if function is None:
        return False  # a class, a constant or an error
    if store.writes_directly(function):
        return True
    return any(_writes(callee or module, callee_name, seen) for callee, callee_name in store.calls(function))


@pytest.mark.parametrize(("module", "name"), sorted((m, n) for m, names in VIEW_READS.items() for n in names), ids=str)
def test_the_reads_views_may_use_write_nothing(module: str, name: str) -> None:
    assert not _writes(module, name, set())


def test_the_write_detector_sees_the_store_writers() -> None:
    """The check above would pass on anything if the detector went blind: it must find these writers."""
    for module, name in [
        ("teams", "add_member"),
        ("notes", "save_session_text"),
        ("sessions", "end_session"),
        ("actions", "delete_action"),
        ("review", "set_planning_tick"),
        ("sessions", "add_latecomers"),
    ]:
        assert _writes(module, name, set()), (module, name)
