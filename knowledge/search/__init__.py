"""Danish full-text search: the vector stored for each page (`index`) and the
query over it (`selectors`), both with PostgreSQL's `danish` configuration."""
