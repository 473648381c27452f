"""Danish full-text search machinery shared by the apps (no Django models here).

PostgreSQL does Danish search itself (`to_tsvector('danish', …)`, websearch
queries, `ts_rank`, `ts_headline`). The embedded SQLite mode (`make run`) has
FTS5 but no Danish: `danish` supplies what PostgreSQL's `danish` configuration
does (the same Snowball stemmer and stop words, the websearch query syntax, a
headline with the matches marked on the original words) and `fts5` keeps the
stemmed text in an FTS5 table and queries it (bm25 with column weights).
An app's search module picks one of the two by `connection.vendor`.
"""
