"""The public catalogue: an offer round's themes and providers (approach, course model,
contact people, angle per theme), filterable by theme."""
