"""Notifications: one service every app calls with a kind, recipients and a link.

In the app: a bell in the header with the unread count and a list page. By e-mail,
through the outbox, per person per kind: immediately, in a daily digest, or not at
all. The core knows no app, so each app registers its kinds (`kinds.register_kind`)
in its `AppConfig.ready()`, as it registers its personal data.
"""
