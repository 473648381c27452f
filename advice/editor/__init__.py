"""The administrators' editor: offer rounds with their rules and themes, providers with
their contact people, course model, angles and capacity."""
