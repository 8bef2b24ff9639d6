"""Reading and writing records: JSONL (:mod:`.jsonl`), plain-text articles (:mod:`.articles`) and the
bundled seed article (:mod:`.seed`)."""
