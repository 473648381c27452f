"""The programme's part of a person's data: meetings, reminders, exercise contributions."""
