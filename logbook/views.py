from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from bifrost.shortcuts import require_perm


@login_required
def landing(request):
    require_perm(request.user, "logbook.view_landing")
    return render(request, "logbook/landing.html")
