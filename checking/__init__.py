"""Checking reports against earlier plans: evidence scoring (evidence.py), the runs (run.py),
their renderings (output.py, templates/) and the model fitted by bench/calibrate_check.py (data/)."""
