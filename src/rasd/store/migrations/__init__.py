"""Alembic migration environment of the store (shipped inside the package so installs can migrate)."""
