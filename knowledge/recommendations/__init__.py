"""The public section of what programmes produced: recommendations (development
meeting 5) and the principles and tools agreed at the evaluation (meeting 6),
filterable by the seven principles and the three phases."""
