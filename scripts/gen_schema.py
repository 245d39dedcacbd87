"""Write the JSON Schemas of the contract records into docs/ (run after changing rasd.records)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rasd.records import Document, Event, Result

DOCS = Path(__file__).resolve().parent.parent / "docs" / "schema"


def schemas() -> dict[str, dict]:
    return {
        "event.schema.json": Event.model_json_schema(),
        "document.schema.json": Document.model_json_schema(),
        "result.schema.json": Result.model_json_schema(),
    }


def main() -> int:
    DOCS.mkdir(parents=True, exist_ok=True)
    for name, schema in schemas().items():
        (DOCS / name).write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {DOCS / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
