"""The one shape of a form view: bind → service → errors on the form → message →
redirect, else re-render. Views call `submit` and render their page when it
returns None."""

from collections.abc import Callable, Mapping
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect


def add_errors(form, error: ValidationError, field_map: Mapping[str, str] | None = None) -> None:
    """Put a service's ValidationError on the form the person filled in.

    Errors for model fields the form does not have (or maps under another name via
    `field_map`) go to the top of the form instead of raising, so a service check
    can never turn into a 500.
    """
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        target = (field_map or {}).get(name, name)
        for item in errors:
            form.add_error(target if target in form.fields else None, item)


def submit[T](
    request: HttpRequest,
    form,
    action: Callable[[dict[str, Any]], T],
    *,
    success: str | Callable[[T], str] | None,
    redirect_to: str | Callable[[T], str | HttpResponse],
    field_map: Mapping[str, str] | None = None,
) -> HttpResponse | None:
    """On a POST with a valid `form`, run `action(form.cleaned_data)`.

    A `ValidationError` from the service goes onto the form and None is returned,
    so the view re-renders with what the person typed. On success the message
    (a string, or made from the result) is shown and the person is redirected to
    `redirect_to` (a URL or URL name, or made from the result). GET, or an invalid
    form, returns None.
    """
    if request.method != "POST" or form is None or not form.is_valid():
        return None
    try:
        result = action(form.cleaned_data)
    except ValidationError as error:
        add_errors(form, error, field_map)
        return None
    text = success(result) if callable(success) else success
    if text:
        messages.success(request, text)
    target = redirect_to(result) if callable(redirect_to) else redirect_to
    if isinstance(target, HttpResponse):
        return target
    return redirect(target)
