"""Property-based fuzzing of the REST API against its own OpenAPI schema: never a 5xx.

Schemathesis generates the requests from `/openapi.json`; Hypothesis drives them here directly
(each API operation, 40 examples)."""

from __future__ import annotations

from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, given, settings

from parallax.api import create_app

from .test_api import build_store


def test_no_server_errors(tmp_path: Path) -> None:
    db = build_store(tmp_path)
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(db))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=40,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def check(case: schemathesis.Case) -> None:
            response = case.call()
            assert response.status_code < 500, (case.path, case.query, response.text[:300])

        check()
