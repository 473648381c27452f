"""Who sees the offer's overview of all requests: its administrators, the facilitators.
The overview shows counts, states, workplaces, providers and dates, never what a
request says about the workplace's situation or goals."""

import rules

from bifrost.accounts.rules import is_facilitator

VIEW = "advice.view_overview"
rules.add_perm(VIEW, is_facilitator)
