"""The administrators' overview: every request with its state and waiting time, counts per
theme, provider, workplace kind and month, CSV/XLSX export."""
