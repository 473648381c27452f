"""Who may keep their self-assessment: anyone logged in (anyone may take it)."""

import rules

rules.add_perm("knowledge.save_self_assessment", rules.is_authenticated)
