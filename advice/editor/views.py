"""The offer's editor (facilitators): rounds with their themes, providers with contacts,
course model, angles per theme and capacities. Thin views: parse, call a service,
respond; every form goes through `submit`, every delete asks first."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from advice.editor import selectors, services
from advice.editor.forms import (
    AngleForm,
    CapacityForm,
    ContactForm,
    ProviderForm,
    RoundForm,
    StepForm,
    ThemeForm,
)
from advice.editor.rules import (
    EDIT,
    angle_or_404,
    capacity_or_404,
    contact_or_404,
    provider_or_404,
    round_or_404,
    step_or_404,
    theme_or_404,
)
from advice.models import ContactPerson, CourseModelStep, Provider, ProviderCapacity, Theme
from bifrost.core.access import require_perm
from bifrost.core.submit import submit

SAVED = gettext_lazy("Saved.")


def _provider_url(provider: Provider) -> str:
    return reverse("advice:editor_provider", args=[provider.pk])


def _round_url(pk: int) -> str:
    return reverse("advice:editor_round", args=[pk])


def _form_page(request, form, save: Callable, *, title: str, back: str, success=None):
    """A small form page (a theme, a contact, a step, …) that returns to `back`."""
    return submit(request, form, save, success=str(success or SAVED), redirect_to=back) or render(
        request, "advice/editor/form.html", {"form": form, "title": title, "back": back}
    )


def _confirm_delete(request, *, what: str, delete: Callable[[], None], back: str):
    if request.method == "POST":
        try:
            delete()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("“%(what)s” was deleted.") % {"what": what})
        return redirect(back)
    return render(request, "advice/editor/confirm_delete.html", {"what": what, "back": back})


@login_required
def editor_home(request):
    require_perm(request.user, EDIT)
    return render(
        request,
        "advice/editor/home.html",
        {"rounds": selectors.editor_rounds(), "providers": selectors.editor_providers()},
    )


# --- Rounds and themes ----------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def round_create(request):
    require_perm(request.user, EDIT)
    form = RoundForm(request.POST or None)
    return submit(
        request,
        form,
        lambda data: services.round_save(offer_round=None, data=data),
        success=_("The round was created. Add its themes, then publish it."),
        redirect_to=lambda saved: _round_url(saved.pk),
    ) or render(request, "advice/editor/round.html", {"form": form, "offer_round": None})


@login_required
@require_http_methods(["GET", "POST"])
def round_edit(request, pk: int):
    offer_round = round_or_404(request.user, pk)
    form = RoundForm(request.POST or None, instance=offer_round)
    return submit(
        request,
        form,
        lambda data: services.round_save(offer_round=offer_round, data=data),
        success=str(SAVED),
        redirect_to=_round_url(offer_round.pk),
    ) or render(
        request,
        "advice/editor/round.html",
        {
            "form": form,
            "offer_round": offer_round,
            "themes": selectors.round_themes(offer_round),
        },
    )


def _set_published(request, action: Callable, *, published: bool) -> None:
    try:
        action(published=published)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Published.") if published else _("Taken off the public catalogue.")
        )


@login_required
@require_POST
def round_publish(request, pk: int):
    offer_round = round_or_404(request.user, pk)
    published = request.POST.get("action") != "unpublish"

    def action(published: bool):
        return services.round_set_published(offer_round=offer_round, published=published)

    _set_published(request, action, published=published)
    return redirect(_round_url(pk))


@login_required
@require_http_methods(["GET", "POST"])
def theme_create(request, pk: int):
    offer_round = round_or_404(request.user, pk)
    form = ThemeForm(request.POST or None, instance=Theme(round=offer_round))
    return _form_page(
        request,
        form,
        lambda data: services.theme_save(offer_round=offer_round, theme=None, data=data),
        title=_("New theme in %(round)s") % {"round": offer_round.name},
        back=_round_url(offer_round.pk),
    )


@login_required
@require_http_methods(["GET", "POST"])
def theme_edit(request, pk: int):
    theme = theme_or_404(request.user, pk)
    form = ThemeForm(request.POST or None, instance=theme)
    return _form_page(
        request,
        form,
        lambda data: services.theme_save(offer_round=theme.round, theme=theme, data=data),
        title=_("Edit the theme “%(title)s”") % {"title": theme.title},
        back=_round_url(theme.round_id),
    )


@login_required
@require_POST
def theme_move(request, pk: int):
    theme = theme_or_404(request.user, pk)
    services.theme_move(theme=theme, up=request.POST.get("direction") == "up")
    return redirect(_round_url(theme.round_id) + "#themes")


@login_required
@require_http_methods(["GET", "POST"])
def theme_delete(request, pk: int):
    theme = theme_or_404(request.user, pk)
    return _confirm_delete(
        request,
        what=theme.title,
        delete=lambda: services.theme_delete(theme=theme),
        back=_round_url(theme.round_id),
    )


# --- Providers --------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def provider_create(request):
    require_perm(request.user, EDIT)
    form = ProviderForm(request.POST or None)
    return submit(
        request,
        form,
        lambda data: services.provider_save(provider=None, data=data),
        success=_("The provider was created. Describe its course model, then publish it."),
        redirect_to=_provider_url,
    ) or render(request, "advice/editor/provider.html", {"form": form, "provider": None})


@login_required
@require_http_methods(["GET", "POST"])
def provider_edit(request, pk: int):
    provider = selectors.provider_for_editing(provider_or_404(request.user, pk))
    form = ProviderForm(request.POST or None, instance=provider)
    return submit(
        request,
        form,
        lambda data: services.provider_save(provider=provider, data=data),
        success=str(SAVED),
        redirect_to=_provider_url(provider),
    ) or render(
        request,
        "advice/editor/provider.html",
        {
            "form": form,
            "provider": provider,
            "publish_problem": services.follow_up_problem(provider),
        },
    )


@login_required
@require_POST
def provider_publish(request, pk: int):
    provider = provider_or_404(request.user, pk)
    published = request.POST.get("action") != "unpublish"

    def action(published: bool):
        return services.provider_set_published(provider=provider, published=published)

    _set_published(request, action, published=published)
    return redirect(_provider_url(provider))


def _child(request, form, save: Callable, *, provider: Provider, title: str):
    return _form_page(
        request,
        form,
        save,
        title=f"{provider.name}: {title}",
        back=_provider_url(provider),
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_create(request, pk: int):
    provider = provider_or_404(request.user, pk)
    form = ContactForm(request.POST or None, instance=ContactPerson(provider=provider))
    save = lambda data: services.contact_save(provider=provider, contact=None, data=data)  # noqa: E731
    return _child(request, form, save, provider=provider, title=_("New contact person"))


@login_required
@require_http_methods(["GET", "POST"])
def contact_edit(request, pk: int):
    contact = contact_or_404(request.user, pk)
    form = ContactForm(request.POST or None, instance=contact)
    save = lambda data: services.contact_save(  # noqa: E731
        provider=contact.provider, contact=contact, data=data
    )
    return _child(request, form, save, provider=contact.provider, title=_("Contact person"))


@login_required
@require_http_methods(["GET", "POST"])
def contact_delete(request, pk: int):
    contact = contact_or_404(request.user, pk)
    return _confirm_delete(
        request,
        what=contact.name,
        delete=lambda: services.contact_delete(contact=contact),
        back=_provider_url(contact.provider),
    )


@login_required
@require_http_methods(["GET", "POST"])
def step_create(request, pk: int):
    provider = provider_or_404(request.user, pk)
    form = StepForm(request.POST or None, instance=CourseModelStep(provider=provider))
    save = lambda data: services.step_save(provider=provider, step=None, data=data)  # noqa: E731
    return _child(request, form, save, provider=provider, title=_("New step of the course model"))


@login_required
@require_http_methods(["GET", "POST"])
def step_edit(request, pk: int):
    step = step_or_404(request.user, pk)
    form = StepForm(request.POST or None, instance=step)
    save = lambda data: services.step_save(provider=step.provider, step=step, data=data)  # noqa: E731
    return _child(request, form, save, provider=step.provider, title=_("Step of the course model"))


@login_required
@require_http_methods(["GET", "POST"])
def step_delete(request, pk: int):
    step = step_or_404(request.user, pk)
    return _confirm_delete(
        request,
        what=step.title,
        delete=lambda: services.step_delete(step=step),
        back=_provider_url(step.provider),
    )


@login_required
@require_http_methods(["GET", "POST"])
def angle_create(request, pk: int):
    provider = provider_or_404(request.user, pk)
    form = AngleForm(request.POST or None)

    def save(data):
        fields = {"headline": data["headline"], "angle": data["angle"]}
        return services.angle_save(provider=provider, theme=data["theme"], data=fields)

    return _child(request, form, save, provider=provider, title=_("The angle on a theme"))


@login_required
@require_http_methods(["GET", "POST"])
def angle_edit(request, pk: int):
    angle = angle_or_404(request.user, pk)
    form = AngleForm(request.POST or None, instance=angle)

    def save(data):
        fields = {"headline": data["headline"], "angle": data["angle"]}
        return services.angle_save(provider=angle.provider, theme=angle.theme, data=fields)

    return _child(request, form, save, provider=angle.provider, title=angle.theme.title)


@login_required
@require_http_methods(["GET", "POST"])
def angle_delete(request, pk: int):
    angle = angle_or_404(request.user, pk)
    return _confirm_delete(
        request,
        what=angle.theme.title,
        delete=lambda: services.angle_delete(angle=angle),
        back=_provider_url(angle.provider),
    )


@login_required
@require_http_methods(["GET", "POST"])
def capacity_create(request, pk: int):
    provider = provider_or_404(request.user, pk)
    form = CapacityForm(request.POST or None, instance=ProviderCapacity(provider=provider))
    save = lambda data: services.capacity_save(provider=provider, capacity=None, data=data)  # noqa: E731
    return _child(request, form, save, provider=provider, title=_("New capacity period"))


@login_required
@require_http_methods(["GET", "POST"])
def capacity_edit(request, pk: int):
    capacity = capacity_or_404(request.user, pk)
    form = CapacityForm(request.POST or None, instance=capacity)
    save = lambda data: services.capacity_save(  # noqa: E731
        provider=capacity.provider, capacity=capacity, data=data
    )
    return _child(request, form, save, provider=capacity.provider, title=_("Capacity period"))


@login_required
@require_http_methods(["GET", "POST"])
def capacity_delete(request, pk: int):
    capacity = capacity_or_404(request.user, pk)
    return _confirm_delete(
        request,
        what=str(capacity),
        delete=lambda: services.capacity_delete(capacity=capacity),
        back=_provider_url(capacity.provider),
    )
