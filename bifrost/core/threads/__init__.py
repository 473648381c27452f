"""Threads of comments: what comments on a logbook entry and on a case goal share.

A comment may answer another (one level: a reply to a reply joins its thread);
its author may edit it for 15 minutes after posting and delete it at any time.
A deleted comment that has replies stays as a placeholder ("comment deleted",
text and author gone) so the thread still reads; one without replies goes, and a
placeholder goes with its last reply.

The core holds the abstract model (`models.ThreadComment`), the writes
(`services`), the read of one thread (`selectors`), the "own comment" rule
(`rules`), the form, the page's thread (`display`) and the edit and delete pages
(`views`); the apps hold the concrete models (what a comment is on), who may post
(their rules), and the notifications.
"""
