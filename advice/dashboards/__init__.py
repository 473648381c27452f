"""Advice on request on the dashboards: the person's own requests and courses, the
requests waiting for their confirmation, and the queues of the providers they work for."""
