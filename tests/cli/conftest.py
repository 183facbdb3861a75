"""Shared fixtures (none needed: config discovery is cached per run, not per process)."""
