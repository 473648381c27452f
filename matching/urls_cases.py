"""Case pages (included into matching/urls.py under the `matching` namespace)."""

urlpatterns: list = []
