"""Property-based run of every operation in /openapi.json against a live server: no 5xx, and
every response matches the documented status codes, content types and schemas."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from rasd.errors import ResourceError
from rasd.pipeline import default_pipeline

from .conftest import API_KEY, LiveServer, corpus_store, start_server, stop_server


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    # Its own copy of the corpus: the run POSTs documents into it.
    store = corpus_store(Path(tmp_path_factory.mktemp("api-fuzz")) / "fuzz.db")
    live = start_server(store, API_KEY)
    yield live
    stop_server(live)
    store.close()


CHECKS = [
    schemathesis.checks.not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def _fuzz(operation: schemathesis.APIOperation) -> None:
    # Bounded and repeatable: a few dozen examples per operation, derandomized (fixed seed).
    @given(case=operation.as_strategy())
    @settings(
        max_examples=30,
        derandomize=True,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
        phases=[Phase.explicit, Phase.generate],
    )
    def run(case: schemathesis.Case) -> None:
        case.call_and_validate(headers={"X-API-Key": API_KEY}, checks=CHECKS)

    run()


def _extractor_loads() -> bool:
    try:
        default_pipeline().warm_up()
    except ResourceError:
        return False
    return True


def test_api_conforms_to_its_schema(fuzz_server: LiveServer) -> None:
    # (schemathesis' pytest loader does not run under pytest 9, so operations are driven here.)
    schema = schemathesis.openapi.from_url(f"{fuzz_server.url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    # The write operations extract; while the extractor's model files are not built they answer
    # 503 by design, which is not what this run looks for.
    writes_work = _extractor_loads()
    if not writes_work:
        warnings.warn("extractor resources unavailable: POST operations not fuzzed", stacklevel=1)
    for operation in operations:
        if operation.method.upper() == "POST" and not writes_work:
            continue
        _fuzz(operation)
