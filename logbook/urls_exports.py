"""PDF/CSV/JSON exports and the research dataset (included into logbook/urls.py)."""

urlpatterns: list = []
