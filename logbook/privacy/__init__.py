"""The logbook's part of a person's data: what they wrote in a company's logbook."""
