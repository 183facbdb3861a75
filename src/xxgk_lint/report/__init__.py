"""``xxgk-lint report``: one self-contained HTML page that audits a run.

Everything the page needs is inside it — styles, the script that sorts the table, the
charts (inline SVG) and the data — so it opens from a USB stick or a mail attachment,
with no network (a Content-Security-Policy forbids any load). :mod:`.page` builds it as
the files come, :mod:`.charts` draws the charts, :mod:`.assets` holds the style and
script, :mod:`.words` the page's words in Chinese and English.
"""
