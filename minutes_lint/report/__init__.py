"""``minutes-lint report``: one self-contained HTML page (or JSON) about an archive of minutes.

``data`` gathers what the page shows through the engine's own pieces (settings, rules,
corpus, roster clusters, diagnostics); ``meetings`` adds each document's meeting date;
``svg`` draws the charts; ``page`` writes the HTML with its inline styles and script.
"""
