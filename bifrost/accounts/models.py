"""Users, organisations and the roles people hold in them."""

import hashlib

import rules
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bifrost.accounts.validators import validate_cvr


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in with an e-mail address."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Gives access to the technical admin site. Not a programme role."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def has_perm(self, perm: str, obj=None) -> bool:
        # A programme permission (declared with django-rules) is decided by its rule
        # alone, for superusers too: Django's superuser shortcut would otherwise open
        # every logbook, case and note to the account made for /admin/. Other
        # permissions (the admin's model permissions) keep Django's behaviour.
        if rules.perm_exists(perm):
            return self.is_active and rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Organisation(models.Model):
    """A company (SMV), an advisory unit, or the facilitators' organisation."""

    class Kind(models.TextChoices):
        COMPANY = "company", _("Company (SMV)")
        ADVISORY_UNIT = "advisory_unit", _("Advisory unit")
        FACILITATOR_ORG = "facilitator_org", _("Facilitator organisation")

    class Industry(models.TextChoices):
        FINANCE = "finance", _("Finance")
        MEDIA = "media", _("Media")
        COMMUNICATION = "communication", _("Communication")
        OTHER = "other", _("Other")

    class SizeBand(models.TextChoices):
        MICRO = "1-9", _("1–9 employees")
        SMALL = "10-49", _("10–49 employees")
        MEDIUM = "50-249", _("50–249 employees")

    class Region(models.TextChoices):
        HOVEDSTADEN = "hovedstaden", _("Capital Region of Denmark")
        SJAELLAND = "sjaelland", _("Region Zealand")
        SYDDANMARK = "syddanmark", _("Region of Southern Denmark")
        MIDTJYLLAND = "midtjylland", _("Central Denmark Region")
        NORDJYLLAND = "nordjylland", _("North Denmark Region")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    cvr = models.CharField(_("CVR number"), max_length=8, blank=True, validators=[validate_cvr])
    industry = models.CharField(_("industry"), max_length=20, choices=Industry.choices, blank=True)
    size_band = models.CharField(_("size"), max_length=10, choices=SizeBand.choices, blank=True)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cvr"], condition=~models.Q(cvr=""), name="accounts_org_cvr_unique"
            ),
            # A company is identified by its CVR number; other kinds have none.
            models.CheckConstraint(
                condition=(models.Q(kind="company") & ~models.Q(cvr=""))
                | (~models.Q(kind="company") & models.Q(cvr="")),
                name="accounts_org_cvr_iff_company",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.kind == self.Kind.COMPANY and not self.cvr:
            raise ValidationError({"cvr": _("A company needs its CVR number.")})
        if self.kind != self.Kind.COMPANY and self.cvr:
            raise ValidationError({"cvr": _("Only companies have a CVR number.")})


class Role(models.TextChoices):
    SMV_OWNER = "smv_owner", _("SMV owner / contact")
    ADVISOR = "advisor", _("Advisor")
    FACILITATOR = "facilitator", _("Facilitator")


# Which role a person may hold in which kind of organisation.
ROLE_FOR_KIND = {
    Organisation.Kind.COMPANY: Role.SMV_OWNER,
    Organisation.Kind.ADVISORY_UNIT: Role.ADVISOR,
    Organisation.Kind.FACILITATOR_ORG: Role.FACILITATOR,
}


def check_role_fits_organisation(role: str, organisation: Organisation) -> None:
    if ROLE_FOR_KIND[organisation.kind] != role:
        raise ValidationError(
            {
                "role": _(
                    "The role “%(role)s” cannot be used in an organisation of the kind “%(kind)s”."
                )
                % {
                    "role": Role(role).label,
                    "kind": Organisation.Kind(organisation.kind).label,
                }
            }
        )


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="accounts_membership_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"

    def clean(self) -> None:
        super().clean()
        if self.organisation_id and self.role:
            check_role_fits_organisation(self.role, self.organisation)


def hash_token(token: str) -> str:
    """The stored form of a secret URL token (invitations, calendar feeds)."""
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """A one-time link that lets a person join an organisation with a role.

    Only a hash of the token is stored, so a database leak gives no usable links.
    """

    email = models.EmailField(_("e-mail address"))
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    # Withdrawn by a facilitator, or replaced by a newer invitation to the same person.
    # The expiry moves to that moment too, so "still valid" stays one filter on expires_at.
    revoked_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    # The last time the link was e-mailed again (a new token each time), and how often.
    resent_at = models.DateTimeField(_("sent again"), null=True, blank=True)
    resend_count = models.PositiveSmallIntegerField(_("times sent again"), default=0)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    @property
    def is_accepted(self) -> bool:
        return self.accepted_at is not None

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        """No longer usable because its time ran out or it was withdrawn."""
        return timezone.now() >= self.expires_at

    @property
    def last_sent_at(self):
        """When the current link was e-mailed: at creation or the last resend."""
        return self.resent_at or self.created_at


class AccessLogQuerySet(models.QuerySet):
    """Rows are written once and never changed; only the retention purge removes them."""

    def update(self, **kwargs):
        raise PermissionError("access log rows cannot be changed")

    def delete(self):
        raise PermissionError("access log rows cannot be deleted (see accounts.audit.purge)")


class AccessLogEntry(models.Model):
    """Who outside a company read, searched, changed, exported or deleted its data.

    Written by ``bifrost.accounts.audit.record``; the company's owners can read
    and export their rows ("who looked at our logbook"). It never holds content
    from the logbook itself, only what kind of object was touched and its id.
    The application cannot edit or delete rows: the model and its queryset
    refuse, and on PostgreSQL a trigger refuses UPDATE and DELETE except inside
    ``audit.purge`` (the retention clean-up).
    """

    class Action(models.TextChoices):
        READ = "read", _("Read")
        SEARCH = "search", _("Searched")
        CHANGE = "change", _("Changed")
        COMMENT = "comment", _("Commented")
        EXPORT = "export", _("Exported")
        DELETE = "delete", _("Deleted")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("organisation"),
    )
    # No FK constraint and no SET_NULL: deleting a user must not rewrite log rows.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    user_label = models.CharField(_("who"), max_length=254)
    role = models.CharField(_("role"), max_length=20)
    action = models.CharField(_("what"), max_length=10, choices=Action.choices)
    object_kind = models.CharField(_("object"), max_length=40)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    ip_address = models.GenericIPAddressField(_("from where"), null=True, blank=True)
    created_at = models.DateTimeField(_("when (UTC)"), default=timezone.now, db_index=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.user_label} {self.action} {self.object_kind} {self.created_at:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise PermissionError("access log rows cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("access log rows cannot be deleted (see accounts.audit.purge)")


class DashboardVisit(models.Model):
    """When a person last opened their dashboard, so it can say what is new since.

    One row per person, written by every dashboard view. What the page calls "new"
    is measured from the visit before the current one, which the session keeps
    while the person moves between the dashboard and the pages it links to (see
    `bifrost.accounts.dashboards.visits`).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="dashboard_visit",
    )
    last_seen_at = models.DateTimeField(_("last visit"))

    class Meta:
        verbose_name = _("dashboard visit")
        verbose_name_plural = _("dashboard visits")

    def __str__(self) -> str:
        return f"{self.user_id} {self.last_seen_at:%Y-%m-%d %H:%M}"
