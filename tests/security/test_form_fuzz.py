"""Generated posts to every form and JSON endpoint: never a 500, never a half-written object.

Which URLs take a POST is asked, not declared: every URL of the permission matrix
(which test_permission_matrix.py proves is every pattern of the resolver) gets an
empty POST as a role the matrix lets in; whatever does not answer 405 is an
endpoint. Its fields come from the pages: every page is read (following
redirects) as the roles the matrix lets in, and each `<form method="post">` (and
each script target, `hx-post` or `data-...-url`, with the fields of its form) is
filed under the URL name its action resolves to. So a view's fields are known
without knowing its form class; an endpoint no page shows a form for gets the
field names views read directly.

hypothesis then posts to each endpoint (tests/security/fuzz_values.py says what:
valid values mixed with empty, too long, NUL, "²", "①", out-of-range numbers,
impossible dates, options not offered, missing and repeated fields, and raw
bodies: JSON of any shape, malformed JSON, broken multipart). Each post runs in a
savepoint that is rolled back, with a checksum of every table before and after:
- no answer is a 5xx;
- an answer that refuses the post (a 4xx, a bound form with errors on the page,
  an error message) leaves every table as it was. A post that is accepted may
  write; it then answers with a redirect or a page without errors.
Examples are derandomised, so CI sees the same posts every run. To fuzz only some
URLs while working on them: FUZZ_URLS="logbook:entry_*" (fnmatch over URL names);
for a deeper run, FUZZ_SCALE=10 posts ten times as many examples per endpoint.
"""

import fnmatch
import os
import time
from collections import Counter
from dataclasses import dataclass, field

import pytest
from django.urls import Resolver404, resolve, reverse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.security import fuzz_values
from tests.security.fuzz_client import Post, Visitors, problem_of, refused
from tests.security.fuzz_forms import Field, Form, read_forms
from tests.security.matrix import ANONYMOUS, LOGIN, MATRIX, ROLES, subject_of

pytestmark = pytest.mark.django_db

EXAMPLES = 20  # per endpoint with a form
JSON_EXAMPLES = 25  # per endpoint that answers JSON
FORMLESS_EXAMPLES = 5  # per endpoint that takes a POST but no page shows a form for
# What views read from request.POST directly, for endpoints no page shows a form for.
DIRECT_FIELDS = ("action", "direction", "published", "done", "closed", "revealed", "item", "body")
# Fields page scripts send that are not in a form: agenda.js posts the rows' ids.
SCRIPT_FIELDS = {"programme:agenda_reorder": {"item": "data-item-id"}}
# Pages are read as these roles too (where the matrix lets them in), so forms only
# some roles see are found.
CRAWL_ROLES = (ANONYMOUS, "owner_a", "advisor_a", "facilitator")


# --- Who may post where ---------------------------------------------------------------


def _let_in(answer) -> bool:
    return answer not in (404, 405, LOGIN)


def permitted_role(key: str) -> str | None:
    """The first role (in ROLES order) the matrix lets use the URL."""
    row = MATRIX[key]
    answers = row.post if row.post is not None else row.get
    return next((role for role in ROLES if _let_in(answers[role])), None)


def _crawl_roles(key: str) -> list[str]:
    first = permitted_role(key)
    roles = [role for role in CRAWL_ROLES if MATRIX[key].get[role] == 200]
    return [first, *roles] if first and first not in roles else roles


def _path(world, key: str, role: str) -> str:
    if key.endswith(".ico"):  # an unnamed pattern (favicon.ico), keyed by its route
        return "/" + key
    return reverse(key, kwargs=world.url_kwargs(key, subject_of(role)) or None)


def _view_name(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


# --- Finding the endpoints and their forms -------------------------------------------


@dataclass
class SeenForm:
    form: Form
    role: str
    page: str  # the path that was asked for
    redirected: bool  # the form is on the page it redirected to


@dataclass
class Target:
    key: str
    role: str
    path: str
    forms: list[SeenForm]
    json: bool

    @property
    def examples(self) -> int:
        count = JSON_EXAMPLES if self.json else EXAMPLES if self.forms else FORMLESS_EXAMPLES
        return max(1, round(count * float(os.environ.get("FUZZ_SCALE", "1"))))


def _file_forms(index: dict[str, list[SeenForm]], role: str, path: str, response) -> None:
    if not response.get("Content-Type", "").startswith("text/html"):
        return
    final = response.redirect_chain[-1][0] if response.redirect_chain else path
    forms, data_ids = read_forms(final.split("?")[0], response.text)
    for form in forms:
        name = _view_name(form.action)
        if name is None:
            continue
        for field_name, attribute in SCRIPT_FIELDS.get(name, {}).items():
            options = data_ids.get(attribute, [])
            form.fields[field_name] = Field(field_name, "select", options=options, multiple=True)
        index.setdefault(name, []).append(SeenForm(form, role, path, bool(response.redirect_chain)))


def discover(world, visitors: Visitors, run: "Run") -> list[Target]:
    """Every URL that takes a POST from a role the matrix lets in, with its forms. The
    empty post that tells is checked like the generated ones."""
    pattern = os.environ.get("FUZZ_URLS", "*")
    keys = [k for k in MATRIX if "@" not in k and permitted_role(k) and fnmatch.fnmatch(k, pattern)]
    index: dict[str, list[SeenForm]] = {}
    for key in keys:
        for role in _crawl_roles(key):
            path = _path(world, key, role)
            _file_forms(index, role, path, visitors.get(role, path))
    targets = []
    for key in keys:
        role = permitted_role(key)
        path = _path(world, key, role)
        response, changed = visitors.post(role, path, Post())
        if response.status_code == 405:
            continue
        run.file(key, f"POST {path} as {role}", Post(), problem_of(response, changed))
        seen = index.get(key, [])
        forms = [s for s in seen if s.role == role] or seen
        is_json = response.get("Content-Type", "").startswith("application/json")
        targets.append(Target(key, role, path, forms, is_json))
    return targets


# --- The generated posts --------------------------------------------------------------


@dataclass
class Run:
    """What the posts found: each kind of problem with its shortest post, and counts."""

    found: dict[str, str] = field(default_factory=dict)
    outcomes: Counter = field(default_factory=Counter)
    posts: Counter = field(default_factory=Counter)
    seconds: dict[str, float] = field(default_factory=dict)

    def file(self, key: str, request: str, post: Post, problem: str | None) -> None:
        if problem:
            line = f"{request}: {problem}\n      {post!r}"
            kind = f"{key} {problem}"
            if kind not in self.found or len(line) < len(self.found[kind]):
                self.found[kind] = line


def _posts(target: Target) -> st.SearchStrategy[tuple[SeenForm | None, Post]]:
    def for_form(seen: SeenForm | None) -> st.SearchStrategy:
        form = seen.form if seen else Form(target.path)
        if not form.fields:
            form = Form(form.action, {n: Field(n, "hidden") for n in DIRECT_FIELDS})
        pairs = fuzz_values.payloads(form).map(lambda p: Post(pairs=p, multipart=form.multipart))
        raw = fuzz_values.raw_bodies(form).map(lambda body: Post(raw=body))
        share = 3 if target.json else 1  # of 10 posts, raw bodies
        chosen = st.integers(0, 9).flatmap(lambda n: raw if n < share else pairs)
        return chosen.map(lambda post: (seen, post))

    return st.sampled_from(target.forms or [None]).flatmap(for_form)


def _outcome(response, changed) -> str:
    if response.status_code >= 500:
        return "5xx"
    if refused(response):
        return "refused"
    return "accepted, wrote" if changed else "accepted, wrote nothing"


def fuzz(target: Target, visitors: Visitors, run: Run) -> None:
    """Post the target's examples; a problem is filed, then hypothesis shrinks it."""

    @settings(
        max_examples=target.examples,
        deadline=None,
        derandomize=True,
        database=None,
        phases=(Phase.generate, Phase.shrink),
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
    )
    @given(_posts(target))
    def post_one(example):
        seen, post = example
        # The form's own action where the role saw it (the same view, maybe another
        # object); raw bodies go to the world's URL.
        own = seen is not None and seen.role == target.role and post.raw is None
        path = seen.form.action if own else target.path
        first_get = seen.page if own and seen.redirected else None
        try:
            response, changed = visitors.post(target.role, path, post, first_get=first_get)
            problem = problem_of(response, changed)
            run.outcomes[_outcome(response, changed)] += 1
        except Exception as error:  # the test's own machinery: reported, never hidden
            problem = f"the test failed: {type(error).__name__}: {error}"
        run.posts[target.key] += 1
        run.file(target.key, f"POST {path} as {target.role}", post, problem)
        if problem:
            raise AssertionError(problem)

    begun = time.monotonic()
    try:
        post_one()
    except Exception as error:
        # A failing post is filed above; anything else hypothesis raises is filed here.
        if not any(kind.startswith(f"{target.key} ") for kind in run.found):
            run.found[f"{target.key} hypothesis"] = f"{target.key}: {type(error).__name__}: {error}"
    run.seconds[target.key] = time.monotonic() - begun


def test_no_generated_post_gets_a_500_or_leaves_a_half_written_object(
    permission_world, settings, caplog, fuzz_report
):
    # Hundreds of refused posts are the point; only errors are worth logging.
    caplog.set_level("ERROR", logger="django.request")
    caplog.set_level("WARNING", logger="weasyprint")
    settings.MEDIA_ROOT = str(permission_world.media_root)
    settings.BIFROST_REQUIRE_FACILITATOR_2FA = False
    # Login and sign-up are posted to hundreds of times: with allauth's rate limits
    # on, nearly all would be a 429 and the forms behind them would go unexercised.
    settings.ACCOUNT_RATE_LIMITS = False
    started = time.monotonic()
    visitors, run = Visitors(permission_world), Run()
    targets = discover(permission_world, visitors, run)
    for target in targets:
        fuzz(target, visitors, run)
    fuzz_report[:] = _summary(targets, run, time.monotonic() - started)
    if run.found:
        pytest.fail(
            f"{len(run.found)} kinds of posts got a 5xx or left rows behind:\n  "
            + "\n  ".join(run.found[kind] for kind in sorted(run.found)),
            pytrace=False,
        )


def _summary(targets: list[Target], run: Run, total: float) -> list[str]:
    groups = {
        "with a form": [t for t in targets if t.forms and not t.json],
        "answering JSON": [t for t in targets if t.json],
        "without a form": [t for t in targets if not t.forms and not t.json],
    }
    counts = ", ".join(
        f"{len(group)} {name} ({sum(run.posts[t.key] for t in group)} posts)"
        for name, group in groups.items()
    )
    slowest = sorted(run.seconds, key=run.seconds.__getitem__, reverse=True)[:3]
    return [
        f"{len(targets)} endpoints take a POST: {counts}; {total:.0f} s in all",
        "answers: " + ", ".join(f"{n} {outcome}" for outcome, n in run.outcomes.most_common()),
        "JSON: " + ", ".join(t.key for t in groups["answering JSON"]),
        "slowest: " + ", ".join(f"{key} {run.seconds[key]:.1f} s" for key in slowest),
    ]
