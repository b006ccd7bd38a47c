"""The JSON Schema of a lecture file, for editors (yaml-language-server) and
for `studytui schema`. The bundled copy in content/lecture.schema.json is
checked against this by a test, so it cannot drift from the models."""

from __future__ import annotations

import json

from studytui.content.lecture_schema import Lecture


def lecture_schema() -> dict:
    schema = Lecture.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "studytui lecture file"
    return schema


def lecture_schema_json() -> str:
    return json.dumps(lecture_schema(), ensure_ascii=False, indent=2) + "\n"
