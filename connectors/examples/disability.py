#!/usr/bin/env python3
"""A Hecha connector program for the 残联 disability register (残疾人证), standard library only.

It speaks the protocol of connectors/PROTOCOL.md: one request on standard input, JSON Lines on
standard output. `spec` declares one fact type, `member.disabilities`; `read` streams every row of
残疾人证.csv in the folder it is given. Hecha keeps the roster, matches, validates, counts and
de-duplicates; this program only reads the file and says where each row came from. Rows it cannot
read itself (a wrong number of fields, a grade that is not 一级–四级) are sent as rejects.

    region file:  disability: {command: [python3, connectors/examples/disability.py], path: data/disability}
    check:        hecha connector check --command python3 connectors/examples/disability.py --path connectors/examples/fixtures
"""
import csv
import io
import json
import os
import re
import sys

PROTOCOL = 1
FILE = "残疾人证.csv"
COLUMNS = ["证件号码", "残疾类别", "残疾等级", "发证日期"]
GRADES = {"一级": 1, "二级": 2, "三级": 3, "四级": 4}

SPEC = {
    "type": "spec",
    "protocol": PROTOCOL,
    "id": "disability-register",
    "title": "残联残疾人证",
    "facts": [{
        "record": "disability",
        "title": "残疾人证",
        "key": "person",
        "key_field": "person_id",
        "collection": "disabilities",
        "fields": [
            {"name": "person_id", "type": "string", "column": "证件号码", "personal": True, "doc": "持证人身份证号"},
            {"name": "category", "type": "string", "column": "残疾类别", "doc": "视力、听力、言语、肢体、智力、精神、多重"},
            {"name": "grade", "type": "number", "column": "残疾等级", "doc": "1 (一级, the most severe) to 4"},
            {"name": "issued", "type": "date", "optional": True, "column": "发证日期"},
        ],
    }],
}


def send(message):
    sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")


def iso_date(text):
    """2019/7/1, 2019.07.01 and 20190701 as 2019-07-01; anything else as written, for Hecha to judge."""
    t = text.strip()
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", t) or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", t)
    return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}" if m else t


def read(folder):
    path = os.path.join(folder, FILE)
    if not os.path.isdir(folder):
        send({"type": "error", "message": f"the folder {folder} does not exist"})
        return
    if not os.path.isfile(path):
        send({"type": "error", "message": f"{FILE} is missing in {folder}"})
        return
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    lines = text.splitlines()
    rows = 0
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or [h.strip() for h in header] != COLUMNS:
        send({"type": "error", "message": f"{FILE}: the header must be {','.join(COLUMNS)}"})
        return
    for fields in reader:
        line = reader.line_num
        raw = lines[line - 1] if line - 1 < len(lines) else ",".join(fields)
        if not any(x.strip() for x in fields):
            continue
        rows += 1
        origin = {"file": FILE, "line": line}
        if len(fields) != len(COLUMNS):
            send({"type": "reject", "origin": origin, "reason": f"字段数为 {len(fields)}，表头有 {len(COLUMNS)} 列", "raw": raw})
            continue
        person, category, grade, issued = (x.strip() for x in fields)
        if grade not in GRADES:
            send({"type": "reject", "origin": origin, "reason": f"残疾等级 '{grade}' 不是 一级、二级、三级 或 四级", "raw": raw})
            continue
        record = {"person_id": person, "category": category, "grade": GRADES[grade], "issued": iso_date(issued) or None}
        send({"type": "record", "record": "disability", "origin": origin, "fields": record, "raw": raw})
    send({"type": "file", "file": FILE, "rows": rows})
    send({"type": "end"})


def main():
    request = json.loads(sys.stdin.readline() or "{}")
    if request.get("protocol") != PROTOCOL:
        send({"type": "error", "message": f"this program speaks protocol {PROTOCOL}"})
    elif request.get("type") == "spec":
        send(SPEC)
    elif request.get("type") == "read":
        read(request["path"])
    else:
        send({"type": "error", "message": f"unknown request {request.get('type')!r}"})


if __name__ == "__main__":
    main()
