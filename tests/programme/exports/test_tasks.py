"""The agenda PDF's Celery task."""

from bifrost.celery import app as celery_app
from programme.exports.tasks import export_agenda_pdf


def test_the_task_is_routed_to_the_exports_queue_with_short_limits():
    assert export_agenda_pdf.name == "programme.export_agenda_pdf"
    assert export_agenda_pdf.time_limit == 300
    assert export_agenda_pdf.soft_time_limit == 270
    assert export_agenda_pdf.acks_late is True
    route = celery_app.amqp.router.route({}, export_agenda_pdf.name)
    assert route["queue"].name == "exports"
