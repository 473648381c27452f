"""The permission world's advice requests and courses (the advflow helper's half).

Provider U is A's advisor's unit (the advisor and the unit colleague are its people);
company A's owner is the leader of every request; the representative holds no role.
All objects are shared by both subjects (the rules look at the people, not at A/B).
"""

import secrets

from django.core.files.base import ContentFile
from django.utils import timezone

from advice.models import AdviceRequest, CourseFile
from advice.requests import decisions, services
from tests import factories
from tests.advice import factories as advice


def _advice_flow(people: dict) -> dict:
    provider = advice.ProviderFactory(organisation=people["unit_u"], slug="advflow-matrix-u")
    advice.course_model(provider)
    capacity = advice.ProviderCapacityFactory(provider=provider)
    leader = people["owner_a"]
    advice.OfferRoundFactory(slug="advflow-matrix-round")

    def draft(**kwargs) -> AdviceRequest:
        email = f"matrix-rep-{secrets.token_hex(4)}@region.example"
        return advice.AdviceRequestFactory(
            provider=provider, leader=leader, representative_email=email, **kwargs
        )

    def sent() -> tuple[AdviceRequest, str]:
        request = draft()
        token = services.request_submit(advice_request=request, by=leader)
        request.refresh_from_db()
        return request, token

    def confirmed() -> AdviceRequest:
        request, token = sent()
        rep = factories.UserFactory(email=request.representative_email)
        return services.request_confirm(token=token, user=rep)

    awaiting, token = sent()
    to_reinvite, _token = sent()
    queued = confirmed()
    declined = confirmed()
    decisions.request_decline(advice_request=declined, by=people["advisor_a"], reason="Fuldt")
    accepted = confirmed()
    course = decisions.request_accept(
        advice_request=accepted, by=people["advisor_a"], start_date=timezone.localdate()
    )
    item = CourseFile.objects.create(
        course=course,
        file=ContentFile(b"%PDF-1.4 matrix", name="plan.pdf"),
        name="plan.pdf",
        size=15,
        uploaded_by=leader,
    )
    return {
        "advflow_provider": provider.slug,
        "advflow_capacity": capacity.pk,
        "advflow_draft": draft().pk,
        "advflow_awaiting": awaiting.pk,
        "advflow_token": token,
        "advflow_reinvite": to_reinvite.pk,
        "advflow_queued": queued.pk,
        "advflow_declined": declined.pk,
        "advflow_course": course.pk,
        "advflow_step": course.steps.order_by("planned_on").first().pk,
        "advflow_file": item.pk,
    }
