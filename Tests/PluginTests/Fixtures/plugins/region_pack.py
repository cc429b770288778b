#!/usr/bin/env python3
"""A protocol-2 test plugin with the capability region_pack: its region, Samplestan, is the sample
pack ../packs/claims-guangxi.json renamed. With the argument "bad", a fact's unit is wrong."""
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "packs", "claims-guangxi.json"), encoding="utf-8") as file:
    pack = json.load(file)
pack["region"].update({"id": "samplestan", "name": "Samplestan", "chinese": "样本", "pinyin": "Yàngběn"})
if sys.argv[1:] == ["bad"]:
    pack["facts"][1]["unit"] = "tons"

for line in sys.stdin:
    request = json.loads(line)
    method = request["method"]
    if method == "hello":
        result = {"protocol": 2, "name": "samplestan", "version": "0.2.0", "capabilities": ["region_pack"]}
    elif method == "region.pack":
        result = {"pack": pack}
    else:
        result = {}
    sys.stdout.write(json.dumps({"id": request["id"], "result": result}, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    if method == "shutdown":
        break
