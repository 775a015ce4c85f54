"""The trained half of the narrative decision: filled in below."""
from __future__ import annotations


def model_opinion(decision, draft):
    return decision
