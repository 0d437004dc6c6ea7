#!/usr/bin/env python3
"""The analyst's baseline: the agency-matching rules of the national ruleset as DuckDB SQL over the
same export files `hecha run` reads (same id, date and money normalisation, exact duplicates
counted once), with the same number of threads.

    python3 benchmarks/duckdb_rules.py REGION_DIR [--threads N]

REGION_DIR is a folder written by `hecha generate` (region.yaml, data/…). Prints the number of
findings per rule and, when REGION_DIR/expected-findings.jsonl exists, whether each rule's
households match the expected ones. The death register is GB18030, which DuckDB does not read
without a downloaded extension, so it is converted here (and the conversion is part of the time).
"""
import argparse
import codecs
import json
import os
import sys
import tempfile
import time

import duckdb

ap = argparse.ArgumentParser()
ap.add_argument("region")
ap.add_argument("--threads", type=int, default=os.cpu_count())
args = ap.parse_args()
D = os.path.join(args.region, "data")

con = duckdb.connect()
con.execute(f"SET threads = {args.threads}")
con.execute("SET preserve_insertion_order = false")

stage_start = time.time()
stages = []


def stage(name):
    global stage_start
    now = time.time()
    stages.append((name, now - stage_start))
    stage_start = now


# --- the death register: GB18030 → UTF-8 -----------------------------------------------------
tmp = tempfile.mkdtemp(prefix="hecha-duckdb-")
deaths_utf8 = os.path.join(tmp, "deaths.csv")
with open(os.path.join(D, "public-security", "死亡人员.csv"), "rb") as src, open(deaths_utf8, "wb") as dst:
    dec = codecs.getincrementaldecoder("gb18030")()
    while True:
        chunk = src.read(1 << 22)
        if not chunk:
            dst.write(dec.decode(b"", final=True).encode("utf-8"))
            break
        dst.write(dec.decode(chunk).encode("utf-8"))
stage("deaths GB18030 → UTF-8")

# --- normalisation macros ----------------------------------------------------------------------
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
chk = " + ".join(f"{w} * CAST(substr(s, {i + 1}, 1) AS INTEGER)" for i, w in enumerate(W))
con.execute(f"CREATE MACRO chk(s) AS substr('10X98765432', (({chk}) % 11) + 1, 1)")
con.execute("""CREATE MACRO idn0(x) AS upper(trim(translate(coalesce(x, ''), '０１２３４５６７８９Ｘｘ　', '0123456789XX ')))""")
con.execute("""CREATE MACRO idn15(s) AS CASE WHEN length(s) = 15 AND regexp_full_match(s, '[0-9]{15}')
    THEN substr(s, 1, 6) || '19' || substr(s, 7, 9) || chk(substr(s, 1, 6) || '19' || substr(s, 7, 9)) ELSE s END""")
con.execute("""CREATE MACRO idn(x) AS idn15(idn0(x))""")
con.execute("""CREATE MACRO valid_id(s) AS
    length(s) = 18 AND regexp_full_match(s, '[0-9]{17}[0-9X]') AND chk(substr(s, 1, 17)) = substr(s, 18, 1)""")
con.execute("""CREATE MACRO d(x) AS CAST(coalesce(
    try_strptime(trim(x), '%Y-%m-%d'), try_strptime(trim(x), '%Y%m%d'),
    try_strptime(trim(x), '%Y/%m/%d'), try_strptime(trim(x), '%Y年%m月%d日')) AS DATE)""")
con.execute("""CREATE MACRO money(x) AS TRY_CAST(replace(replace(replace(replace(trim(x), ',', ''), '元', ''), '¥', ''), '￥', '')
    AS DECIMAL(18, 2))""")


def csv(path, extra=""):
    return f"read_csv('{path}', all_varchar = true, header = true, ignore_errors = true{extra})"


# --- the roster ---------------------------------------------------------------------------------
con.execute(f"""CREATE TABLE households AS SELECT DISTINCT 户编号 AS hid, 救助类别 AS program, 状态 AS status
    FROM {csv(os.path.join(D, 'civil-affairs', '低保家庭.csv'))}""")
con.execute(f"""CREATE TABLE members AS SELECT DISTINCT m.户编号 AS hid, idn(身份证号) AS pid, 共同生活 = '是' AS cores, 保障对象 = '是' AS covered
    FROM {csv(os.path.join(D, 'civil-affairs', '家庭成员.csv'))} m""")
con.execute("""CREATE TABLE active AS SELECT h.hid, h.program,
    CASE h.program WHEN '城市低保' THEN 1050 WHEN '农村低保' THEN 800 ELSE 1350 END AS std,
    (SELECT count(*) FROM members m WHERE m.hid = h.hid AND m.cores) AS size
    FROM (SELECT hid, any_value(program) AS program FROM households WHERE status = '在保' GROUP BY hid) h""")
con.execute("""CREATE TABLE coresident AS SELECT m.hid, m.pid FROM members m JOIN active a USING (hid)
    WHERE m.cores AND valid_id(m.pid)""")
con.execute(f"""CREATE TABLE payments AS SELECT DISTINCT 户编号 AS hid, 发放月份 AS month_raw, 实发金额 AS amount_raw, 发放日期 AS paid_raw
    FROM {csv(os.path.join(D, 'civil-affairs', '发放记录.csv'))}""")
stage("roster and payments")

results = {}

# --- vehicle-owned ------------------------------------------------------------------------------
results["vehicle-owned"] = con.execute(f"""
    SELECT DISTINCT c.hid FROM {csv(os.path.join(D, 'vehicles', '机动车登记.csv'))} v
    JOIN coresident c ON c.pid = idn(v.所有人证件号码)
    WHERE trim(v.机动车状态) IN ('正常', '抵押')
      AND trim(v.车辆类型) NOT IN ('普通二轮摩托车', '三轮汽车', '拖拉机', '残疾人专用车')
      AND (trim(coalesce(v.购置价格, '')) = '' OR money(v.购置价格) >= 0)""").fetchall()
stage("vehicle-owned")

# --- property-excess ----------------------------------------------------------------------------
results["property-excess"] = con.execute(f"""
    WITH p AS (SELECT DISTINCT c.hid, upper(trim(e.不动产单元号)) AS unit, trim(e.规划用途) AS use
               FROM {csv(os.path.join(D, 'real-estate', '不动产登记.csv'))} e
               JOIN coresident c ON c.pid = idn(e.权利人证件号) WHERE trim(e.权属状态) = '现势')
    SELECT hid FROM p GROUP BY hid
    HAVING count(DISTINCT CASE WHEN use = '住宅' THEN unit END) > 1 OR bool_or(use NOT IN ('住宅', '车位'))""").fetchall()
stage("property-excess")

# --- business-registered ------------------------------------------------------------------------
results["business-registered"] = con.execute(f"""
    SELECT DISTINCT c.hid FROM {csv(os.path.join(D, 'market-regulation', '市场主体.csv'))} b
    JOIN coresident c ON c.pid = idn(b.法定代表人证件号)
    WHERE trim(b.登记状态) = '存续' AND (trim(b.主体类型) NOT IN ('个体工商户', '农民专业合作社')
          OR TRY_CAST(replace(replace(trim(b."注册资本(万元)"), '万元', ''), '万', '') AS DECIMAL(18, 6)) >= 10)""").fetchall()
stage("business-registered")

# --- deceased-still-paid ------------------------------------------------------------------------
results["deceased-still-paid"] = con.execute(f"""
    WITH death AS (SELECT idn(公民身份号码) AS pid, min(d(死亡日期)) AS day FROM {csv(deaths_utf8)} GROUP BY 1),
         cov AS (SELECT hid, count(*) AS n FROM members WHERE covered GROUP BY hid),
         pay AS (SELECT hid, coalesce(try_strptime(trim(month_raw), '%Y-%m'), try_strptime(trim(month_raw), '%Y%m'),
                                      try_strptime(trim(month_raw), '%Y年%m月'))::DATE AS month, money(amount_raw) AS amount FROM payments)
    SELECT m.hid, m.pid, round(sum(p.amount) / any_value(cov.n), 2)
    FROM (SELECT DISTINCT hid, pid FROM members WHERE covered AND valid_id(pid)) m
    JOIN death ON death.pid = m.pid JOIN cov ON cov.hid = m.hid
    JOIN pay p ON p.hid = m.hid AND p.month BETWEEN DATE '2024-01-01' AND DATE '2024-12-01'
                 AND p.month > date_trunc('month', death.day)
    GROUP BY m.hid, m.pid""").fetchall()
stage("deceased-still-paid")

# --- deposits-over-limit ------------------------------------------------------------------------
bank_files = sorted(os.path.join(D, "banking", f) for f in os.listdir(os.path.join(D, "banking")) if f.endswith(".jsonl"))
bank_list = "[" + ", ".join(f"'{f}'" for f in bank_files) + "]"
results["deposits-over-limit"] = con.execute(f"""
    WITH q AS (SELECT DISTINCT c.hid, trim(translate(j.账号, '０１２３４５６７８９', '0123456789')) AS acct, d(j.查询日期) AS day, money(j.余额) AS bal
               FROM read_json({bank_list}, format = 'newline_delimited', ignore_errors = true,
                              columns = {{'证件号码': 'VARCHAR', '机构': 'VARCHAR', '账号': 'VARCHAR', '账户类型': 'VARCHAR', '余额': 'VARCHAR', '查询日期': 'VARCHAR'}}) j
               JOIN coresident c ON c.pid = idn(j.证件号码)),
         latest AS (SELECT q.* FROM q WHERE day <= DATE '2024-12-31'
                    QUALIFY day = max(day) OVER (PARTITION BY hid, acct))
    SELECT a.hid, sum(bal) - 24 * a.std * a.size FROM latest JOIN active a USING (hid)
    GROUP BY a.hid, a.std, a.size HAVING sum(bal) > 24 * a.std * a.size""").fetchall()
stage("deposits-over-limit")

# --- income-over-standard -----------------------------------------------------------------------
results["income-over-standard"] = con.execute(f"""
    WITH i AS (SELECT DISTINCT c.hid, trim(r.所属期) AS per, money(r.金额) AS amount, r.收入类型, r.数据来源, r.证件号码
               FROM {csv(os.path.join(D, 'income', '收入明细.csv'))} r JOIN coresident c ON c.pid = idn(r.证件号码)),
         t AS (SELECT hid, sum(CASE WHEN length(per) = 4 THEN amount / 12 * (CASE per WHEN '2023' THEN 1 WHEN '2024' THEN 11 ELSE 0 END)
                                    WHEN coalesce(try_strptime(per, '%Y%m'), try_strptime(per, '%Y-%m'), try_strptime(per, '%Y年%m月'))
                                         BETWEEN TIMESTAMP '2023-12-01' AND TIMESTAMP '2024-11-01' THEN amount ELSE 0 END) AS total
               FROM i GROUP BY hid)
    SELECT a.hid, round((t.total / 12 / a.size - a.std) * a.size, 2) FROM t JOIN active a USING (hid)
    WHERE a.size > 0 AND t.total / 12 / a.size > a.std""").fetchall()
stage("income-over-standard")

# --- official-relative --------------------------------------------------------------------------
results["official-relative"] = con.execute(f"""
    SELECT DISTINCT c.hid, c.pid FROM {csv(os.path.join(D, 'officials', '财政供养人员.csv'))} o
    JOIN coresident c ON c.pid = idn(o.身份证号)""").fetchall()
stage("official-relative")

# --- subsidy-large ------------------------------------------------------------------------------
results["subsidy-large"] = con.execute(f"""
    WITH s AS (SELECT DISTINCT c.hid, trim(x.补贴项目) AS item, money(x.金额) AS amount, d(x.发放日期) AS day, x.证件号码
               FROM {csv(os.path.join(D, 'agri-subsidy', '惠农补贴.csv'))} x JOIN coresident c ON c.pid = idn(x.证件号码))
    SELECT hid, sum(amount) FROM s WHERE day > DATE '2023-12-31' AND day <= DATE '2024-12-31'
    GROUP BY hid HAVING bool_or(item = '农机购置补贴') OR sum(amount) >= 10000""").fetchall()
stage("subsidy-large")

for name, secs in stages:
    print(f"  {name:<34}{secs:9.3f} s", file=sys.stderr)

expected = {}
path = os.path.join(args.region, "expected-findings.jsonl")
if os.path.exists(path):
    for line in open(path, encoding="utf-8"):
        f = json.loads(line)
        expected.setdefault(f["rule"], set()).add(f["household"])
ok = True
for rule, rows in results.items():
    got = {r[0] for r in rows}
    same = got == expected.get(rule, set()) if expected else None
    ok = ok and same is not False
    print(f"duckdb {rule:<22} {len(rows):>7} findings" + ("" if same is None else ("  matches expected" if same else "  DIFFERS from expected")))
print("duckdb households match the expected findings: " + ("yes" if ok else "NO"))
