"""Mentions stage: people and titles, names, quantities and dates, quotations and speakers."""
