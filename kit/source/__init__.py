"""Untrusted workshop files to a validated model: YAML, loading, templates, assets,
editions and the schema."""
