"""Every exercise's own solution passes its own check (the spaCy course's habit): the solution
text in ``data/exercises/*.json`` is executed, in the namespace the notebooks give a learner,
and a solution that drifts from its check fails here before a learner meets it."""

import pytest

from rhetoric.exercises import registry

CODE = sorted(i for i, e in registry.exercises().items() if e.kind == "code")
CHOICE = sorted(i for i, e in registry.exercises().items() if e.kind == "choice")


def _learner_namespace():
    ns: dict = {}
    exec("from rhetoric.course import *\nfrom rhetoric.exercises import *\n"
         "analysis = seed_analysis()\ntext = analysis.text\n", ns)
    return ns


def test_there_are_exercises_of_both_kinds():
    assert len(CODE) >= 8 and len(CHOICE) >= 5


@pytest.mark.parametrize("ex_id", CODE)
def test_code_solution_passes_its_check(ex_id):
    ex = registry.get(ex_id)
    ns = _learner_namespace()
    seen = []
    ns["check"] = lambda i, answer=None: seen.append(registry.check(i, answer, record=False))
    exec(ex.solution, ns)
    assert seen, f"the solution of {ex_id} never calls check()"
    assert all(fb.kind == "correct" for fb in seen), [fb.to_text()[:200] for fb in seen]


@pytest.mark.parametrize("ex_id", CHOICE)
def test_choice_key_passes_and_every_other_option_fails(ex_id):
    ex = registry.get(ex_id)
    assert registry.check(ex_id, ex.answer, record=False).kind == "correct"
    for option in ex.options:
        if option != ex.answer:
            assert registry.check(ex_id, option, record=False).kind != "correct", option
