"""``xxgk-lint export``: every table cell of every report, one row each (CSV, JSON Lines,
Excel), for a spreadsheet or a script.

:mod:`.cells` takes the cells from a parsed report (in worker processes too), the
writers in :mod:`.writers` write them as the files come.
"""
