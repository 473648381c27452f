"""Change logic, readiness, critical situations and exports (included into logbook/urls.py)."""

urlpatterns: list = []
