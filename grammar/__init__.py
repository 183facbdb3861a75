"""The Lark grammar of a report, shipped inside the package."""
