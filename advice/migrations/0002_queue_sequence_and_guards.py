"""On PostgreSQL: the queue-number sequence, and the rules a CHECK cannot express.

- ``advice_queue_number_seq``: the next place in a provider's queue, taken by the
  confirming UPDATE (``advice.models.queue.NextQueueNumber``).
- A request takes a new queue number only on entering the queue (from awaiting the
  representative, or from declined when sent on to another provider): a place in
  the queue never changes afterwards.
- A course exists only for an accepted request, and a request with a course stays
  accepted, with the same provider.
- A provider's capacity periods never overlap (an exclusion constraint; the ranges
  on ``provider_id`` stand in for btree_gist, so no extension is needed).

Every refusal raises SQLSTATE 23514 (check_violation), so Django raises
``IntegrityError`` as for any other constraint. SQLite (the demo mode) relies on the
services and the models' ``clean``.
"""

from django.db import migrations

FORWARDS = """
CREATE SEQUENCE advice_queue_number_seq AS bigint START 1
    OWNED BY advice_advicerequest.queue_number;

CREATE OR REPLACE FUNCTION advice_request_guard() RETURNS trigger AS $$
BEGIN
    IF NEW.queue_number IS NOT NULL
       AND NEW.queue_number IS DISTINCT FROM OLD.queue_number
       AND NOT (NEW.state = 'queued'
                AND OLD.state IN ('awaiting_representative', 'declined')) THEN
        RAISE EXCEPTION 'a request takes a queue number only on entering the queue'
            USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.state = 'accepted'
       AND (NEW.state <> 'accepted' OR NEW.provider_id IS DISTINCT FROM OLD.provider_id)
       AND EXISTS (SELECT 1 FROM advice_course WHERE request_id = OLD.id) THEN
        RAISE EXCEPTION 'a request with a course stays accepted by its provider'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER advice_request_guard
    BEFORE UPDATE ON advice_advicerequest
    FOR EACH ROW EXECUTE FUNCTION advice_request_guard();

CREATE OR REPLACE FUNCTION advice_course_guard() RETURNS trigger AS $$
BEGIN
    IF (SELECT state FROM advice_advicerequest WHERE id = NEW.request_id)
       IS DISTINCT FROM 'accepted' THEN
        RAISE EXCEPTION 'a course exists only for an accepted request'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER advice_course_guard
    BEFORE INSERT OR UPDATE OF request_id ON advice_course
    FOR EACH ROW EXECUTE FUNCTION advice_course_guard();

ALTER TABLE advice_providercapacity ADD CONSTRAINT advice_capacity_no_overlap
    EXCLUDE USING gist (
        int8range(provider_id, provider_id, '[]') WITH =,
        daterange(starts_on, ends_on, '[]') WITH &&
    );
"""

BACKWARDS = """
ALTER TABLE advice_providercapacity DROP CONSTRAINT IF EXISTS advice_capacity_no_overlap;
DROP TRIGGER IF EXISTS advice_course_guard ON advice_course;
DROP FUNCTION IF EXISTS advice_course_guard();
DROP TRIGGER IF EXISTS advice_request_guard ON advice_advicerequest;
DROP FUNCTION IF EXISTS advice_request_guard();
DROP SEQUENCE IF EXISTS advice_queue_number_seq;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARDS)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARDS)


class Migration(migrations.Migration):
    dependencies = [("advice", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
