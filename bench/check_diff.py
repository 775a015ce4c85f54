"""Which held-out decisions two settings differ on (dumps of `check_quick.py --dump`): a rule's
effect, commitment by commitment, apart from the refit's noise.

    python bench/check_diff.py /tmp/a.json /tmp/b.json
"""
import json
import sys

POSITIVE = ("evidenced", "partly")
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for x, y in zip(a, b):
    if x["hit"] != y["hit"]:
        pos = x["label"] in POSITIVE
        kind = ("TP->FN" if x["hit"] else "FN->TP") if pos else ("FP->TN" if x["hit"] else "TN->FP")
        print(f"{kind:7} {x['pair']:18} {x['p']:.2f}->{y['p']:.2f} {x['text']!r}")
