"""The export framework: PDFs (and other files) made by a Celery task, one row per
version, kept for a while and purged by one scheduled task.

- `models.FileExport`: the abstract row every export model extends.
- `jobs`: the request → queue → idempotent build cycle.
- `kinds`: each export kind declared once (model, task, renderer, file name,
  retention); the purge task walks the registry.
- `templates/core/export_status.html`: the one status partial (polls with htmx).
"""
