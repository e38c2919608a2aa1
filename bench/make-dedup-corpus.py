#!/usr/bin/python3
"""Writes N synthetic JSONL records of about BYTES bytes of Chinese text each (deterministic).

  bench/make-dedup-corpus.py N BYTES > corpus.jsonl

Sentences are drawn from a fixed vocabulary of common characters; every 10th record is a near
copy of an earlier one (a line added, a few characters changed) so that the clustering step has
work to do. Used by bench/dedup.sh.
"""
import json
import random
import sys

n, size = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(20240518)
chars = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
punct = "，。；：、"
docs = []
out = sys.stdout
for i in range(n):
    if i >= 10 and i % 10 == 0:
        base = list(docs[rng.randrange(len(docs))])
        for _ in range(max(1, len(base) // 200)):
            k = rng.randrange(len(base))
            base[k] = rng.choice(chars)
        text = "本文来自网络，仅供参考。\n" + "".join(base)
    else:
        parts, length = [], 0
        while length * 3 < size:
            s = "".join(rng.choice(chars) for _ in range(rng.randrange(8, 30))) + rng.choice(punct)
            if rng.random() < 0.15:
                s += "\n"
            parts.append(s)
            length += len(s)
        text = "".join(parts)
        if len(docs) < 5000:
            docs.append(text)
    out.write(json.dumps({"id": "doc-%d" % i, "text": text}, ensure_ascii=False) + "\n")
