"""Who may do what on the knowledge site. Reading published pages needs no rule."""

import rules

from bifrost.accounts.rules import is_facilitator

# Facilitators are the site's editors.
rules.add_perm("knowledge.view_drafts", is_facilitator)
rules.add_perm("knowledge.edit_page", is_facilitator)
rules.add_perm("knowledge.save_self_assessment", rules.is_authenticated)
