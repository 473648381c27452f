"""Shared machinery every app uses: access helpers, the submit helper, e-mail,
exports, CSV cells, slugs, URLs and the safe PDF renderer. An app never
re-implements one of these; anything here imports only Django and `bifrost`."""
