"""A workplace's request for a course, made by its two local parties together, and the
providers' decisions on it.

The leader starts the request and sends it (``submitted_at``: the leader's
confirmation); the representative is invited by e-mail and confirms
(``confirmed_at``: the second confirmation, when the request takes its place in the
provider's queue, see ``queue.py``). Until then the provider does not see it.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from advice.models.choices import (
    HAS_QUEUE_PLACE,
    NO_QUEUE_PLACE,
    WITHDRAWABLE,
    Decision,
    InspectorateOrder,
    RepresentativeRole,
    RequestState,
    WorkplaceKind,
)
from advice.models.offers import OfferRound, Theme
from advice.models.providers import Provider
from advice.models.queue import AdviceRequestQuerySet
from bifrost.accounts.models import Organisation

TEXT_MAX = 5000

#: What every request past the draft has: the workplace, its need, the provider, the
#: representative, and the leader's confirmation that the offer's exclusions do not apply.
SENT_IS_COMPLETE = (
    ~Q(workplace_name="")
    & Q(provider__isnull=False)
    & ~Q(situation="")
    & ~Q(goals="")
    & Q(participants__isnull=False)
    & Q(expected_hours__isnull=False)
    & ~Q(representative_email="")
    & Q(submitted_at__isnull=False)
    & Q(exclusions_confirmed=True)
    & ~Q(inspectorate_order=InspectorateOrder.OPEN)
)


class AdviceRequest(models.Model):
    round = models.ForeignKey(
        OfferRound,
        on_delete=models.PROTECT,
        related_name="requests",
        verbose_name=_("offer round"),
    )
    state = models.CharField(
        _("state"), max_length=30, choices=RequestState.choices, default=RequestState.DRAFT
    )

    # --- the workplace
    workplace_name = models.CharField(
        _("workplace"), max_length=200, help_text=_("For example the hospital or institution.")
    )
    workplace_kind = models.CharField(
        _("kind of workplace"), max_length=30, choices=WorkplaceKind.choices
    )
    unit = models.CharField(_("unit or department"), max_length=200, blank=True)
    is_joint = models.BooleanField(_("several units apply jointly"), default=False)
    joint_units = models.TextField(_("the units applying jointly"), max_length=1000, blank=True)
    region = models.CharField(
        _("region"), max_length=20, choices=Organisation.Region.choices, blank=True
    )

    # --- what they ask for
    themes = models.ManyToManyField(
        Theme, related_name="requests", blank=True, verbose_name=_("themes")
    )
    provider = models.ForeignKey(
        Provider,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("provider"),
    )
    situation = models.TextField(_("the situation"), max_length=TEXT_MAX, blank=True)
    goals = models.TextField(_("what you want to achieve"), max_length=TEXT_MAX, blank=True)
    participants = models.PositiveIntegerField(_("people taking part"), null=True, blank=True)
    expected_hours = models.DecimalField(
        _("working hours you expect to put in"),
        max_digits=7,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("In total, for everyone taking part. The course is free but takes time."),
    )
    preferred_timing = models.CharField(
        _("when you would like to start"), max_length=200, blank=True
    )
    inspectorate_order = models.CharField(
        _("order from the Working Environment Authority"),
        max_length=10,
        choices=InspectorateOrder.choices,
        default=InspectorateOrder.NONE,
    )
    exclusions_confirmed = models.BooleanField(
        _("the request is not for anything the offer excludes"), default=False
    )

    # --- the two local parties
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="advice_requests_led",
        verbose_name=_("leader"),
    )
    leader_title = models.CharField(_("leader's title"), max_length=150, blank=True)
    representative_name = models.CharField(_("representative's name"), max_length=150, blank=True)
    representative_email = models.EmailField(_("representative's e-mail address"), blank=True)
    representative_role = models.CharField(
        _("representative's role"),
        max_length=20,
        choices=RepresentativeRole.choices,
        default=RepresentativeRole.SAFETY_REPRESENTATIVE,
    )
    # Set when the representative accepts the invitation (their account, old or new).
    representative = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="advice_requests_represented",
        verbose_name=_("representative"),
    )
    # Only a hash of the invitation link's token (``accounts.models.hash_token``).
    invitation_token_hash = models.CharField(max_length=64, blank=True, editable=False)

    # --- when
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("sent by the leader"), null=True, blank=True)
    invited_at = models.DateTimeField(_("representative invited"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("representative reminded"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires unconfirmed"), null=True, blank=True)
    # Both parties confirmed: the second confirmation (kept when sent on after a decline).
    confirmed_at = models.DateTimeField(_("confirmed by both parties"), null=True, blank=True)
    # Entered the current provider's queue (equals ``confirmed_at`` for the first one).
    queued_at = models.DateTimeField(_("in the provider's queue since"), null=True, blank=True)
    # The place in the provider's queue, decided by the database (``queue.py``).
    queue_number = models.BigIntegerField(
        _("queue number"), null=True, blank=True, unique=True, editable=False
    )

    # --- withdrawal
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )
    withdraw_reason = models.TextField(_("reason for withdrawing"), max_length=1000, blank=True)

    objects = AdviceRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("advice request")
        verbose_name_plural = _("advice requests")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["provider", "state", "queue_number"], name="advice_req_queue_idx"),
            models.Index(fields=["state", "expires_at"], name="advice_req_expiry_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=RequestState.values), name="advice_request_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(state=RequestState.DRAFT) | SENT_IS_COMPLETE,
                name="advice_request_sent_complete",
            ),
            models.CheckConstraint(
                condition=~Q(state__in=HAS_QUEUE_PLACE)
                | (
                    Q(queue_number__isnull=False)
                    & Q(queued_at__isnull=False)
                    & Q(confirmed_at__isnull=False)
                ),
                name="advice_request_confirmed_has_place",
            ),
            models.CheckConstraint(
                condition=~Q(state__in=NO_QUEUE_PLACE) | Q(queue_number__isnull=True),
                name="advice_request_unconfirmed_no_place",
            ),
            models.CheckConstraint(
                condition=~Q(state=RequestState.AWAITING_REPRESENTATIVE)
                | (
                    Q(invited_at__isnull=False)
                    & Q(expires_at__isnull=False)
                    & ~Q(invitation_token_hash="")
                ),
                name="advice_request_awaiting_is_invited",
            ),
            models.CheckConstraint(
                condition=~Q(state=RequestState.WITHDRAWN)
                | (Q(withdrawn_at__isnull=False) & ~Q(withdraw_reason="")),
                name="advice_request_withdrawn_has_reason",
            ),
            # The two local parties are two people (NULL, not yet known, passes).
            models.CheckConstraint(
                condition=~Q(leader=F("representative")), name="advice_request_two_parties"
            ),
            models.CheckConstraint(
                condition=Q(participants__isnull=True) | Q(participants__gte=1),
                name="advice_request_participants_positive",
            ),
            models.CheckConstraint(
                condition=Q(expected_hours__isnull=True) | Q(expected_hours__gte=0),
                name="advice_request_hours_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(is_joint=False) | ~Q(joint_units=""),
                name="advice_request_joint_units_named",
            ),
            models.UniqueConstraint(
                fields=["invitation_token_hash"],
                condition=~Q(invitation_token_hash=""),
                name="advice_request_token_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.workplace_name} ({self.get_state_display()})"

    @property
    def is_withdrawable(self) -> bool:
        return self.state in WITHDRAWABLE

    @property
    def is_visible_to_provider(self) -> bool:
        """Both local parties have confirmed (the provider's rule filters the same)."""
        return self.state in (RequestState.QUEUED, RequestState.ACCEPTED)

    def is_party(self, user) -> bool:
        return user.pk is not None and user.pk in (self.leader_id, self.representative_id)


class ProviderDecision(models.Model):
    """A provider's answer to a request addressed to it: accepted (with a start date)
    or declined (with a reason). After a decline the workplace may send the same
    request on to another provider; each provider answers a request at most once, so
    the rows are the request's history of providers."""

    request = models.ForeignKey(
        AdviceRequest,
        on_delete=models.CASCADE,
        related_name="decisions",
        verbose_name=_("request"),
    )
    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, related_name="decisions", verbose_name=_("provider")
    )
    outcome = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    reason = models.TextField(_("reason"), max_length=2000, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    # The place the request had in this provider's queue when it was answered.
    queue_number = models.BigIntegerField(_("queue number"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), default=timezone.now)

    class Meta:
        verbose_name = _("provider's decision")
        verbose_name_plural = _("providers' decisions")
        ordering = ["request", "decided_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome__in=Decision.values), name="advice_decision_outcome_valid"
            ),
            models.UniqueConstraint(
                fields=["request", "provider"], name="advice_decision_once_per_provider"
            ),
            models.UniqueConstraint(
                fields=["request"],
                condition=Q(outcome=Decision.ACCEPTED),
                name="advice_decision_one_acceptance",
            ),
            models.CheckConstraint(
                condition=~Q(outcome=Decision.DECLINED) | ~Q(reason=""),
                name="advice_decision_decline_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(outcome=Decision.ACCEPTED) | Q(start_date__isnull=False),
                name="advice_decision_acceptance_has_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.provider} {self.outcome}"
