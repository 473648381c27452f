"""The catalogue pages (namespace `advice`); none yet."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
