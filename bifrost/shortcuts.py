"""Access helpers: one answer (404) for "missing" and "forbidden" so ids leak nothing."""

from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.http import Http404


def require_perm(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise Http404


def paginate(request, object_list, per_page: int = 25) -> Page:
    return Paginator(object_list, per_page).get_page(request.GET.get("page"))


def add_errors(form, error: ValidationError, field_map: dict[str, str] | None = None) -> None:
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
