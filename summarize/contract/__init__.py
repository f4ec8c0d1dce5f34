"""The contract between stages: pydantic models of the extraction and the brief.

Also the partial-date value type and the JSON Schema export in ``schemas/``.
"""
