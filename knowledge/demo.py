"""The initial SMV-brobygger pages are part of the demo too."""

from knowledge.editor.services import load_initial_content


def load(stdout=None, today=None) -> None:
    created = load_initial_content()
    if stdout is not None and created:
        stdout.write(f"Published {created} knowledge pages.")
