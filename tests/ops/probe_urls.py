"""The project's URLs plus two probes for the proxy tests (tests/ops/test_proxy_*.py).

- /_probe/client/: what Django makes of the request behind nginx: the client
  address as the access log (bifrost.accounts.audit.client_ip) and allauth's rate
  limits see it, whether the request counts as HTTPS, and the raw headers.
- /_probe/upload/: reads the body as it arrives and says how long that took, how
  big it was and its SHA-256, so the test can tell a buffered upload (read at
  local speed) from one that trickles through.
"""

import hashlib
import time

from allauth.core.internal.httpkit import get_client_ip
from django.http import JsonResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt

from bifrost.accounts.audit import client_ip


def client(request):
    return JsonResponse(
        {
            "client_ip": client_ip(request),
            "allauth_client_ip": get_client_ip(request),
            "remote_addr": request.META.get("REMOTE_ADDR"),
            "x_forwarded_for": request.META.get("HTTP_X_FORWARDED_FOR"),
            "x_forwarded_proto": request.META.get("HTTP_X_FORWARDED_PROTO"),
            "x_forwarded_host": request.META.get("HTTP_X_FORWARDED_HOST"),
            "is_secure": request.is_secure(),
            "host": request.get_host(),
        }
    )


@csrf_exempt
def upload(request):
    started = time.time()
    sha, size = hashlib.sha256(), 0
    while chunk := request.read(64 * 1024):
        sha.update(chunk)
        size += len(chunk)
    return JsonResponse(
        {
            "started_at": started,
            "read_seconds": time.time() - started,
            "bytes": size,
            "sha256": sha.hexdigest(),
        }
    )


urlpatterns = [
    path("_probe/client/", client),
    path("_probe/upload/", upload),
    path("", include("bifrost.urls")),
]
