"""The evaluation's workflow: answers on the scale only."""

import pytest
from django.core.exceptions import ValidationError

from programme.exercises.evaluation import services
from tests.programme.exercises.helpers import answers_of

pytestmark = pytest.mark.django_db


def test_out_of_range_answers_are_refused(owner, meeting6):
    with pytest.raises(ValidationError):
        services.evaluation_submit(meeting=meeting6, respondent=owner, answers=answers_of(6))
