import rules

from bifrost.accounts.rules import has_any_role

# Anyone with a role in the programme may open the landing page; what it lists
# is limited to their own objects by the selectors.
rules.add_perm("matching.view_landing", has_any_role)

# Case permissions live beside the case views.
from matching import case_rules  # noqa: E402, F401
