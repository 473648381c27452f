"""From a company's change logic to a case page on the knowledge site: the
facilitator drafts it (with the research consent, access-logged), the knowledge
site's two keys (the company and its advisor) decide whether it is published."""
