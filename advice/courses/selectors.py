"""Reads of a course: its steps in date order and its files (fixed number of queries)."""

from dataclasses import dataclass

from advice.models import Course, CourseFile, CourseStep


@dataclass
class CoursePage:
    course: Course
    steps: list[CourseStep]
    files: list[CourseFile]

    @property
    def done_count(self) -> int:
        return sum(step.done_at is not None for step in self.steps)


def course_page(course: Course) -> CoursePage:
    steps = list(course.steps.select_related("done_by").order_by("planned_on", "position", "pk"))
    files = list(course.files.select_related("uploaded_by").order_by("-uploaded_at", "-pk"))
    return CoursePage(course=course, steps=steps, files=files)
