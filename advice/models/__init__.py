"""Advice on request: offer rounds and themes, providers (catalogue, course models,
capacity), requests with the providers' decisions and the event log, and courses.

One module per concept; everything is importable from `advice.models`."""

from advice.models.choices import (
    CONFIRM_WITHIN,
    EXCLUSION_MESSAGES,
    HAS_QUEUE_PLACE,
    NO_QUEUE_PLACE,
    REMIND_AFTER,
    WITHDRAWABLE,
    Decision,
    EventKind,
    Exclusion,
    InspectorateOrder,
    RepresentativeRole,
    RequestState,
    WorkplaceKind,
)
from advice.models.courses import Course, CourseFile, CourseStep
from advice.models.events import RequestEvent
from advice.models.offers import OfferRound, Theme
from advice.models.providers import (
    ContactPerson,
    CourseModelStep,
    Provider,
    ProviderCapacity,
    ProviderTheme,
)
from advice.models.queue import NextQueueNumber
from advice.models.requests import AdviceRequest, ProviderDecision

__all__ = [
    "CONFIRM_WITHIN",
    "REMIND_AFTER",
    "HAS_QUEUE_PLACE",
    "NO_QUEUE_PLACE",
    "WITHDRAWABLE",
    "EXCLUSION_MESSAGES",
    "RequestState",
    "WorkplaceKind",
    "RepresentativeRole",
    "InspectorateOrder",
    "Exclusion",
    "Decision",
    "EventKind",
    "OfferRound",
    "Theme",
    "Provider",
    "ContactPerson",
    "CourseModelStep",
    "ProviderTheme",
    "ProviderCapacity",
    "AdviceRequest",
    "ProviderDecision",
    "NextQueueNumber",
    "RequestEvent",
    "Course",
    "CourseStep",
    "CourseFile",
]
