import rules

from bifrost.accounts.rules import has_any_role

# Anyone with a role in the programme may open the landing page; what it lists
# is limited to their own objects by the selectors.
rules.add_perm("logbook.view_landing", has_any_role)
