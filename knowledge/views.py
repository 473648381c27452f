"""Public pages of the SMV-brobygger knowledge site."""

from django.shortcuts import render


def front_page(request):
    return render(request, "knowledge/front_page.html")


def landing(request):
    return render(request, "knowledge/landing.html")
