"""The built-in rules of xxgk-lint."""
