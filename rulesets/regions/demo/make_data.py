#!/usr/bin/env python3
"""Demo data for the 远安县 (420525) region.

Writes the nine agencies' exports under data/<source>/, the expected findings
(expected-findings.jsonl) and the list of planted cases (PLANTED.md).

Deterministic: a fixed seed, no clock, no dependence on hash ordering.
Standard library only.  Run:  python3 make_data.py

The expected findings are not copied from the plan: after writing the files,
the generator reads them back with its own small reader (encodings, quoting,
id / date / month / money normalisation, exact-duplicate removal, rejects) and
evaluates the 15 rules of the national ruleset with exact fractions.  It then
checks that what fires is exactly the set of planted cases.
"""

import csv
import datetime as dt
import io
import json
import os
import random
import re
from fractions import Fraction

SEED = 420525_2024
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")

D = dt.date
AS_OF = D(2024, 12, 31)
WINDOW = [(2024, m) for m in range(1, 13)]
COUNTY = "远安县"
COUNTY_CODE = "420525"

rng = random.Random(SEED)

# --------------------------------------------------------------------------
# Parameters (region overrides + national defaults)
# --------------------------------------------------------------------------

def standard(program, day):
    if program == "城市低保":
        return 850 if day >= D(2024, 7, 1) else 800
    if program == "农村低保":
        return 600
    return 1040  # 特困供养


VEHICLE_EXEMPT = ["普通二轮摩托车", "三轮汽车", "拖拉机", "残疾人专用车"]
VEHICLE_MIN_PRICE = 0
MAX_HOMES = 1
BUSINESS_EXEMPT = ["个体工商户", "农民专业合作社"]
BUSINESS_MIN_CAPITAL = 10
DEPOSIT_MONTHS = 24
INCOME_MONTHS = 12
TOLERANCE = Fraction(1)
APPROVAL_WD = 15
DISBURSE_WD = 10
REVIEW_MONTHS = {"A": 1, "B": 3, "C": 6}
GRACE_DAYS = 0
SUBSIDY_ALWAYS = ["农机购置补贴"]
SUBSIDY_MAX = 10000

# --------------------------------------------------------------------------
# Calendar (spec/holidays.md)
# --------------------------------------------------------------------------

def _span(a, b):
    out = []
    while a <= b:
        out.append(a)
        a += dt.timedelta(days=1)
    return out


OFF = set()
WORK = set()
for a, b in [
    (D(2022, 12, 31), D(2023, 1, 2)), (D(2023, 1, 21), D(2023, 1, 27)), (D(2023, 4, 5), D(2023, 4, 5)),
    (D(2023, 4, 29), D(2023, 5, 3)), (D(2023, 6, 22), D(2023, 6, 24)), (D(2023, 9, 29), D(2023, 10, 6)),
    (D(2024, 1, 1), D(2024, 1, 1)), (D(2024, 2, 10), D(2024, 2, 17)), (D(2024, 4, 4), D(2024, 4, 6)),
    (D(2024, 5, 1), D(2024, 5, 5)), (D(2024, 6, 8), D(2024, 6, 10)), (D(2024, 9, 15), D(2024, 9, 17)),
    (D(2024, 10, 1), D(2024, 10, 7)), (D(2025, 1, 1), D(2025, 1, 1)), (D(2025, 1, 28), D(2025, 2, 4)),
    (D(2025, 4, 4), D(2025, 4, 6)), (D(2025, 5, 1), D(2025, 5, 5)), (D(2025, 5, 31), D(2025, 6, 2)),
    (D(2025, 10, 1), D(2025, 10, 8)), (D(2026, 1, 1), D(2026, 1, 3)), (D(2026, 2, 15), D(2026, 2, 23)),
    (D(2026, 4, 4), D(2026, 4, 6)), (D(2026, 5, 1), D(2026, 5, 5)), (D(2026, 6, 19), D(2026, 6, 21)),
    (D(2026, 9, 25), D(2026, 9, 27)), (D(2026, 10, 1), D(2026, 10, 7)),
]:
    OFF.update(_span(a, b))
WORK.update([
    D(2023, 1, 28), D(2023, 1, 29), D(2023, 4, 23), D(2023, 5, 6), D(2023, 6, 25), D(2023, 10, 7), D(2023, 10, 8),
    D(2024, 2, 4), D(2024, 2, 18), D(2024, 4, 7), D(2024, 4, 28), D(2024, 5, 11), D(2024, 9, 14), D(2024, 9, 29),
    D(2024, 10, 12), D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28), D(2025, 10, 11),
    D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10),
])


def is_workday(d):
    if d in OFF:
        return False
    if d in WORK:
        return True
    return d.weekday() < 5


def workdays(a, b):
    """Workdays d with a < d <= b."""
    n = 0
    d = a + dt.timedelta(days=1)
    while d <= b:
        if is_workday(d):
            n += 1
        d += dt.timedelta(days=1)
    return n


def workday_on_or_after(d):
    while not is_workday(d):
        d += dt.timedelta(days=1)
    return d


def back_workdays(d, k):
    """A workday a with workdays(a, d) == k."""
    a = d
    n = 0
    while n < k:
        if is_workday(a):
            n += 1
        a -= dt.timedelta(days=1)
    while not is_workday(a):
        a -= dt.timedelta(days=1)
    return a


def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    last = (D(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return D(y, m, min(d.day, last))


# --------------------------------------------------------------------------
# Identity numbers
# --------------------------------------------------------------------------

W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHK = "10X98765432"


def check_char(s17):
    return CHK[sum(int(c) * w for c, w in zip(s17, W)) % 11]


FW_DIGITS = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
HW = {ord("０") + i: ord("0") + i for i in range(10)}
HW[ord("Ｘ")] = ord("X")
HW[ord("ｘ")] = ord("X")


def to_legacy(pid):
    assert pid[6:8] == "19"
    return pid[:6] + pid[8:17]


USED_IDS = set()


def make_id(region, birth, male, want_x=False):
    for _ in range(10000):
        seq = rng.randint(0, 499) * 2 + (1 if male else 0)
        if seq == 0:
            continue
        s17 = "%s%s%03d" % (region, birth.strftime("%Y%m%d"), seq)
        pid = s17 + check_char(s17)
        if want_x and pid[-1] != "X":
            continue
        if pid not in USED_IDS:
            USED_IDS.add(pid)
            return pid
    raise RuntimeError("id space exhausted")


# --------------------------------------------------------------------------
# Names and places
# --------------------------------------------------------------------------

SURNAMES = list("王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔毛邱秦江史顾侯邵孟龙万段雷钱汤黎易常武贺龚文向覃屈")
MALE = list("建国华明军强伟平勇春林文志海德成兵福贵祥荣忠发金山涛磊超杰浩宇俊鹏飞斌刚全顺安和兴家玉光永学长")
FEMALE = list("秀英兰芳华琴梅玲霞凤珍桂莲娟丽敏静燕红艳萍婷雪慧欣怡悦琳翠菊香云月春玉")


def make_name(male, age, surname=None):
    s = surname or rng.choice(SURNAMES)
    pool = MALE if male else FEMALE
    if age < 30 and rng.random() < 0.35:
        return s + rng.choice(pool)
    return s + rng.choice(pool) + rng.choice(pool)


TOWNSHIPS = [
    ("鸣凤镇", 75, ["凤阳社区", "鸣凤社区", "城关社区", "西门社区", "龙泉社区"], ["双路村", "马渡河村", "平山村", "荷花村"]),
    ("花林寺镇", 40, ["花林寺社区"], ["花林寺村", "吉阳村", "五里村", "鲁家湾村", "贾湾村"]),
    ("旧县镇", 42, ["旧县社区"], ["鹿苑村", "新华村", "南襄村", "东干渠村", "杨家坪村"]),
    ("洋坪镇", 45, ["洋坪社区"], ["晓坪村", "姚家坡村", "龙凤村", "百宝寨村", "双龙村"]),
    ("茅坪场镇", 33, ["茅坪场社区"], ["太平村", "龙潭村", "三岔河村", "九子溪村"]),
    ("嫘祖镇", 37, ["嫘祖社区"], ["苟家垭村", "望家村", "赵家湾村", "金家湾村", "东风村"]),
    ("河口乡", 28, ["河口社区"], ["莲花村", "子胥村", "狮子坪村", "文坪村"]),
]
TOWN_CODE = {"鸣凤镇": "100", "花林寺镇": "101", "旧县镇": "102", "洋坪镇": "103", "茅坪场镇": "104",
             "嫘祖镇": "105", "河口乡": "200"}
TOWN_INDEX = {t[0]: i for i, t in enumerate(TOWNSHIPS)}
STREETS = ["凤阳路", "鸣凤大道", "新城路", "西门路", "和平路", "沮河路", "堆金路", "东门路"]


def urban_address(town, village):
    if town == "鸣凤镇":
        return "%s%s%s%d号%d栋%d单元" % (COUNTY, town, rng.choice(STREETS), rng.randint(1, 180),
                                      rng.randint(1, 12), rng.randint(1, 4))
    return "%s%s%s%s街%d号" % (COUNTY, town, village, rng.choice(["老", "新", "中心"]), rng.randint(1, 90))


def rural_address(town, village):
    return "%s%s%s%d组%d号" % (COUNTY, town, village, rng.randint(1, 9), rng.randint(1, 60))


AWAY_ADDR = ["湖北省宜昌市西陵区夷陵大道%d号", "湖北省武汉市东西湖区金银湖路%d号", "广东省东莞市长安镇锦厦路%d号",
             "浙江省宁波市鄞州区天童南路%d号", "湖北省宜昌市伍家岗区城东大道%d号"]

# --------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------


class Person:
    def __init__(self, pid, name, male, birth):
        self.pid, self.name, self.male, self.birth = pid, name, male, birth

    @property
    def age(self):
        return 2024 - self.birth.year


def new_person(age, male=None, region=COUNTY_CODE, surname=None, want_x=False):
    if male is None:
        male = rng.random() < 0.5
    birth = D(2024 - age, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
    pid = make_id(region, birth, male, want_x)
    return Person(pid, make_name(male, age, surname), male, birth)


class Member:
    def __init__(self, person, relation, cores=True, covered=True):
        self.person, self.relation, self.cores, self.covered = person, relation, cores, covered
        self.raw_id = person.pid
        self.phone = None
        self.addr = None


class Household:
    def __init__(self, town, program, planted):
        self.town, self.program, self.planted = town, program, planted
        urban_v, rural_v = next(t[2:] for t in TOWNSHIPS if t[0] == town)
        self.village = rng.choice(urban_v if program == "城市低保" else (rural_v if rng.random() < 0.85 else urban_v))
        self.members = []
        self.status = "在保"
        self.enrol = None
        self.mgmt = rng.choice("ABBCCCC") if program != "特困供养" else rng.choice("AABBC")
        self.review = None
        self.income = 0  # fen
        self.rows = []  # payment rows: dict(month, amount, date)
        self.hooks = []
        self.first_pay = None
        self.stop_month = 12
        self.hid = None
        self.home = None

    @property
    def head(self):
        return self.members[0].person

    def covered(self):
        return sum(1 for m in self.members if m.covered)

    def coresident(self):
        return [m for m in self.members if m.cores]

    def entitlement(self, y, m):
        std = standard(self.program, D(y, m, 1)) * 100
        return max(0, (std - self.income) * self.covered())


HOUSEHOLDS = []
APPS = []
CASES = []


class App:
    def __init__(self, hh, kind, acc, appr, first):
        self.hh, self.kind, self.acc, self.appr, self.first = hh, kind, acc, appr, first
        self.aid = None
        self.raw = {}


def case(rule, hh, person=None, app=None, fires=True, note="", other=None):
    CASES.append(dict(rule=rule, hh=hh, person=person, app=app, fires=fires, note=note, other=other))


def rel_age(rel, h):
    if rel == "配偶":
        return max(20, h + rng.randint(-5, 5))
    if rel == "子女":
        lo = 0 if h < 42 else h - 42
        return rng.randint(lo, max(lo, h - 21))
    if rel == "父母":
        return min(95, h + rng.randint(22, 30))
    if rel == "孙子女":
        return rng.randint(0, max(0, h - 44))
    if rel == "兄弟姐妹":
        return max(18, h + rng.randint(-8, 8))
    return h


def add_member(hh, rel, age=None, male=None, cores=True, covered=True, want_x=False):
    h = hh.head
    if age is None:
        age = rel_age(rel, h.age)
    if rel == "配偶" and male is None:
        male = not h.male
    surname = None
    if rel in ("子女", "孙子女"):
        surname = h.name[0] if h.male or rng.random() < 0.3 else None
    if rel == "父母" and h.male and male is None:
        male = rng.random() < 0.4
    if rel == "父母" and male:
        surname = h.name[0] if h.male else None
    p = new_person(age, male, surname=surname, want_x=want_x)
    m = Member(p, rel, cores, covered)
    hh.members.append(m)
    return m


def auto_rels(size, h):
    rels = []
    if size >= 2 and h >= 24 and rng.random() < 0.8:
        rels.append("配偶")
    while len(rels) < size - 1:
        opts = ["子女", "子女"]
        if h <= 62:
            opts.append("父母")
        if h >= 50:
            opts += ["孙子女"]
        if rels.count("父母") >= 2:
            opts = [o for o in opts if o != "父母"] or ["子女"]
        rels.append(rng.choice(opts))
    return rels


def make_hh(town, program, size=None, head_age=None, rels=None, planted=True, head_x=False, head_male=None):
    hh = Household(town, program, planted)
    if program == "特困供养":
        size = 1 if size is None else size
        head_age = head_age or (rng.randint(62, 89) if rng.random() < 0.8 else rng.randint(35, 60))
    else:
        size = size or rng.choices([1, 2, 3, 4, 5, 6], [18, 26, 25, 17, 9, 5])[0]
        head_age = head_age or (rng.randint(26, 84) if size > 1 else rng.randint(45, 86))
    head = new_person(head_age, male=head_male if head_male is not None else rng.random() < 0.7, want_x=head_x)
    hh.members.append(Member(head, "本人"))
    if rels is None:
        rels = auto_rels(size, head_age)
    for r in rels:
        add_member(hh, r)
    # income per capita assessed at enrolment (fen)
    if program == "城市低保":
        hh.income = rng.choice([0, 0, 0]) if rng.random() < 0.2 else rng.randint(10, 110) * 500 + rng.choice([0, 0, 0, 50, 37])
    elif program == "农村低保":
        hh.income = 0 if rng.random() < 0.2 else rng.randint(10, 80) * 500 + rng.choice([0, 0, 0, 50, 20])
    else:
        hh.income = 0
    hh.enrol = D(rng.randint(2009, 2023), 1, 1) + dt.timedelta(days=rng.randint(0, 300))
    HOUSEHOLDS.append(hh)
    return hh


# --------------------------------------------------------------------------
# Agency rows (each row: dict of column -> text, with optional _note / _dup)
# --------------------------------------------------------------------------

DEATHS, VEHICLES, ESTATES, BUSINESSES, BANK1, BANK2, INCOMES, OFFICIALS, SUBSIDIES = ([] for _ in range(9))
NOTES = {}  # id(row) -> note


def note(row, text):
    row["_note"] = text
    return row


def fmt_date(d, style="iso"):
    if style == "iso":
        return d.isoformat()
    if style == "compact":
        return d.strftime("%Y%m%d")
    if style == "slash":
        return "%d/%d/%d" % (d.year, d.month, d.day)
    return "%d年%d月%d日" % (d.year, d.month, d.day)


def fmt_month(y, m, style="iso"):
    if style == "iso":
        return "%04d-%02d" % (y, m)
    if style == "compact":
        return "%04d%02d" % (y, m)
    return "%d年%d月" % (y, m)


def fmt_money(fen, style="plain"):
    y, f = divmod(fen, 100)
    if style == "plain":
        return "%d.%02d" % (y, f)
    if style == "short":
        s = "%d.%02d" % (y, f)
        return s.rstrip("0").rstrip(".") if "." in s else s
    if style == "comma":
        return "{:,}.{:02d}".format(y, f)
    if style == "yuan":
        return "%d.%02d元" % (y, f)
    raise ValueError(style)


DATE_STYLE_NAMES = {"compact": "date 20240305 form", "slash": "date 2024/3/5 form", "cn": "date 2024年3月5日 form"}


def maybe_date(d, rate, notes, what="date"):
    if rng.random() < rate:
        s = rng.choice(["compact", "slash", "cn"])
        notes.append("%s in %s" % (what, DATE_STYLE_NAMES[s].replace("date ", "")))
        return fmt_date(d, s)
    return fmt_date(d)


def maybe_money(fen, rate, notes, what="amount"):
    if rng.random() < rate:
        s = rng.choice(["comma", "yuan", "short"])
        if s == "comma" and fen < 100000:
            s = "yuan"
        notes.append("%s written %s" % (what, {"comma": "with thousands comma", "yuan": "with 元 suffix",
                                                "short": "without trailing zeros"}[s]))
        return fmt_money(fen, s)
    return fmt_money(fen)


def messy_id(pid, kind):
    if kind == "space":
        return " " + pid + "  "
    if kind == "fw":
        return pid.translate(FW_DIGITS)
    if kind == "lower":
        return pid.replace("X", "x")
    if kind == "legacy":
        return to_legacy(pid)
    raise ValueError(kind)


ID_KIND_TEXT = {"space": "id with surrounding spaces", "fw": "id in full-width digits",
                "lower": "id with lowercase x", "legacy": "id in 15-digit legacy form"}


def maybe_id(pid, rate, notes):
    if rng.random() < rate:
        kinds = ["space", "fw"]
        if pid.endswith("X"):
            kinds += ["lower", "lower"]
        if pid[6:8] == "19":
            kinds.append("legacy")
        k = rng.choice(kinds)
        notes.append(ID_KIND_TEXT[k])
        return messy_id(pid, k)
    return pid


def row_with_notes(row, notes):
    if notes:
        prev = row.get("_note")
        row["_note"] = "; ".join(([prev] if prev else []) + notes)
    return row


PLATES = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def plate():
    return "鄂E" + rng.choice(PLATES) + "".join(rng.choice("0123456789" + PLATES[:10]) for _ in range(4))


def vehicle(pid, vtype, status, price_fen, reg=None, raw_id=None, notes=None):
    notes = notes if notes is not None else []
    reg = reg or D(rng.randint(2008, 2023), rng.randint(1, 12), rng.randint(1, 28))
    row = {"号牌号码": plate(), "车辆类型": vtype, "所有人证件号码": raw_id or maybe_id(pid, 0.04, notes),
           "初次登记日期": maybe_date(reg, 0.05, notes, "初次登记日期"),
           "机动车状态": status, "购置价格": "" if price_fen is None else maybe_money(price_fen, 0.05, notes, "购置价格"),
           "车身颜色": rng.choice(["白", "黑", "银", "红", "蓝", "灰"])}
    VEHICLES.append(row_with_notes(row, notes))
    return row


UNIT_SEQ = [0]


def unit_no(town):
    UNIT_SEQ[0] += 1
    return "420525%s%03d%s%05dF%08d" % (TOWN_CODE[town], rng.randint(1, 30), rng.choice(["JC", "JC", "JB"]),
                                         rng.randint(1, 99999), 10000000 + UNIT_SEQ[0] * 7)


def estate(pid, town, use, status, area=None, loc=None, unit=None, reg=None, raw_id=None, notes=None):
    notes = notes if notes is not None else []
    unit = unit or unit_no(town)
    area = area if area is not None else (rng.randint(6000, 16000) if use == "住宅" else rng.randint(1200, 9000))
    reg = reg or D(rng.randint(2010, 2024), rng.randint(1, 12), rng.randint(1, 28))
    if loc is None:
        loc = rural_address(town, rng.choice(next(t[3] for t in TOWNSHIPS if t[0] == town))) if use == "住宅" and rng.random() < 0.5 \
            else urban_address(town, next(t[2] for t in TOWNSHIPS if t[0] == town)[0])
        if use == "车位":
            loc += "地下车位%d号" % rng.randint(1, 300)
    row = {"不动产单元号": unit, "权利人证件号": raw_id or maybe_id(pid, 0.03, notes), "坐落": loc, "规划用途": use,
           "建筑面积": "%d.%02d" % divmod(area, 100), "登记日期": maybe_date(reg, 0.04, notes, "登记日期"),
           "权属状态": status, "登记机构": "远安县不动产登记中心"}
    ESTATES.append(row_with_notes(row, notes))
    return row


CREDIT_SEQ = [0]


def credit_code():
    CREDIT_SEQ[0] += 1
    body = "92" + "420525" + "MA" + "%08d" % (rng.randint(0, 99999999))
    return (body + "0123456789ABCDEFGHJKLMNPQRTUWXY"[CREDIT_SEQ[0] % 31])[:18]


BIZ_WORDS = ["农家乐", "种养殖", "建材", "百货", "茶叶", "食品", "物流", "汽车修理", "餐饮", "香菇", "柑橘", "劳务"]


def business(pid, kind, capital_wan, status, name=None, founded=None, raw_id=None, notes=None):
    notes = notes if notes is not None else []
    word = rng.choice(BIZ_WORDS)
    if name is None:
        if kind == "个体工商户":
            name = "远安县%s%s店" % (rng.choice(["鸣凤", "花林", "旧县", "洋坪", "茅坪", "嫘祖", "河口"]), word)
        elif kind == "农民专业合作社":
            name = "远安县%s%s专业合作社" % (rng.choice(["鸣凤", "花林", "旧县", "洋坪", "茅坪", "嫘祖", "河口"]), word)
        elif kind == "股份有限公司":
            name = "宜昌%s%s股份有限公司" % (rng.choice(["远发", "鑫源", "楚禾", "沮漳"]), word)
        else:
            name = "远安县%s%s有限公司" % (rng.choice(["兴旺", "永顺", "鑫达", "华远", "金源", "顺达"]), word)
    founded = founded or D(rng.randint(2008, 2024), rng.randint(1, 12), rng.randint(1, 28))
    row = {"统一社会信用代码": credit_code(), "主体名称": name, "主体类型": kind,
           "法定代表人证件号": raw_id or maybe_id(pid, 0.04, notes), "注册资本(万元)": capital_wan,
           "成立日期": maybe_date(founded, 0.05, notes, "成立日期"), "登记状态": status}
    BUSINESSES.append(row_with_notes(row, notes))
    return row


BANKS = ["湖北远安农村商业银行", "中国农业银行远安县支行", "中国邮政储蓄银行远安县支行", "中国工商银行远安支行",
         "中国建设银行远安支行", "湖北银行宜昌分行"]
ACCT_USED = set()


def account_no():
    while True:
        a = rng.choice(["6228", "6217", "6230", "6222", "6212"]) + "".join(rng.choice("0123456789") for _ in range(15))
        if a not in ACCT_USED:
            ACCT_USED.add(a)
            return a


def bank(pid, kind, fen, qdate, acct=None, org=None, file=1, raw_id=None, notes=None, bal_text=None):
    notes = notes if notes is not None else []
    row = {"证件号码": raw_id or maybe_id(pid, 0.03, notes), "机构": org or rng.choice(BANKS), "账号": acct or account_no(),
           "账户类型": kind, "余额": bal_text if bal_text is not None else maybe_money(fen, 0.06, notes, "余额"),
           "查询日期": maybe_date(qdate, 0.04, notes, "查询日期")}
    (BANK1 if file == 1 else BANK2).append(row_with_notes(row, notes))
    return row


def income(pid, period, kind, fen, source=None, raw_id=None, notes=None):
    notes = notes if notes is not None else []
    if source is None:
        source = {"工资薪金": "税务", "劳务报酬": "税务", "经营所得": "税务", "养老金": "人社", "失业保险金": "人社",
                  "农业经营收入": "农业农村"}[kind]
    if isinstance(period, tuple):
        y, m = period
        per = "%04d%02d" % (y, m)
    else:
        per = "%04d" % period
    row = {"证件号码": raw_id or maybe_id(pid, 0.01, notes), "所属期": per, "收入类型": kind,
           "金额": maybe_money(fen, 0.015, notes, "金额"), "数据来源": source}
    INCOMES.append(row_with_notes(row, notes))
    return row


def official(p, unit, kind, raw_id=None, notes=None):
    notes = notes if notes is not None else []
    row = {"身份证号": raw_id or maybe_id(p.pid, 0.03, notes), "姓名": p.name, "工作单位": unit, "人员类别": kind}
    OFFICIALS.append(row_with_notes(row, notes))
    return row


def subsidy(pid, item, fen, day, raw_id=None, notes=None):
    notes = notes if notes is not None else []
    row = {"证件号码": raw_id or maybe_id(pid, 0.03, notes), "补贴项目": item,
           "金额": maybe_money(fen, 0.05, notes, "金额"), "发放日期": maybe_date(day, 0.05, notes, "发放日期")}
    SUBSIDIES.append(row_with_notes(row, notes))
    return row


def death(p_or_id, day, source, name=None, raw_id=None, notes=None, date_text=None):
    notes = notes if notes is not None else []
    pid = p_or_id.pid if isinstance(p_or_id, Person) else p_or_id
    nm = p_or_id.name if isinstance(p_or_id, Person) else name
    row = {"公民身份号码": raw_id or maybe_id(pid, 0.04, notes), "姓名": nm,
           "死亡日期": date_text or maybe_date(day, 0.05, notes, "死亡日期"), "数据来源": source}
    DEATHS.append(row_with_notes(row, notes))
    return row


# ==========================================================================
# Planted cases
# ==========================================================================

TOWN_NAMES = [t[0] for t in TOWNSHIPS]
_tc = [0]


def next_town():
    t = TOWN_NAMES[_tc[0] % len(TOWN_NAMES)]
    _tc[0] += 1
    return t


def P(program, **kw):
    return make_hh(kw.pop("town", None) or next_town(), program, **kw)


def new_enrolment(hh, acc, appr, first, kind="新申请"):
    hh.enrol = appr
    hh.first_pay = first
    app = App(hh, kind, acc, appr, first)
    APPS.append(app)
    return app


def change_app(hh, acc, appr, first):
    app = App(hh, "变更申请", acc, appr, first)
    APPS.append(app)
    return app


def set_rows(hh, months, fn):
    def hook(h):
        for r in h.rows:
            if (r["month"][1] in months):
                r["amount"] = fn(h, r)
    hh.hooks.append(hook)


# ---- deceased-still-paid -------------------------------------------------
R = "deceased-still-paid"
h = P("农村低保", size=1, head_age=82)
p = h.head
assert p.pid[6:8] == "19"
death(p, D(2024, 5, 14), "火化记录", raw_id=to_legacy(p.pid), notes=["id in 15-digit legacy form"])
case(R, h, p, note="sole covered member cremated 2024-05-14 (death record id in 15-digit form); Jun-Dec still paid")

h = P("城市低保", rels=["配偶", "父母"], head_age=48)
p = h.members[2].person
death(p, D(2024, 8, 3), "户籍注销")
death(p, D(2024, 6, 20), "医学死亡证明", notes=["second death record of the same person, earlier date"])
set_rows(h, [10], lambda hh, r: hh.entitlement(2024, 10) + 50)
case(R, h, p, note="two death records (户籍注销 2024-08-03, 医学死亡证明 2024-06-20): earliest counts; Jul-Dec paid / 3 covered "
                   "(October paid 0.50 over, within tolerance, so the amount has a third of a fen before rounding)")

h = P("特困供养", head_age=86)
p = h.head
death(p, D(2024, 2, 29), "火化记录", date_text="2024年2月29日", notes=["死亡日期 in 2024年2月29日 form"])
case(R, h, p, note="特困 person died 2024-02-29 (leap day); Mar-Dec still paid")

h = P("城市低保", rels=["配偶"], head_age=71)
p = h.members[1].person
r = death(p, D(2024, 9, 30), "户籍注销", date_text="20240930", notes=["死亡日期 in 20240930 form"])
r["_dup"] = True
case(R, h, p, note="spouse died 2024-09-30 (row duplicated exactly, counts once); Oct-Dec paid / 2 covered")

h = P("农村低保", rels=["配偶", "子女", "子女"], head_age=58)
p = h.head
death(p, D(2024, 3, 2), "医学死亡证明")
death(p, D(2024, 3, 8), "火化记录")
case(R, h, p, note="head died 2024-03-02 (and cremation record 2024-03-08); Apr-Dec paid / 4 covered")

h = P("农村低保", rels=["配偶"], head_age=80)
p = h.members[1].person
death(p, D(2024, 12, 3), "火化记录")
case(R, h, p, fires=False, note="NEAR MISS: died 2024-12-03, December is the death month and does not count")

h = P("农村低保", size=1, head_age=77)
h.status = "停保"
h.stop_month = 7
p = h.head
death(p, D(2024, 7, 9), "户籍注销")
case(R, h, p, fires=False, note="NEAR MISS: died 2024-07-09, last payment is for July (the death month), then 停保")

h = P("城市低保", rels=["配偶", "父母"], head_age=50)
h.members[2].covered = False
p = h.members[2].person
death(p, D(2024, 4, 2), "医学死亡证明")
case(R, h, p, fires=False, note="NEAR MISS: the deceased member is not covered (保障对象=否)")

# ---- dual-enrollment ------------------------------------------------------
R = "dual-enrollment"
a = P("农村低保", size=1, head_age=74, head_male=True)
b = P("农村低保", rels=["配偶", "子女"], head_age=46)
x = a.head
m = Member(x, "父母")
m.raw_id = to_legacy(x.pid)
b.members.append(m)
case(R, a, x, note="covered here and (as 父母) in another active household", other=b)
case(R, b, x, note="covered here with the id written in its 15-digit legacy form, and head of another active household", other=a)

a = P("特困供养", head_age=66)
b = P("农村低保", rels=["配偶"], head_age=40)
x = a.head
m = Member(x, "父母")
m.raw_id = x.pid.translate(FW_DIGITS)
b.members.append(m)
case(R, a, x, note="特困 person also covered in a 农村低保 household", other=b)
case(R, b, x, note="covered here with the id in full-width digits, and in a 特困供养 household", other=a)

a = P("城市低保", rels=["子女"], head_age=41, head_male=True)
b = P("农村低保", size=1, head_age=39, head_male=False)
x = a.members[1].person
m = Member(x, "子女")
m.raw_id = " " + x.pid + " "
b.members.append(m)
case(R, a, x, note="child covered in father's urban household and mother's rural household", other=b)
case(R, b, x, note="child covered in mother's household (id with surrounding spaces) and father's", other=a)

a = P("农村低保", size=2, rels=["配偶"], head_age=63)
b = P("农村低保", size=2, rels=["配偶"], head_age=38)
x = a.head
m = Member(x, "父母", cores=False, covered=False)
b.members.append(m)
case(R, a, x, fires=False, note="NEAR MISS: also listed in another household but not covered there (保障对象=否)", other=b)

a = P("城市低保", size=1, head_age=59)
b = P("城市低保", rels=["配偶"], head_age=61)
b.status = "停保"
b.stop_month = 4
x = a.head
b.members.append(Member(x, "兄弟姐妹"))
case(R, a, x, fires=False, note="NEAR MISS: covered in a second household that is 停保 (not active)", other=b)

# ---- vehicle-owned --------------------------------------------------------
R = "vehicle-owned"
h = P("城市低保", rels=["配偶", "子女"], head_age=45)
vehicle(h.head.pid, "小型轿车", "正常", 8680000)
case(R, h, note="head owns a 小型轿车 (正常, price 86,800)")

h = P("农村低保", rels=["配偶"], head_age=52)
vehicle(h.members[1].person.pid, "轻型货车", "抵押", None, notes=["购置价格 empty (unknown)"])
case(R, h, note="spouse owns a 轻型货车 under mortgage (抵押), price unknown (empty) counts")

h = P("农村低保", size=1, head_age=44, head_x=True, head_male=True)
hp = h.head
vehicle(hp.pid, "小型普通客车", "正常", 4500000, reg=D(2019, 6, 3), raw_id=hp.pid.replace("X", "x"),
        notes=["id with lowercase x"])
case(R, h, note="head (id ending X, written with lowercase x in the vehicle file) owns a 小型普通客车")

h = P("城市低保", rels=["子女"], head_age=47)
vehicle(h.head.pid, "小型轿车", "正常", 12800000, raw_id=h.head.pid.translate(FW_DIGITS), notes=["id in full-width digits"])
case(R, h, note="head owns a 小型轿车 (price 128,000), owner id in full-width digits")

h = P("农村低保", rels=["配偶"], head_age=66)
vehicle(h.head.pid, "小型轿车", "报废", 6000000)
case(R, h, fires=False, note="NEAR MISS: the car is 报废 (scrapped)")

h = P("农村低保", rels=["配偶", "子女"], head_age=57)
vehicle(h.head.pid, "三轮汽车", "正常", 1200000)
vehicle(h.members[1].person.pid, "普通二轮摩托车", "正常", 450000)
case(R, h, fires=False, note="NEAR MISS: 三轮汽车 and 普通二轮摩托车 are exempt types")

h = P("农村低保", rels=["配偶", "子女"], head_age=62)
h.members[2].cores = False
h.members[2].covered = False
vehicle(h.members[2].person.pid, "小型轿车", "正常", 9800000)
case(R, h, fires=False, note="NEAR MISS: the car owner is a son who does not live with the household (共同生活=否)")

h = P("城市低保", rels=["配偶"], head_age=55)
h.status = "停保"
h.stop_month = 9
vehicle(h.head.pid, "小型轿车", "正常", 7300000)
case(R, h, fires=False, note="NEAR MISS: household is 停保")

h = P("农村低保", size=1, head_age=69)
vehicle(h.head.pid, "小型轿车", "注销", 5200000)
case(R, h, fires=False, note="NEAR MISS: the car is 注销 (deregistered)")

# ---- property-excess ------------------------------------------------------
R = "property-excess"
h = P("城市低保", rels=["配偶"], head_age=56)
estate(h.head.pid, h.town, "住宅", "现势")
estate(h.members[1].person.pid, h.town, "住宅", "现势")
case(R, h, note="head and spouse each hold a different 住宅 (2 homes > 1)")

h = P("农村低保", rels=["配偶", "子女"], head_age=49)
estate(h.head.pid, h.town, "住宅", "现势")
estate(h.head.pid, h.town, "商业", "现势", loc="%s%s老街门面%d号" % (COUNTY, h.town, 12))
case(R, h, note="head holds a 商业 (shop) property: non-residential flagged")

h = P("农村低保", size=1, head_age=64)
estate(h.head.pid, h.town, "住宅", "现势")
estate(h.head.pid, h.town, "住宅", "现势", loc="%s鸣凤镇凤阳路58号\n2栋1单元301室" % COUNTY,
       notes=["坐落 quoted with a line break inside"])
estate(h.head.pid, h.town, "住宅", "现势", loc="宜昌市西陵区\"江南一品\"小区5栋",
       notes=["坐落 quoted with embedded double quotes"])
case(R, h, note="head holds three 住宅 现势")

h = P("农村低保", rels=["配偶"], head_age=60)
estate(h.members[1].person.pid, h.town, "工业", "现势", area=42000, loc="%s%s工业园%d号厂房" % (COUNTY, h.town, 3))
case(R, h, note="spouse holds a 工业 property (厂房)")

h = P("城市低保", rels=["配偶", "子女"], head_age=44)
u = unit_no(h.town)
loc = urban_address(h.town, h.village)
estate(h.head.pid, h.town, "住宅", "现势", unit=u, loc=loc, area=8900)
estate(h.members[1].person.pid, h.town, "住宅", "现势", unit=u, loc=loc, area=8900)
case(R, h, fires=False, note="NEAR MISS: one home held jointly by head and spouse (same 不动产单元号, two rows) counts once")

h = P("农村低保", rels=["配偶"], head_age=67)
estate(h.head.pid, h.town, "住宅", "现势")
estate(h.head.pid, h.town, "住宅", "历史")
case(R, h, fires=False, note="NEAR MISS: second 住宅 is 历史 (sold)")

h = P("城市低保", size=1, head_age=52)
estate(h.head.pid, h.town, "住宅", "现势")
estate(h.head.pid, h.town, "车位", "现势")
case(R, h, fires=False, note="NEAR MISS: one 住宅 plus a 车位 (parking space is not flagged)")

h = P("农村低保", rels=["配偶", "子女"], head_age=63)
h.members[2].cores = False
h.members[2].covered = False
estate(h.head.pid, h.town, "住宅", "现势")
estate(h.members[2].person.pid, h.town, "住宅", "现势")
case(R, h, fires=False, note="NEAR MISS: the second 住宅 belongs to a child who does not live with the household")

# ---- business-registered --------------------------------------------------
R = "business-registered"
h = P("城市低保", rels=["配偶"], head_age=46)
business(h.head.pid, "有限责任公司", "50", "存续")
case(R, h, note="head is legal representative of a 有限责任公司 (存续, 50万)")

h = P("农村低保", rels=["配偶", "子女"], head_age=43)
business(h.members[1].person.pid, "个体工商户", "10", "存续")
case(R, h, note="spouse runs a 个体工商户 with 注册资本 exactly 10万 (>= min capital fires)")

h = P("农村低保", rels=["配偶"], head_age=54)
business(h.head.pid, "农民专业合作社", "120", "存续")
case(R, h, note="head represents a 农民专业合作社 with 120万")

h = P("城市低保", size=1, head_age=39)
business(h.head.pid, "股份有限公司", "5", "存续")
case(R, h, note="head represents a 股份有限公司 (non-exempt type, any capital)")

h = P("农村低保", rels=["配偶"], head_age=51)
business(h.head.pid, "个体工商户", "9.99", "存续")
case(R, h, fires=False, note="NEAR MISS: 个体工商户 with 9.99万 (< 10万, exempt type)")

h = P("农村低保", size=1, head_age=58)
business(h.head.pid, "有限责任公司", "80", "注销")
case(R, h, fires=False, note="NEAR MISS: company is 注销")

h = P("城市低保", rels=["配偶"], head_age=48)
business(h.members[1].person.pid, "有限责任公司", "30", "吊销")
case(R, h, fires=False, note="NEAR MISS: company is 吊销")

h = P("农村低保", rels=["配偶", "子女"], head_age=64)
h.members[2].cores = False
h.members[2].covered = False
business(h.members[2].person.pid, "有限责任公司", "100", "存续")
case(R, h, fires=False, note="NEAR MISS: the company belongs to a child who does not live with the household")

# ---- deposits-over-limit --------------------------------------------------
R = "deposits-over-limit"
QD = D(2024, 11, 30)
h = P("农村低保", rels=["配偶", "子女"], head_age=50)
bank(h.head.pid, "活期", 1238055, QD)
bank(h.members[1].person.pid, "定期", 4000000, QD, file=2)
case(R, h, note="3 persons, limit 24x600x3 = 43,200; assets 52,380.55")

h = P("城市低保", rels=["配偶"], head_age=62)
acct = account_no()
bank(h.head.pid, "定期", 8000000, D(2024, 6, 30), acct=acct, org=BANKS[1])
bank(h.head.pid, "定期", 4500000, D(2024, 11, 30), acct=acct, org=BANKS[1])
bank(h.head.pid, "定期", 1000000, D(2025, 1, 15), acct=acct, org=BANKS[1], notes=["query after as_of, ignored"])
bank(h.members[1].person.pid, "活期", 105000, D(2024, 12, 20))
case(R, h, note="2 persons, limit 24x850x2 = 40,800; one account queried 3 times, latest on/before as_of is 45,000; +1,050")

h = P("特困供养", head_age=71)
bank(h.head.pid, "定期", 2000000, QD, file=1)
bank(h.head.pid, "理财", 800050, QD, file=2, bal_text="8,000.50", notes=["余额 with thousands comma"])
case(R, h, note="特困 1 person, limit 24x1040 = 24,960; 20,000 + 8,000.50 across both bank files")

h = P("农村低保", rels=["配偶", "子女", "子女"], head_age=53)
r = bank(h.head.pid, "证券", 3000000, QD)
r["_dup"] = True
bank(h.members[2].person.pid, "活期", 3512345, QD, file=2, bal_text="35123.45元", notes=["余额 with 元 suffix"])
case(R, h, note="4 persons, limit 57,600; assets 65,123.45 (a duplicated line counts once)")

h = P("农村低保", rels=["配偶"], head_age=61)
bank(h.head.pid, "定期", 2000000, QD)
bank(h.members[1].person.pid, "活期", 880000, QD)
case(R, h, fires=False, note="NEAR MISS: assets exactly at the limit 28,800.00 (must exceed)")

h = P("城市低保", size=1, head_age=66)
acct = account_no()
bank(h.head.pid, "活期", 1500000, D(2024, 12, 31), acct=acct)
bank(h.head.pid, "活期", 6000000, D(2025, 1, 5), acct=acct, notes=["query after as_of, ignored"])
case(R, h, fires=False, note="NEAR MISS: 15,000 on as_of (limit 20,400); a later query of 60,000 is ignored")

h = P("农村低保", rels=["配偶", "子女"], head_age=59)
h.members[2].cores = False
h.members[2].covered = False
bank(h.head.pid, "定期", 2000000, QD)
bank(h.members[2].person.pid, "定期", 5000000, QD)
case(R, h, fires=False, note="NEAR MISS: 20,000 co-resident (limit 28,800); the 50,000 belongs to a child living away")

# ---- income-over-standard -------------------------------------------------
R = "income-over-standard"
PERIOD = [(2023, 12)] + [(2024, m) for m in range(1, 12)]
h = P("城市低保", rels=["配偶"], head_age=44)
for ym in PERIOD + [(2024, 12)]:
    income(h.head.pid, ym, "工资薪金", 400000)
case(R, h, note="2 persons, wages 4,000/month: 2,000 per capita > 850")

h = P("农村低保", rels=["配偶", "子女"], head_age=55)
income(h.head.pid, 2023, "农业经营收入", 3000000)
income(h.head.pid, 2024, "农业经营收入", 3600000)
income(h.members[1].person.pid, (2024, 6), "劳务报酬", 600000)
case(R, h, note="annual 农业经营收入 2023 (1/12 for Dec 2023) and 2024 (11/12) + 劳务报酬 6,000; 3 persons")

h = P("特困供养", head_age=52)
for mth, amt in [((2024, 2), 600000), ((2024, 4), 850000), ((2024, 7), 780000), ((2024, 10), 650000)]:
    income(h.head.pid, mth, "劳务报酬", amt)
case(R, h, note="特困 person with 28,800 劳务报酬 in the period: 2,400/month > 1,040")

h = P("城市低保", rels=["配偶", "子女", "子女"], head_age=52)
for ym in PERIOD:
    income(h.members[2].person.pid, ym, "工资薪金", 550000)
for ym in PERIOD[3:9]:
    income(h.head.pid, ym, "失业保险金", 120000)
case(R, h, note="4 persons, son's wages 5,500/month + head's 失业保险金: 1,525 per capita > 850")

h = P("农村低保", rels=["配偶"], head_age=57)
income(h.head.pid, 2024, "农业经营收入", 1200000)
income(h.members[1].person.pid, (2024, 3), "劳务报酬", 340000)
case(R, h, fires=False, note="NEAR MISS: 11/12 x 12,000 + 3,400 = 14,400 / 12 / 2 = exactly 600 per capita (must exceed)")

h = P("城市低保", size=1, head_age=49)
for ym in PERIOD:
    income(h.head.pid, ym, "工资薪金", 80000)
income(h.head.pid, (2024, 12), "劳务报酬", 3000000)
case(R, h, fires=False, note="NEAR MISS: 800/month in the period; 30,000 in 2024-12 is outside the 12 months ending 2024-11")

# ---- official-relative -----------------------------------------------------
R = "official-relative"
h = P("城市低保", rels=["子女"], head_age=55)
d = h.members[1]
d.person = new_person(27, male=False, surname=h.head.name[0])
d.raw_id = d.person.pid
official(d.person, "远安县鸣凤镇中心小学", "事业编制")
case(R, h, d.person, note="co-resident daughter is a 事业编制 teacher")

h = P("农村低保", rels=["配偶", "父母"], head_age=45, head_male=False)
official(h.members[1].person, "远安县%s%s村民委员会" % (h.town, h.village), "村(社区)干部")
case(R, h, h.members[1].person, note="spouse is a 村(社区)干部")

h = P("农村低保", rels=["配偶"], head_age=62)
s1 = add_member(h, "子女", age=34, male=True)
s2 = add_member(h, "其他", age=32, male=False)
s2.relation = "儿媳"
official(s1.person, "远安县人民政府办公室", "公务员")
official(s2.person, "远安县医疗保障局", "参公人员", raw_id=" " + s2.person.pid, notes=["id with a leading space"])
case(R, h, s1.person, note="co-resident son is a 公务员")
case(R, h, s2.person, note="co-resident daughter-in-law is a 参公人员")

h = P("农村低保", rels=["配偶", "子女"], head_age=60)
h.members[2].cores = False
h.members[2].covered = False
official(h.members[2].person, "宜昌市公安局", "公务员")
case(R, h, h.members[2].person, fires=False, note="NEAR MISS: the official son does not live with the household (共同生活=否): never flagged")

h = P("城市低保", rels=["子女"], head_age=58)
h.status = "停保"
h.stop_month = 5
official(h.members[1].person, "远安县人民医院", "事业编制")
case(R, h, h.members[1].person, fires=False, note="NEAR MISS: household is 停保")

# ---- overpaid ------------------------------------------------------------
R = "overpaid"
h = P("城市低保", rels=["配偶", "子女", "子女"], head_age=42)
h.income = 30000
set_rows(h, range(1, 7), lambda hh, r: (85000 - hh.income) * hh.covered())
case(R, h, note="paid at the July standard (850) already in Jan-Jun: 4 x 50 x 6")

h = P("农村低保", rels=["配偶", "子女"], head_age=47)
h.income = 20000


def _dbl(hh):
    r = next(r for r in hh.rows if r["month"] == (2024, 3))
    hh.rows.append(dict(month=(2024, 3), amount=r["amount"], date=D(2024, 3, 26)))


h.hooks.append(_dbl)
case(R, h, note="March paid twice (second row 2024-03-26, a different row, not a duplicate)")

h = P("农村低保", rels=["配偶"], head_age=68)
h.income = 15000
set_rows(h, range(1, 13), lambda hh, r: (60000 - hh.income) * 3)
case(R, h, note="paid for 3 persons all year while 2 are covered: 450 x 12")

h = P("特困供养", head_age=80)
set_rows(h, range(7, 13), lambda hh, r: 130000)
case(R, h, note="特困 paid 1,300 from July (standard 1,040): 260 x 6")

h = P("农村低保", rels=["配偶"], head_age=72)
h.income = 10000
set_rows(h, [5], lambda hh, r: hh.entitlement(2024, 5) + 100)
case(R, h, fires=False, note="NEAR MISS: May paid exactly 1.00 over (tolerance 1.00, must exceed)")

h = P("农村低保", rels=["配偶", "子女"], head_age=51)


def _dup(hh):
    r = next(r for r in hh.rows if r["month"] == (2024, 8))
    r["_dup"] = True


h.hooks.append(_dup)
case(R, h, fires=False, note="NEAR MISS: August payment row duplicated exactly (counts once)")

# ---- underpaid ------------------------------------------------------------
R = "underpaid"
h = P("城市低保", rels=["配偶", "子女", "子女"], head_age=39)
h.income = 25000
set_rows(h, range(7, 13), lambda hh, r: (80000 - hh.income) * hh.covered())
case(R, h, note="still paid at the old standard (800) in Jul-Dec: 4 x 50 x 6")

h = P("农村低保", rels=["配偶"], head_age=70)
h.income = 10000


def _stop(hh):
    hh.rows = [r for r in hh.rows if r["month"][1] < 9]


h.hooks.append(_stop)
case(R, h, note="active household with no payment rows for Sep-Dec (counted as paid 0)")

h = P("农村低保", rels=["配偶", "子女"], head_age=36)
acc = D(2024, 4, 8)
appr = D(2024, 4, 24)
new_enrolment(h, acc, appr, D(2024, 5, 8))


def _u3(hh):
    for r in hh.rows:
        if r["month"] == (2024, 11):
            r["amount"] = hh.entitlement(2024, 11) // 2
    hh.rows = [r for r in hh.rows if r["month"] != (2024, 6)]


h.hooks.append(_u3)
case(R, h, note="enrolled 2024-04-24: June never paid and November paid half")

h = P("特困供养", head_age=75)
set_rows(h, range(1, 13), lambda hh, r: 94000)
case(R, h, note="特困 paid 940 instead of 1,040 every month: 100 x 12")

h = P("农村低保", rels=["配偶", "子女"], head_age=45)
set_rows(h, [10], lambda hh, r: hh.entitlement(2024, 10) - 100)
case(R, h, fires=False, note="NEAR MISS: October paid exactly 1.00 short (tolerance 1.00, must exceed)")

h = P("城市低保", rels=["子女"], head_age=50)
acc = D(2024, 6, 3)
appr = D(2024, 6, 20)
new_enrolment(h, acc, appr, D(2024, 7, 3))
case(R, h, fires=False, note="NEAR MISS: enrolled 2024-06-20, no payment for June (the 纳入 month itself), paid from July")

h = P("农村低保", size=1, head_age=74)
h.status = "停保"
h.stop_month = 6
case(R, h, fires=False, note="NEAR MISS: 停保 household with no payments after June")

# ---- approval-late --------------------------------------------------------
R = "approval-late"
h = P("农村低保", rels=["配偶"], head_age=56)
app = new_enrolment(h, D(2024, 9, 20), D(2024, 10, 21), D(2024, 11, 1))
case(R, h, app=app, note="受理 2024-09-20, 审批 2024-10-21: 18 workdays across 国庆")

h = P("城市低保", rels=["配偶"], head_age=60)
app = change_app(h, D(2024, 11, 20), None, None)
case(R, h, app=app, note="变更申请 受理 2024-11-20, not approved by as_of: 29 workdays")

h = P("农村低保", size=1, head_age=79)
app = new_enrolment(h, D(2024, 1, 25), D(2024, 2, 26), D(2024, 3, 1))
app.raw["受理日期"] = "2024/1/25"
case(R, h, app=app, note="受理 2024-01-25, 审批 2024-02-26: 19 workdays across 春节")

h = P("特困供养", head_age=83)
app = new_enrolment(h, D(2023, 12, 15), D(2024, 1, 26), D(2024, 2, 1))
case(R, h, app=app, note="受理 2023-12-15, 审批 2024-01-26: 29 workdays across the year end")

h = P("城市低保", rels=["子女", "子女"], head_age=43)
app = change_app(h, D(2024, 9, 20), D(2024, 10, 16), D(2024, 10, 22))
case(R, h, app=app, fires=False, note="NEAR MISS: 受理 2024-09-20, 审批 2024-10-16: exactly 15 workdays (国庆 and two make-up Saturdays/Sundays inside)")

h = P("农村低保", rels=["配偶"], head_age=65)
app = change_app(h, D(2024, 12, 10), None, None)
case(R, h, app=app, fires=False, note="NEAR MISS: pending since 2024-12-10: exactly 15 workdays to as_of")

h = P("农村低保", rels=["配偶", "子女"], head_age=41)
app = new_enrolment(h, D(2024, 4, 3), D(2024, 4, 25), D(2024, 5, 6))
case(R, h, app=app, fires=False, note="NEAR MISS: 受理 2024-04-03, 审批 2024-04-25: exactly 15 workdays (清明 off, 2024-04-07 make-up Sunday)")

# ---- disbursement-late ----------------------------------------------------
R = "disbursement-late"
h = P("农村低保", rels=["配偶"], head_age=66)
app = new_enrolment(h, D(2024, 4, 10), D(2024, 4, 26), D(2024, 5, 20))
case(R, h, app=app, note="审批 2024-04-26, first paid 2024-05-20: 15 workdays (劳动节)")

h = P("城市低保", rels=["配偶", "子女"], head_age=38)
app = change_app(h, D(2024, 11, 4), D(2024, 11, 15), None)
case(R, h, app=app, note="变更申请 approved 2024-11-15, never paid by as_of: 31 workdays")

h = P("农村低保", size=1, head_age=71)
app = new_enrolment(h, D(2024, 1, 8), D(2024, 1, 26), D(2024, 2, 26))
app.raw["首次发放日期"] = "2024年2月26日"
case(R, h, app=app, note="审批 2024-01-26, first paid 2024-02-26 (春节 inside)")

h = P("特困供养", head_age=69)
app = new_enrolment(h, D(2024, 8, 1), D(2024, 8, 16), D(2024, 9, 20))
case(R, h, app=app, note="审批 2024-08-16, first paid 2024-09-20")

h = P("农村低保", rels=["配偶", "子女", "子女"], head_age=44)
app = new_enrolment(h, D(2024, 9, 12), D(2024, 9, 25), D(2024, 10, 14))
case(R, h, app=app, fires=False, note="NEAR MISS: 审批 2024-09-25, first paid 2024-10-14: exactly 10 workdays (国庆 off, 09-29 and 10-12 make-up days)")

h = P("城市低保", size=1, head_age=63)
app = change_app(h, D(2024, 12, 5), D(2024, 12, 17), None)
case(R, h, app=app, fires=False, note="NEAR MISS: approved 2024-12-17, not yet paid: exactly 10 workdays to as_of")

# ---- review-overdue -------------------------------------------------------
R = "review-overdue"
for prog, mg, rv, why, fires in [
    ("特困供养", "A", D(2024, 11, 30), "A, last review 2024-11-30: due 2024-12-30, overdue by one day", True),
    ("农村低保", "B", D(2024, 9, 15), "B, last review 2024-09-15: due 2024-12-15", True),
    ("城市低保", "C", D(2024, 5, 31), "C, last review 2024-05-31: due 2024-11-30 (month-end clamp)", True),
    ("农村低保", "C", D(2023, 11, 8), "C, last review 2023-11-08: more than a year ago", True),
    ("城市低保", "B", D(2024, 9, 30), "B, last review 2024-09-30: due 2024-12-30", True),
    ("农村低保", "A", D(2024, 12, 1), "NEAR MISS: A, last review 2024-12-01: due 2025-01-01", False),
    ("城市低保", "B", D(2024, 10, 1), "NEAR MISS: B, last review 2024-10-01: due 2025-01-01", False),
    ("农村低保", "C", D(2024, 7, 1), "NEAR MISS: C, last review 2024-07-01: due 2025-01-01", False),
]:
    h = P(prog)
    h.mgmt = mg
    h.review = rv
    case(R, h, fires=fires, note=why)
h = P("农村低保", rels=["配偶"])
h.mgmt = "C"
h.review = D(2022, 3, 15)
h.status = "停保"
h.stop_month = 3
case(R, h, fires=False, note="NEAR MISS: last review 2022-03-15 but household is 停保")

# ---- subsidy-large --------------------------------------------------------
R = "subsidy-large"
h = P("农村低保", rels=["配偶"], head_age=58)
subsidy(h.head.pid, "农机购置补贴", 320000, D(2024, 5, 10))
subsidy(h.head.pid, "耕地地力保护补贴", 32050, D(2024, 4, 18))
case(R, h, note="农机购置补贴 3,200 (always flagged); amount = all 惠农补贴 in the 12 months = 3,520.50")

h = P("农村低保", rels=["配偶", "子女"], head_age=62)
subsidy(h.head.pid, "林业补贴", 800000, D(2024, 9, 12))
subsidy(h.members[1].person.pid, "耕地地力保护补贴", 250000, D(2024, 5, 20))
case(R, h, note="林业补贴 8,000 + 耕地地力保护补贴 2,500 = 10,500 >= 10,000")

h = P("农村低保", size=1, head_age=66)
subsidy(h.head.pid, "林业补贴", 760000, D(2024, 10, 8))
subsidy(h.head.pid, "耕地地力保护补贴", 240000, D(2024, 4, 15))
case(R, h, note="exactly 10,000.00 in total (>= max_total fires)")

h = P("农村低保", rels=["配偶", "子女"], head_age=55)
subsidy(h.head.pid, "林业补贴", 600000, D(2024, 7, 22))
subsidy(h.members[1].person.pid, "耕地地力保护补贴", 480000, D(2024, 4, 26))
case(R, h, note="head 6,000 + spouse 4,800 = 10,800")

h = P("农村低保", rels=["配偶"], head_age=59)
subsidy(h.head.pid, "林业补贴", 759999, D(2024, 10, 8))
subsidy(h.members[1].person.pid, "耕地地力保护补贴", 240000, D(2024, 4, 15))
case(R, h, fires=False, note="NEAR MISS: 9,999.99 in total")

h = P("农村低保", rels=["配偶"], head_age=61)
subsidy(h.head.pid, "农机购置补贴", 450000, D(2023, 11, 20))
subsidy(h.head.pid, "耕地地力保护补贴", 28000, D(2024, 4, 22))
case(R, h, fires=False, note="NEAR MISS: 农机购置补贴 paid 2023-11-20, outside the 12 months ending on as_of")

h = P("农村低保", rels=["配偶", "子女"], head_age=63)
h.members[2].cores = False
h.members[2].covered = False
subsidy(h.members[2].person.pid, "农机购置补贴", 520000, D(2024, 3, 28))
case(R, h, fires=False, note="NEAR MISS: 农机购置补贴 received by a child who does not live with the household")

# ---- invalid-id -----------------------------------------------------------
R = "invalid-id"
h = P("农村低保", rels=["配偶", "子女"], head_age=40)
mm = h.members[2]
good = mm.person.pid
bad = good[:17] + ("0" if good[17] != "0" else "1")
mm.raw_id = bad
mm.person = Person(bad, mm.person.name, mm.person.male, mm.person.birth)
case(R, h, bad, note="child's id has a wrong check character")

h = P("城市低保", rels=["配偶"], head_age=38)
mm = h.members[1]
s17 = "420525" + "19870230" + "%03d" % (24 if not mm.person.male else 25)
bad = s17 + check_char(s17)
mm.raw_id = bad
mm.person = Person(bad, mm.person.name, mm.person.male, D(1987, 2, 28))
case(R, h, bad, note="spouse's id has an impossible birth date 1987-02-30 (check character itself is right)")

h = P("农村低保", rels=["配偶", "父母"], head_age=47)
h.status = "停保"
h.stop_month = 10
mm = h.members[2]
bad = mm.person.pid[:16]
mm.raw_id = bad
mm.person = Person(bad, mm.person.name, mm.person.male, mm.person.birth)
case(R, h, bad, note="parent's id has 16 characters (in a 停保 household: the rule covers every household)")

h = P("农村低保", rels=["配偶"], head_age=70)
mm = h.members[1]
leg = "420525" + "530229" + "%03d" % (62 if not mm.person.male else 63)
s17 = leg[:6] + "19" + leg[6:]
norm = s17 + check_char(s17)
mm.raw_id = leg
mm.person = Person(norm, mm.person.name, mm.person.male, D(1953, 2, 28))
case(R, h, norm, note="15-digit legacy id with birth date 1953-02-29 (not a leap year); reported as its 18-digit conversion")

h = P("城市低保", rels=["子女"], head_age=45)
mm = h.members[1]
good = mm.person.pid
bad = good[:17] + ("X" if good[17] != "X" else "0")
mm.raw_id = bad.translate(FW_DIGITS)
mm.person = Person(bad, mm.person.name, mm.person.male, mm.person.birth)
case(R, h, bad, note="id written in full-width digits with a wrong check character; reported half-width")

h = P("农村低保", rels=["配偶", "子女"], head_age=52)
mm = h.members[1]
mm.person = new_person(mm.person.age, male=mm.person.male, want_x=True)
mm.raw_id = " " + mm.person.pid.replace("X", "x") + " "
case(R, h, mm.person, fires=False, note="NEAR MISS: valid id written with spaces and lowercase x")

h = P("农村低保", rels=["配偶"], head_age=64)
mm = h.members[0]
mm.raw_id = to_legacy(mm.person.pid)
case(R, h, mm.person, fires=False, note="NEAR MISS: head's valid id written in 15-digit legacy form")

h = P("城市低保", rels=["配偶"], head_age=49)
mm = h.members[1]
mm.raw_id = mm.person.pid.translate(FW_DIGITS)
case(R, h, mm.person, fires=False, note="NEAR MISS: valid id in full-width digits")

PLANTED_HH = list(HOUSEHOLDS)

# ==========================================================================
# Background households
# ==========================================================================

for town, quota, urban_v, rural_v in TOWNSHIPS:
    have = sum(1 for hh in HOUSEHOLDS if hh.town == town)
    for _ in range(quota - have):
        r = rng.random()
        if town == "鸣凤镇":
            prog = "城市低保" if r < 0.55 else ("农村低保" if r < 0.85 else "特困供养")
        else:
            prog = "城市低保" if r < 0.10 else ("农村低保" if r < 0.82 else "特困供养")
        hh = make_hh(town, prog, planted=False)
        # a few members living away / not covered
        for mm in hh.members[1:]:
            if mm.relation == "子女" and mm.person.age >= 18 and rng.random() < 0.15:
                mm.cores = False
                mm.covered = False
            elif mm.person.age >= 18 and rng.random() < 0.04:
                mm.covered = False
        if rng.random() < 0.04:
            hh.status = "停保"
            hh.stop_month = rng.randint(3, 10)

BACKGROUND = [hh for hh in HOUSEHOLDS if not hh.planted]

# New enrolments in 2024 among the background (with applications)
def pick_new_enrolment(month):
    for _ in range(200):
        appr = workday_on_or_after(D(2024, month, rng.randint(18, 28)))
        if appr.month != month:
            continue
        y2, m2 = (2024, month + 1)
        cands = [workday_on_or_after(D(y2, m2, dd)) for dd in range(1, 9)]
        cands = [c for c in cands if c.month == m2 and workdays(appr, c) <= 9]
        if not cands:
            continue
        first = rng.choice(cands[:4])
        acc = back_workdays(appr, rng.randint(4, 14))
        return acc, appr, first
    raise RuntimeError("no enrolment dates")


for hh in [hh for hh in BACKGROUND if hh.status == "在保"]:
    if rng.random() < 0.12:
        acc, appr, first = pick_new_enrolment(rng.randint(1, 11))
        new_enrolment(hh, acc, appr, first)
    elif rng.random() < 0.03:
        # enrolled at the end of 2023, first paid in January 2024
        appr = workday_on_or_after(D(2023, 12, rng.randint(22, 28)))
        first = workday_on_or_after(D(2024, 1, rng.randint(2, 4)))
        assert workdays(appr, first) <= 9
        acc = back_workdays(appr, rng.randint(5, 13))
        hh.enrol = appr
        APPS.append(App(hh, "新申请", acc, appr, first))

# Change applications (background)
active_bg = [hh for hh in BACKGROUND if hh.status == "在保"]
for hh in rng.sample(active_bg, 22):
    acc = workday_on_or_after(D(2024, rng.randint(1, 10), rng.randint(1, 28)))
    appr = acc
    for _ in range(rng.randint(3, 14)):
        appr = workday_on_or_after(appr + dt.timedelta(days=1))
    first = appr
    for _ in range(rng.randint(1, 9)):
        first = workday_on_or_after(first + dt.timedelta(days=1))
    APPS.append(App(hh, "变更申请", acc, appr, first))
pool = [hh for hh in active_bg if not any(a.hh is hh for a in APPS)]
for hh, acc in zip(rng.sample(pool, 3), [D(2024, 12, 16), D(2024, 12, 23), D(2024, 12, 27)]):
    APPS.append(App(hh, "变更申请", acc, None, None))
for hh, (acc, appr) in zip(rng.sample(pool, 2), [(D(2024, 12, 9), D(2024, 12, 20)), (D(2024, 12, 12), D(2024, 12, 26))]):
    APPS.append(App(hh, "变更申请", acc, appr, None))

# ==========================================================================
# Numbering, reviews, payments
# ==========================================================================

by_town = {t: [] for t in TOWN_NAMES}
for hh in HOUSEHOLDS:
    by_town[hh.town].append(hh)
ORDERED = []
for t in TOWN_NAMES:
    lst = by_town[t]
    rng.shuffle(lst)
    for i, hh in enumerate(lst, 1):
        hh.hid = "420525%s%04d" % (TOWN_CODE[t], i)
        ORDERED.append(hh)

for hh in ORDERED:
    if hh.review is None:
        lo = add_months(AS_OF, -REVIEW_MONTHS[hh.mgmt]) + dt.timedelta(days=1)
        if hh.enrol > lo:
            lo = hh.enrol
        if hh.status == "停保":
            lo = D(2023, rng.randint(1, 12), rng.randint(1, 28))
            hi = D(2024, hh.stop_month, 1)
        else:
            hi = D(2024, 12, 30)
        hh.review = lo + dt.timedelta(days=rng.randint(0, max(0, (hi - lo).days)))


def pay_day(hh, y, m):
    return workday_on_or_after(D(y, m, 8 + TOWN_INDEX[hh.town] % 6))


for hh in ORDERED:
    start = 1 if hh.enrol < D(2024, 1, 1) else hh.enrol.month + 1
    end = hh.stop_month if hh.status == "停保" else 12
    for mth in range(start, end + 1):
        day = pay_day(hh, 2024, mth)
        if mth == start and hh.first_pay is not None and hh.enrol >= D(2024, 1, 1):
            day = hh.first_pay
        hh.rows.append(dict(month=(2024, mth), amount=hh.entitlement(2024, mth), date=day))
    for hook in hh.hooks:
        hook(hh)
    last = max((r["month"] for r in hh.rows), default=(2024, 12))
    hh.monthly = hh.entitlement(*last)

# ==========================================================================
# Background agency facts (harmless) and outsiders
# ==========================================================================

def cores_adults(hh, min_age=18):
    return [mm.person for mm in hh.members if mm.cores and mm.person.age >= min_age]


BG_HOLD = {}  # background households that host the bad rows (not planted cases)
bg_active = [hh for hh in BACKGROUND if hh.status == "在保"]
bad_hosts = rng.sample(bg_active, 12)
for hh in bad_hosts:
    BG_HOLD[hh.hid] = hh

for hh in BACKGROUND:
    adults = cores_adults(hh)
    if not adults:
        continue
    head = hh.head
    size = len(hh.coresident())
    limit = DEPOSIT_MONTHS * standard(hh.program, AS_OF) * size * 100
    # homes
    if rng.random() < 0.40:
        if hh.members[1:] and hh.members[1].relation == "配偶" and rng.random() < 0.3:
            u = unit_no(hh.town)
            loc = rural_address(hh.town, hh.village) if hh.program != "城市低保" else urban_address(hh.town, hh.village)
            estate(head.pid, hh.town, "住宅", "现势", unit=u, loc=loc, area=9600)
            estate(hh.members[1].person.pid, hh.town, "住宅", "现势", unit=u, loc=loc, area=9600)
        else:
            estate(head.pid, hh.town, "住宅", "现势")
        if rng.random() < 0.12:
            estate(head.pid, hh.town, "住宅", "历史")
    if hh.program == "城市低保" and rng.random() < 0.05:
        estate(head.pid, hh.town, "车位", "现势")
    # deposits
    if rng.random() < 0.6:
        total = 0
        for p in rng.sample(adults, min(len(adults), rng.randint(1, 2))):
            fen = rng.randint(50, limit // 100 // 5) * 100 + rng.choice([0, 0, 37, 50, 88])
            total += fen
            acct = account_no()
            fileno = rng.choice([1, 1, 2])
            org = rng.choice(BANKS)
            if rng.random() < 0.2:
                bank(p.pid, "活期", fen + rng.randint(100, 2000) * 100, D(2024, 6, 30), acct=acct, org=org, file=fileno)
            bank(p.pid, rng.choice(["活期", "活期", "定期"]), fen, rng.choice([D(2024, 11, 30), D(2024, 12, 20)]),
                 acct=acct, org=org, file=fileno)
        assert total < limit
    # income
    inc_total = Fraction(0)
    for p in adults:
        if p.age >= 60 and rng.random() < 0.7:
            fen = rng.choice([15300, 16800, 18500, 21000, 23600])
            for ym in [(2023, 12)] + [(2024, mm) for mm in range(1, 13)]:
                income(p.pid, ym, "养老金", fen)
            inc_total += fen * 12
    if hh.program == "农村低保" and rng.random() < 0.5:
        a24 = rng.randint(12, 40) * 10000
        income(head.pid, 2024, "农业经营收入", a24)
        inc_total += Fraction(a24 * 11, 12)
        if rng.random() < 0.6:
            a23 = rng.randint(12, 40) * 10000
            income(head.pid, 2023, "农业经营收入", a23)
            inc_total += Fraction(a23, 12)
    workers = [p for p in adults if 18 <= p.age < 60]
    if workers and rng.random() < 0.3:
        p = rng.choice(workers)
        for mth in rng.sample(range(1, 12), rng.randint(1, 3)):
            fen = rng.randint(8, 20) * 10000
            if (inc_total + fen) / 12 / size < standard(hh.program, AS_OF) * 100 * Fraction(7, 10):
                income(p.pid, (2024, mth), "劳务报酬", fen)
                inc_total += fen
    assert inc_total / 12 / size < standard(hh.program, AS_OF) * 100, hh.hid
    # subsidies
    if hh.program != "城市低保" and rng.random() < 0.55:
        income_day = D(2024, rng.randint(4, 6), rng.randint(1, 28))
        subsidy(head.pid, "耕地地力保护补贴", rng.randint(80, 900) * 100 + rng.choice([0, 50, 25]), income_day)
        if rng.random() < 0.3:
            subsidy(head.pid, "耕地地力保护补贴", rng.randint(80, 900) * 100, D(2023, rng.randint(4, 6), rng.randint(1, 28)))
        if rng.random() < 0.25:
            subsidy(rng.choice(adults).pid, "林业补贴", rng.randint(100, 1500) * 100, D(2024, rng.randint(7, 11), rng.randint(1, 28)))
    # harmless vehicles / businesses
    r = rng.random()
    if r < 0.03:
        vehicle(head.pid, "小型轿车", "报废", rng.randint(30, 90) * 100000)
    elif r < 0.06:
        vehicle(head.pid, "三轮汽车", "正常", rng.randint(60, 150) * 10000)
    elif r < 0.09:
        vehicle(rng.choice(adults).pid, "普通二轮摩托车", rng.choice(["正常", "正常", "注销"]), rng.randint(30, 90) * 10000)
    elif r < 0.10:
        vehicle(head.pid, "拖拉机", "正常", None)
    elif r < 0.11:
        vehicle(head.pid, "轻型货车", "注销", rng.randint(40, 90) * 100000)
    elif r < 0.115 and head.age >= 50:
        vehicle(head.pid, "残疾人专用车", "正常", rng.randint(20, 40) * 100000)
    r = rng.random()
    if r < 0.04:
        business(rng.choice(adults).pid, "个体工商户", str(rng.choice([1, 2, 3, 5, 8])), "存续")
    elif r < 0.06:
        business(head.pid, "有限责任公司", str(rng.choice([20, 50, 100])), "注销")
    elif r < 0.07:
        business(head.pid, "农民专业合作社", str(rng.choice([2, 5, 6])), "存续")

# Background boundary: duplicated income and subsidy rows that would fire if counted twice.
dup_income_hh = None
dup_sub_hh = None
for hh in bg_active:
    if hh.hid in BG_HOLD:
        continue
    ids = set(mm.person.pid for mm in hh.coresident())
    has_inc = any(r["证件号码"].strip().translate(HW).upper() in ids for r in INCOMES)
    has_sub = any(r["证件号码"].strip().translate(HW).upper() in ids for r in SUBSIDIES)
    if dup_income_hh is None and hh.program == "农村低保" and len(hh.coresident()) == 1 and not has_inc \
            and hh.head.age < 60:
        dup_income_hh = hh
        r = income(hh.head.pid, (2024, 5), "劳务报酬", 500000)
        r["_dup"] = True
        case("income-over-standard", hh, fires=False,
             note="NEAR MISS: 劳务报酬 5,000 row duplicated exactly: once is 416.67/month (< 600), twice would exceed")
    elif dup_sub_hh is None and hh.program == "农村低保" and not has_sub and hh is not dup_income_hh:
        dup_sub_hh = hh
        r = subsidy(hh.head.pid, "林业补贴", 520000, D(2024, 8, 19))
        r["_dup"] = True
        subsidy(hh.head.pid, "耕地地力保护补贴", 30000, D(2024, 4, 9))
        case("subsidy-large", hh, fires=False,
             note="NEAR MISS: 林业补贴 5,200 row duplicated exactly: 5,500 once, 10,700 if counted twice")
    if dup_income_hh and dup_sub_hh:
        break

# Background boundary: duplicated payment row (background copy, listed with overpaid)
# Background vehicle duplicate (harmless)
for r in VEHICLES:
    if r["机动车状态"] == "报废" and "_note" not in r:
        r["_dup"] = True
        break

# --- outsiders -------------------------------------------------------------
OUT_REGIONS = ["420525"] * 6 + ["420502", "420503", "420504", "420505", "420506", "420581", "420582", "420583",
                                 "420527", "420528", "420529", "420602", "421003", "420921", "500101", "441900"]
OUTSIDERS = []
for i in range(1500):
    age = rng.randint(18, 90)
    OUTSIDERS.append(new_person(age, region=rng.choice(OUT_REGIONS)))
adult_out = [p for p in OUTSIDERS if 22 <= p.age <= 60]
old_out = [p for p in OUTSIDERS if p.age >= 60]

roster_vehicles = len(VEHICLES)
for p in rng.sample(OUTSIDERS, roster_vehicles * 5 + 17):
    vt = rng.choices(["小型轿车", "小型普通客车", "轻型货车", "普通二轮摩托车", "三轮汽车", "拖拉机", "中型货车"],
                     [40, 15, 12, 15, 8, 5, 5])[0]
    st = rng.choices(["正常", "抵押", "注销", "报废"], [70, 10, 10, 10])[0]
    price = None if rng.random() < 0.08 else rng.randint(20, 3000) * 10000
    vehicle(p.pid, vt, st, price)
for p in rng.sample(old_out, 110):
    death(p, D(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 729)), rng.choice(["户籍注销", "火化记录", "医学死亡证明"]))
for p in rng.sample(OUTSIDERS, 420):
    t = rng.choice(TOWN_NAMES)
    use = rng.choices(["住宅", "商业", "办公", "工业", "车位"], [70, 10, 4, 4, 12])[0]
    estate(p.pid, t, use, rng.choices(["现势", "历史"], [85, 15])[0])
for p in rng.sample(adult_out, 160):
    kind = rng.choices(["个体工商户", "有限责任公司", "股份有限公司", "农民专业合作社"], [55, 30, 3, 12])[0]
    cap = rng.choice(["1", "2", "3", "5", "8", "10", "20"] if kind == "个体工商户" else
                     ["3", "5", "10", "20", "30", "50", "100", "200", "500", "12.5"])
    business(p.pid, kind, cap, rng.choices(["存续", "注销", "吊销"], [75, 18, 7])[0])
for p in rng.sample(OUTSIDERS, 330):
    for _ in range(rng.randint(1, 2)):
        bank(p.pid, rng.choice(["活期", "活期", "定期", "理财", "证券"]), rng.randint(100, 50000000),
             rng.choice([D(2024, 11, 30), D(2024, 12, 20), D(2024, 6, 30)]), file=rng.choice([1, 2]))
for p in rng.sample(adult_out, 120):
    kind = rng.choice(["工资薪金", "工资薪金", "劳务报酬", "经营所得"])
    amt = rng.randint(1500, 12000) * 100
    for mth in range(1, 13 if kind == "工资薪金" else rng.randint(2, 5)):
        income(p.pid, (2024, mth), kind, amt)
for p in rng.sample(old_out, 60):
    amt = rng.randint(150, 4500) * 100
    for mth in range(1, 13):
        income(p.pid, (2024, mth), "养老金", amt)
UNITS = ["远安县人民政府办公室", "远安县财政局", "远安县教育局", "远安县人民医院", "远安县中医院", "远安县第一高级中学",
         "远安县鸣凤镇人民政府", "远安县花林寺镇人民政府", "远安县旧县镇中心小学", "远安县洋坪镇卫生院",
         "远安县茅坪场镇人民政府", "远安县嫘祖镇中心学校", "远安县河口乡人民政府", "远安县民政局", "远安县公安局",
         "远安县自然资源和规划局", "远安县市场监督管理局"]
for p in rng.sample(adult_out, 210):
    k = rng.choices(["公务员", "参公人员", "事业编制", "村(社区)干部"], [30, 10, 45, 15])[0]
    unit = rng.choice(UNITS) if k != "村(社区)干部" else "远安县%s%s村民委员会" % (
        rng.choice(TOWN_NAMES), rng.choice(rng.choice(TOWNSHIPS)[3]))
    official(p, unit, k)
for p in rng.sample(OUTSIDERS, 300):
    item = rng.choices(["耕地地力保护补贴", "林业补贴", "农机购置补贴", "生态公益林补偿", "种粮一次性补贴"], [50, 20, 10, 10, 10])[0]
    amt = rng.randint(50, 30000) * 100 if item == "农机购置补贴" else rng.randint(50, 3000) * 100
    subsidy(p.pid, item, amt, D(2024, 1, 1) + dt.timedelta(days=rng.randint(3, 360)))

# Outsider duplicates in a few files
for lst in (ESTATES, BUSINESSES, OFFICIALS, DEATHS):
    for r in lst[::-1]:
        if "_note" not in r and "_dup" not in r:
            r["_dup"] = True
            break

# ==========================================================================
# Bad rows (must be rejected): on background households only
# ==========================================================================

hosts = list(BG_HOLD.values())


def host_person(i, covered=False):
    hh = hosts[i]
    for mm in hh.members:
        if mm.cores and (mm.covered or not covered):
            return hh, mm.person
    return hh, hh.head


BAD = []
hh, p = host_person(0)
VEHICLES.append(note({"号牌号码": plate(), "车辆类型": "小型轿车", "所有人证件号码": p.pid, "初次登记日期": "2020-05-18",
                      "机动车状态": "待检", "购置价格": "76000.00", "车身颜色": "白"},
                     "BAD: 机动车状态 '待检' is outside the closed list"))
hh, p = host_person(1)
ESTATES.append(note({"不动产单元号": unit_no(hh.town), "权利人证件号": p.pid, "坐落": rural_address(hh.town, hh.village) + "仓房",
                     "规划用途": "仓储", "建筑面积": "85.00", "登记日期": "2021-03-09", "权属状态": "现势",
                     "登记机构": "远安县不动产登记中心"}, "BAD: 规划用途 '仓储' is outside the closed list"))
hh, p = host_person(2)
BUSINESSES.append(note({"统一社会信用代码": credit_code(), "主体名称": "远安县鑫盛建材有限公司", "主体类型": "有限责任公司",
                        "法定代表人证件号": p.pid, "注册资本(万元)": "50", "成立日期": "2019-08-12", "登记状态": ""},
                       "BAD: 登记状态 empty (required)"))
hh, p = host_person(3)
BAD_JSON_PID = p.pid
hh, p = host_person(4)
INCOMES.append(note({"证件号码": p.pid, "所属期": "202406", "收入类型": "彩票中奖", "金额": "50000.00", "数据来源": "税务"},
                    "BAD: 收入类型 '彩票中奖' is outside the closed list"))
hh, p = host_person(5, covered=True)
DEATHS.append(note({"公民身份号码": p.pid, "姓名": p.name, "死亡日期": "2024-02-30", "数据来源": "户籍注销"},
                   "BAD: 死亡日期 2024-02-30 is impossible"))
hh, p = host_person(6)
SUBSIDIES.append(note({"证件号码": p.pid, "补贴项目": "农机购置补贴", "金额": "8600.00", "发放日期": "20241301"},
                      "BAD: 发放日期 20241301 is impossible"))
hh, p = host_person(7)
OFFICIALS.append(note({"身份证号": p.pid, "姓名": p.name, "工作单位": "远安县城市管理执法局", "人员类别": "临时聘用"},
                      "BAD: 人员类别 '临时聘用' is outside the closed list"))
hh, p = host_person(8)
BAD_PAY_HH = hh
hh, p = host_person(9)
BAD_APP_HH = hh
hh, p = host_person(10)
bank(p.pid, "活期", 0, QD, file=2, bal_text="", notes=["BAD: 余额 empty (required)"])
hh, p = host_person(11)
INCOMES.append(note({"证件号码": p.pid, "所属期": "202413", "收入类型": "劳务报酬", "金额": "9000.00", "数据来源": "税务"},
                    "BAD: 所属期 202413 is impossible"))

# ==========================================================================
# Writing
# ==========================================================================

MESSY = []  # (file, line, note)


def csv_field(v, force=False):
    v = "" if v is None else str(v)
    if force or any(c in v for c in ',"\r\n'):
        return '"' + v.replace('"', '""') + '"'
    return v


def write_csv(rel, header, rows, bom=False, crlf=False, encoding="utf-8", shuffle=False):
    rows = list(rows)
    if shuffle:
        rng.shuffle(rows)
    out = []
    for r in rows:
        out.append(r)
        if r.get("_dup"):
            pos = len(out) + rng.randint(0, 6)
            out.append(("DUP", r, pos))
    # place duplicates a few rows later
    final = []
    pending = []
    for item in out:
        if isinstance(item, tuple):
            pending.append(item)
            continue
        final.append(item)
        for pd in list(pending):
            if len(final) >= pd[2]:
                final.append(dict(pd[1], _isdup=True))
                pending.remove(pd)
    for pd in pending:
        final.append(dict(pd[1], _isdup=True))
    nl = "\r\n" if crlf else "\n"
    lines = [",".join(csv_field(h) for h in header)]
    line_no = 2
    path = os.path.join(DATA, rel)
    for r in final:
        text = ",".join(csv_field(r.get(h, "")) for h in header)
        if r.get("_isdup"):
            MESSY.append((rel, line_no, "DUPLICATE: exact copy of an earlier row (counts once)"))
        elif r.get("_note"):
            MESSY.append((rel, line_no, r["_note"]))
        lines.append(text)
        line_no += 1 + text.count("\n")
    data = nl.join(lines) + nl
    if crlf:
        # line breaks inside quoted fields stay as written (LF) except we normalise to CRLF as well
        data = data.replace("\r\n", "\n").replace("\n", "\r\n")
    raw = data.encode(encoding)
    if bom:
        raw = b"\xef\xbb\xbf" + raw
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(raw)
    return len(final)


def write_jsonl(rel, rows, crlf=False, bad_line=None):
    out = []
    for r in rows:
        out.append(r)
        if r.get("_dup"):
            out.append(dict(r, _isdup=True))
    if bad_line is not None:
        out.insert(bad_line[0], bad_line[1])
    lines = []
    for i, r in enumerate(out, 1):
        if isinstance(r, str):
            lines.append(r)
            MESSY.append((rel, i, "BAD: not valid JSON (truncated line)"))
            continue
        obj = {k: v for k, v in r.items() if not k.startswith("_")}
        lines.append(json.dumps(obj, ensure_ascii=False))
        if r.get("_isdup"):
            MESSY.append((rel, i, "DUPLICATE: identical line (counts once)"))
        elif r.get("_note"):
            MESSY.append((rel, i, r["_note"]))
    nl = "\r\n" if crlf else "\n"
    path = os.path.join(DATA, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write((nl.join(lines) + nl).encode("utf-8"))
    return len(out)


def phone():
    if rng.random() < 0.1:
        return "0717-%d" % rng.randint(3800000, 3899999)
    return rng.choice(["13", "15", "18", "17"]) + "%d" % rng.randint(100000000, 999999999)


# ---- civil affairs ----------------------------------------------------------
hh_rows = []
mem_rows = []
pay_rows = []
addr_comma_done = [0]
for hh in ORDERED:
    urban = hh.program == "城市低保"
    home = urban_address(hh.town, hh.village) if urban else rural_address(hh.town, hh.village)
    notes = []
    hnotes = []
    if urban and hh.town == "鸣凤镇" and addr_comma_done[0] < 6 and rng.random() < 0.3:
        home = "%s鸣凤镇%s%d号,%d栋" % (COUNTY, rng.choice(STREETS), rng.randint(1, 99), rng.randint(1, 9))
        addr_comma_done[0] += 1
        notes.append("现住址 quoted (contains a comma)")
    head_m = hh.members[0]
    row = {"户编号": hh.hid, "户主姓名": hh.head.name, "户主身份证号": head_m.raw_id, "区县": COUNTY, "镇街": hh.town,
           "村居": hh.village, "救助类别": hh.program, "管理类别": hh.mgmt,
           "家庭月人均收入": fmt_money(hh.income), "月保障金": fmt_money(hh.monthly),
           "纳入日期": maybe_date(hh.enrol, 0.04, hnotes, "纳入日期"), "状态": hh.status,
           "最近复核日期": maybe_date(hh.review, 0.02, hnotes, "最近复核日期")}
    if not hh.planted and rng.random() < 0.02:
        row["村居"] = ""
        hnotes.append("村居 empty (optional field)")
    hh_rows.append(row_with_notes(row, hnotes))
    for i, mm in enumerate(hh.members):
        mnotes = list(notes) if i == 0 else []
        raw = mm.raw_id
        if raw == mm.person.pid and hh.planted is False:
            raw = maybe_id(mm.person.pid, 0.03, mnotes)
        elif raw != mm.person.pid:
            pass
        addr = home if mm.cores else rng.choice(AWAY_ADDR) % rng.randint(1, 300)
        if hh.hid == ORDERED[7].hid and i == 0:
            addr = "%s鸣凤镇凤阳路12号,3栋\n2单元501" % COUNTY
            mnotes = [n for n in mnotes if not n.startswith("现住址")]
            mnotes.append("现住址 quoted with a comma and a line break")
        if i == 0 and hh.hid == ORDERED[11].hid:
            addr = '%s鸣凤镇"幸福里"小区8栋' % COUNTY
            mnotes.append("现住址 quoted with embedded double quotes")
        ph = phone() if rng.random() < 0.85 else ""
        mem_rows.append(row_with_notes({"户编号": hh.hid, "身份证号": raw, "姓名": mm.person.name,
                                        "与户主关系": mm.relation, "共同生活": "是" if mm.cores else "否",
                                        "保障对象": "是" if mm.covered else "否", "联系电话": ph, "现住址": addr},
                                       mnotes))
    for r in sorted(hh.rows, key=lambda r: (r["month"], r["date"])):
        pn = []
        st = "iso"
        if rng.random() < 0.015:
            st = rng.choice(["compact", "cn"])
            pn.append("发放月份 in %s form" % ("202403" if st == "compact" else "2024年3月"))
        prow = {"户编号": hh.hid, "发放月份": fmt_month(*r["month"], st),
                "实发金额": maybe_money(r["amount"], 0.02, pn, "实发金额"),
                "发放日期": maybe_date(r["date"], 0.01, pn, "发放日期")}
        if r.get("_dup"):
            prow["_dup"] = True
        prow["_bg"] = not hh.planted
        pay_rows.append(row_with_notes(prow, pn))
    if hh is BAD_PAY_HH:
        r = next(r for r in hh.rows if r["month"] == (2024, 6))
        pay_rows.append(note({"户编号": hh.hid, "发放月份": "2024-06", "实发金额": fmt_money(r["amount"]),
                              "发放日期": "2024-06-31"}, "BAD: 发放日期 2024-06-31 is impossible"))

# A background payment duplicate too
for r in pay_rows[40:]:
    if "_note" not in r and "_dup" not in r and r["_bg"]:
        r["_dup"] = True
        break

# applications
APPS.sort(key=lambda a: (a.acc, a.hh.hid, a.kind))
app_rows = []
for i, a in enumerate(APPS, 1):
    a.aid = "SQ%d%05d" % (a.acc.year, i)
    an = []
    row = {"申请编号": a.aid, "户编号": a.hh.hid, "申请类型": a.kind,
           "受理日期": a.raw.get("受理日期") or maybe_date(a.acc, 0.06, an, "受理日期"),
           "审批日期": "" if a.appr is None else maybe_date(a.appr, 0.06, an, "审批日期"),
           "首次发放日期": a.raw.get("首次发放日期") or ("" if a.first is None else maybe_date(a.first, 0.06, an, "首次发放日期"))}
    for k in ("受理日期", "首次发放日期"):
        if k in a.raw:
            an.append("%s in %s form" % (k, a.raw[k]))
    app_rows.append(row_with_notes(row, an))
bad_app = note({"申请编号": "SQ2024%05d" % (len(APPS) + 1), "户编号": BAD_APP_HH.hid, "申请类型": "变更申请", "受理日期": "",
                "审批日期": "2024-07-19", "首次发放日期": "2024-07-26"}, "BAD: 受理日期 empty (required)")
app_rows.insert(len(app_rows) * 2 // 3, bad_app)

if os.path.isdir(DATA):
    for root, dirs, files in os.walk(DATA, topdown=False):
        for fn in files:
            os.remove(os.path.join(root, fn))
        for dn in dirs:
            os.rmdir(os.path.join(root, dn))

SIZES = {}
SIZES["civil-affairs/低保家庭.csv"] = write_csv(
    "civil-affairs/低保家庭.csv",
    ["户编号", "户主姓名", "户主身份证号", "区县", "镇街", "村居", "救助类别", "管理类别", "家庭月人均收入", "月保障金", "纳入日期", "状态",
     "最近复核日期"], hh_rows, bom=True)
SIZES["civil-affairs/家庭成员.csv"] = write_csv(
    "civil-affairs/家庭成员.csv", ["户编号", "身份证号", "姓名", "与户主关系", "共同生活", "保障对象", "联系电话", "现住址"],
    mem_rows, crlf=True)
SIZES["civil-affairs/发放记录.csv"] = write_csv("civil-affairs/发放记录.csv", ["户编号", "发放月份", "实发金额", "发放日期"], pay_rows)
SIZES["civil-affairs/申请记录.csv"] = write_csv(
    "civil-affairs/申请记录.csv", ["申请编号", "户编号", "申请类型", "受理日期", "审批日期", "首次发放日期"], app_rows, crlf=True)
SIZES["public-security/死亡人员.csv"] = write_csv(
    "public-security/死亡人员.csv", ["公民身份号码", "姓名", "死亡日期", "数据来源"], DEATHS, crlf=True, encoding="gb18030",
    shuffle=True)
SIZES["vehicles/机动车登记.csv"] = write_csv(
    "vehicles/机动车登记.csv", ["号牌号码", "车辆类型", "所有人证件号码", "初次登记日期", "机动车状态", "购置价格", "车身颜色"],
    VEHICLES, bom=True, crlf=True, shuffle=True)
SIZES["real-estate/不动产登记.csv"] = write_csv(
    "real-estate/不动产登记.csv", ["权利人证件号", "不动产单元号", "规划用途", "坐落", "建筑面积", "权属状态", "登记日期", "登记机构"],
    ESTATES, shuffle=True)
SIZES["market-regulation/市场主体.csv"] = write_csv(
    "market-regulation/市场主体.csv", ["统一社会信用代码", "主体名称", "主体类型", "法定代表人证件号", "注册资本(万元)", "成立日期", "登记状态"],
    BUSINESSES, bom=True, shuffle=True)
rng.shuffle(BANK1)
rng.shuffle(BANK2)
SIZES["banking/查询结果-农商行.jsonl"] = write_jsonl(
    "banking/查询结果-农商行.jsonl", BANK1,
    bad_line=(len(BANK1) // 2, '{"证件号码": "%s", "机构": "湖北远安农村商业银行", "账号": "6230%015d", "账户类型": "活期", "余额": "99999.00"'
              % (BAD_JSON_PID, 123456789)))
SIZES["banking/查询结果-其他银行.jsonl"] = write_jsonl("banking/查询结果-其他银行.jsonl", BANK2, crlf=True)
SIZES["income/收入明细.csv"] = write_csv("income/收入明细.csv", ["证件号码", "所属期", "收入类型", "金额", "数据来源"], INCOMES,
                                       bom=True, shuffle=True)
SIZES["officials/财政供养人员.csv"] = write_csv("officials/财政供养人员.csv", ["身份证号", "姓名", "工作单位", "人员类别"], OFFICIALS,
                                           shuffle=True)
SIZES["agri-subsidy/惠农补贴.csv"] = write_csv("agri-subsidy/惠农补贴.csv", ["证件号码", "补贴项目", "金额", "发放日期"], SUBSIDIES,
                                          crlf=True, shuffle=True)

# ==========================================================================
# Reference reader + evaluator (independent of the plan above)
# ==========================================================================


def norm_id(raw):
    s = raw.strip().translate(HW).replace("x", "X")
    if len(s) == 15 and s.isdigit():
        s17 = s[:6] + "19" + s[6:]
        s = s17 + check_char(s17)
    return s


def id_ok(s):
    if len(s) != 18 or not s[:17].isdigit() or s[17] not in "0123456789X":
        return False
    try:
        D(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return check_char(s[:17]) == s[17]


DATE_RES = [re.compile(r"(\d{4})-(\d{2})-(\d{2})"), re.compile(r"(\d{4})(\d{2})(\d{2})"),
            re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"), re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")]
MONTH_RES = [re.compile(r"(\d{4})-(\d{2})"), re.compile(r"(\d{4})(\d{2})"), re.compile(r"(\d{4})年(\d{1,2})月")]
MONEY_RE = re.compile(r"\d{1,3}(,\d{3})+(\.\d{1,2})?|\d+(\.\d{1,2})?")


class Bad(Exception):
    pass


def p_date(s, field):
    s = s.strip()
    for rx in DATE_RES:
        m = rx.fullmatch(s)
        if m:
            try:
                return D(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise Bad("%s impossible date %r" % (field, s))
    raise Bad("%s unreadable date %r" % (field, s))


def p_month(s, field):
    s = s.strip()
    for rx in MONTH_RES:
        m = rx.fullmatch(s)
        if m:
            if 1 <= int(m.group(2)) <= 12:
                return (int(m.group(1)), int(m.group(2)))
            raise Bad("%s impossible month %r" % (field, s))
    raise Bad("%s unreadable month %r" % (field, s))


def p_money(s, field):
    s = s.strip()
    if s.endswith("元"):
        s = s[:-1]
    if not MONEY_RE.fullmatch(s):
        raise Bad("%s unreadable money %r" % (field, s))
    return Fraction(s.replace(",", ""))


def p_enum(s, field, allowed):
    s = s.strip()
    if s not in allowed:
        raise Bad("%s %r not in list" % (field, s))
    return s


REJECTS = []
DUPS = []


def read_csv(rel, encoding, required, optional, conv):
    raw = open(os.path.join(DATA, rel), "rb").read()
    text = raw.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    rdr = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(rdr)]
    for c in required:
        assert c in header, (rel, c)
    seen = set()
    out = []
    prev = rdr.line_num
    for row in rdr:
        line = prev + 1
        prev = rdr.line_num
        key = tuple(row)
        if key in seen:
            DUPS.append((rel, line))
            continue
        seen.add(key)
        rec = dict(zip(header, row))
        try:
            for c in required:
                if rec.get(c, "").strip() == "":
                    raise Bad("%s empty" % c)
            r = conv(rec)
            r["_line"] = line
            out.append(r)
        except Bad as e:
            REJECTS.append((rel, line, str(e)))
    return out


def read_jsonl(rel):
    out = []
    seen = set()
    with open(os.path.join(DATA, rel), "rb") as f:
        for i, line in enumerate(f.read().decode("utf-8-sig").splitlines(), 1):
            if line in seen:
                DUPS.append((rel, i))
                continue
            seen.add(line)
            try:
                try:
                    o = json.loads(line)
                except ValueError:
                    raise Bad("not JSON")
                for c in ["证件号码", "机构", "账号", "账户类型", "余额", "查询日期"]:
                    if str(o.get(c, "")).strip() == "":
                        raise Bad("%s empty" % c)
                out.append(dict(pid=norm_id(o["证件号码"]), acct=o["账号"].strip(),
                                kind=p_enum(o["账户类型"], "账户类型", ["活期", "定期", "理财", "证券"]),
                                bal=p_money(o["余额"], "余额"), q=p_date(o["查询日期"], "查询日期"), _line=i))
            except Bad as e:
                REJECTS.append((rel, i, str(e)))
    return out


PROGRAMS = ["城市低保", "农村低保", "特困供养"]
ev_hh = read_csv("civil-affairs/低保家庭.csv", "utf-8",
                 ["户编号", "户主姓名", "户主身份证号", "区县", "镇街", "救助类别", "管理类别", "家庭月人均收入", "月保障金", "纳入日期", "状态", "最近复核日期"],
                 ["村居"], lambda r: dict(hid=r["户编号"].strip(), program=p_enum(r["救助类别"], "救助类别", PROGRAMS),
                                          mgmt=p_enum(r["管理类别"], "管理类别", "ABC"),
                                          income=p_money(r["家庭月人均收入"], "家庭月人均收入"),
                                          monthly=p_money(r["月保障金"], "月保障金"),
                                          enrol=p_date(r["纳入日期"], "纳入日期"),
                                          status=p_enum(r["状态"], "状态", ["在保", "停保"]),
                                          review=p_date(r["最近复核日期"], "最近复核日期"), town=r["镇街"].strip()))
ev_mem = read_csv("civil-affairs/家庭成员.csv", "utf-8", ["户编号", "身份证号", "姓名", "与户主关系", "共同生活", "保障对象"], [],
                  lambda r: dict(hid=r["户编号"].strip(), pid=norm_id(r["身份证号"]),
                                 cores=p_enum(r["共同生活"], "共同生活", ["是", "否"]) == "是",
                                 covered=p_enum(r["保障对象"], "保障对象", ["是", "否"]) == "是"))
ev_pay = read_csv("civil-affairs/发放记录.csv", "utf-8", ["户编号", "发放月份", "实发金额", "发放日期"], [],
                  lambda r: dict(hid=r["户编号"].strip(), month=p_month(r["发放月份"], "发放月份"),
                                 amount=p_money(r["实发金额"], "实发金额"), date=p_date(r["发放日期"], "发放日期")))


def _app(r):
    return dict(aid=r["申请编号"].strip(), hid=r["户编号"].strip(), acc=p_date(r["受理日期"], "受理日期"),
                appr=p_date(r["审批日期"], "审批日期") if r["审批日期"].strip() else None,
                first=p_date(r["首次发放日期"], "首次发放日期") if r["首次发放日期"].strip() else None)


ev_app = read_csv("civil-affairs/申请记录.csv", "utf-8", ["申请编号", "户编号", "申请类型", "受理日期"], [], _app)
ev_death = read_csv("public-security/死亡人员.csv", "gb18030", ["公民身份号码", "姓名", "死亡日期", "数据来源"], [],
                    lambda r: dict(pid=norm_id(r["公民身份号码"]), day=p_date(r["死亡日期"], "死亡日期"),
                                   src=p_enum(r["数据来源"], "数据来源", ["户籍注销", "火化记录", "医学死亡证明"])))
ev_veh = read_csv("vehicles/机动车登记.csv", "utf-8", ["号牌号码", "车辆类型", "所有人证件号码", "机动车状态"], [],
                  lambda r: dict(pid=norm_id(r["所有人证件号码"]), type=r["车辆类型"].strip(),
                                 status=p_enum(r["机动车状态"], "机动车状态", ["正常", "抵押", "注销", "报废"]),
                                 price=p_money(r["购置价格"], "购置价格") if r["购置价格"].strip() else None,
                                 reg=p_date(r["初次登记日期"], "初次登记日期") if r["初次登记日期"].strip() else None))
ev_est = read_csv("real-estate/不动产登记.csv", "utf-8", ["不动产单元号", "权利人证件号", "坐落", "规划用途", "建筑面积", "登记日期", "权属状态"], [],
                  lambda r: dict(unit=r["不动产单元号"].strip(), pid=norm_id(r["权利人证件号"]),
                                 use=p_enum(r["规划用途"], "规划用途", ["住宅", "商业", "办公", "工业", "车位"]),
                                 status=p_enum(r["权属状态"], "权属状态", ["现势", "历史"]),
                                 area=p_money(r["建筑面积"], "建筑面积"), reg=p_date(r["登记日期"], "登记日期")))
ev_biz = read_csv("market-regulation/市场主体.csv", "utf-8",
                  ["统一社会信用代码", "主体名称", "主体类型", "法定代表人证件号", "注册资本(万元)", "成立日期", "登记状态"], [],
                  lambda r: dict(pid=norm_id(r["法定代表人证件号"]),
                                 kind=p_enum(r["主体类型"], "主体类型", ["个体工商户", "有限责任公司", "股份有限公司", "农民专业合作社"]),
                                 cap=p_money(r["注册资本(万元)"], "注册资本"), founded=p_date(r["成立日期"], "成立日期"),
                                 status=p_enum(r["登记状态"], "登记状态", ["存续", "注销", "吊销"])))
ev_bank = []
for fn in sorted(os.listdir(os.path.join(DATA, "banking"))):
    if fn.endswith(".jsonl"):
        ev_bank += read_jsonl("banking/" + fn)


def _inc(r):
    per = r["所属期"].strip()
    if re.fullmatch(r"\d{4}", per):
        period = int(per)
    else:
        if not re.fullmatch(r"\d{6}", per):
            raise Bad("所属期 unreadable")
        period = p_month(per, "所属期")
    return dict(pid=norm_id(r["证件号码"]), period=period,
                kind=p_enum(r["收入类型"], "收入类型", ["工资薪金", "劳务报酬", "经营所得", "养老金", "失业保险金", "农业经营收入"]),
                amount=p_money(r["金额"], "金额"))


ev_inc = read_csv("income/收入明细.csv", "utf-8", ["证件号码", "所属期", "收入类型", "金额", "数据来源"], [], _inc)
ev_off = read_csv("officials/财政供养人员.csv", "utf-8", ["身份证号", "姓名", "工作单位", "人员类别"], [],
                  lambda r: dict(pid=norm_id(r["身份证号"]),
                                 kind=p_enum(r["人员类别"], "人员类别", ["公务员", "参公人员", "事业编制", "村(社区)干部"])))
ev_sub = read_csv("agri-subsidy/惠农补贴.csv", "utf-8", ["证件号码", "补贴项目", "金额", "发放日期"], [],
                  lambda r: dict(pid=norm_id(r["证件号码"]), item=r["补贴项目"].strip(), amount=p_money(r["金额"], "金额"),
                                 day=p_date(r["发放日期"], "发放日期")))

# --- index ---
EH = {}
for r in ev_hh:
    r["members"] = []
    r["pay"] = {}
    EH[r["hid"]] = r
for m in ev_mem:
    EH[m["hid"]]["members"].append(m)
for p in ev_pay:
    EH[p["hid"]]["pay"].setdefault(p["month"], Fraction(0))
    EH[p["hid"]]["pay"][p["month"]] += p["amount"]


def by_pid(recs):
    d = {}
    for r in recs:
        d.setdefault(r["pid"], []).append(r)
    return d


DEATH_BY, VEH_BY, EST_BY, BIZ_BY, BANK_BY, INC_BY, OFF_BY, SUB_BY = map(
    by_pid, [ev_death, ev_veh, ev_est, ev_biz, ev_bank, ev_inc, ev_off, ev_sub])


def half_up(x):
    fen = (x * 100 + Fraction(1, 2)).__floor__()
    return "%d.%02d" % divmod(fen, 100)


def fen_round(x):
    return Fraction((x * 100 + Fraction(1, 2)).__floor__(), 100)


FINDINGS = []


def find(rule, hid, person=None, app=None, amount=None):
    FINDINGS.append(dict(rule=rule, household=hid, person=person, application=app,
                         amount=None if amount is None else half_up(amount)))


def ent(h, y, m):
    cov = sum(1 for mm in h["members"] if mm["covered"])
    e = (standard(h["program"], D(y, m, 1)) - h["income"]) * cov
    return fen_round(max(Fraction(0), e))


covered_in = {}
for hid, h in EH.items():
    for mm in h["members"]:
        if mm["covered"] and h["status"] == "在保" and id_ok(mm["pid"]):
            covered_in.setdefault(mm["pid"], [])
            if hid not in covered_in[mm["pid"]]:
                covered_in[mm["pid"]].append(hid)

PERIOD_EV = [(2023, 12)] + [(2024, m) for m in range(1, 12)]
for hid, h in EH.items():
    active = h["status"] == "在保"
    mems = h["members"]
    cores = [mm for mm in mems if mm["cores"]]
    cores_ok = [mm["pid"] for mm in cores if id_ok(mm["pid"])]
    size = len(cores)
    ncov = sum(1 for mm in mems if mm["covered"])
    std_asof = standard(h["program"], AS_OF)
    # invalid-id
    for mm in mems:
        if not id_ok(mm["pid"]):
            find("invalid-id", hid, mm["pid"])
    # deceased
    done = set()
    for mm in mems:
        if not mm["covered"] or not id_ok(mm["pid"]) or mm["pid"] in done:
            continue
        ds = DEATH_BY.get(mm["pid"])
        if not ds:
            continue
        done.add(mm["pid"])
        dd = min(r["day"] for r in ds)
        months = [ym for ym in WINDOW if ym in h["pay"] and ym > (dd.year, dd.month)]
        if months:
            find("deceased-still-paid", hid, mm["pid"], amount=sum(h["pay"][ym] for ym in months) / ncov)
    # dual
    seen = set()
    for mm in mems:
        if mm["covered"] and active and id_ok(mm["pid"]) and mm["pid"] not in seen:
            seen.add(mm["pid"])
            if len(covered_in.get(mm["pid"], [])) > 1:
                find("dual-enrollment", hid, mm["pid"])
    # payments
    over = Fraction(0)
    under = Fraction(0)
    for ym in WINDOW:
        e = ent(h, *ym)
        if ym in h["pay"]:
            paid = h["pay"][ym]
        elif active and ym > (h["enrol"].year, h["enrol"].month):
            paid = Fraction(0)
        else:
            continue
        if ym in h["pay"] and paid - e > TOLERANCE:
            over += paid - e
        if e - paid > TOLERANCE:
            under += e - paid
    if over:
        find("overpaid", hid, amount=over)
    if under:
        find("underpaid", hid, amount=under)
    if not active:
        continue
    # vehicle
    if any(v["status"] in ("正常", "抵押") and v["type"] not in VEHICLE_EXEMPT
           and (v["price"] is None or v["price"] >= VEHICLE_MIN_PRICE) for p in cores_ok for v in VEH_BY.get(p, [])):
        find("vehicle-owned", hid)
    # property
    homes = sorted(set(e["unit"] for p in cores_ok for e in EST_BY.get(p, []) if e["use"] == "住宅" and e["status"] == "现势"))
    nonres = [e for p in cores_ok for e in EST_BY.get(p, []) if e["status"] == "现势" and e["use"] not in ("住宅", "车位")]
    if len(homes) > MAX_HOMES or nonres:
        find("property-excess", hid)
    # business
    if any(b["status"] == "存续" and (b["kind"] not in BUSINESS_EXEMPT or b["cap"] >= BUSINESS_MIN_CAPITAL)
           for p in cores_ok for b in BIZ_BY.get(p, [])):
        find("business-registered", hid)
    # deposits
    latest = {}
    for p in cores_ok:
        for b in BANK_BY.get(p, []):
            if b["q"] <= AS_OF and (b["acct"] not in latest or b["q"] > latest[b["acct"]]["q"]):
                latest[b["acct"]] = b
    assets = sum((b["bal"] for b in latest.values()), Fraction(0))
    limit = DEPOSIT_MONTHS * std_asof * size
    if assets > limit:
        find("deposits-over-limit", hid, amount=assets - limit)
    # income
    tot = Fraction(0)
    for p in cores_ok:
        for r in INC_BY.get(p, []):
            if isinstance(r["period"], tuple):
                if r["period"] in PERIOD_EV:
                    tot += r["amount"]
            else:
                tot += r["amount"] / 12 * sum(1 for ym in PERIOD_EV if ym[0] == r["period"])
    if size and tot / INCOME_MONTHS / size > std_asof:
        find("income-over-standard", hid, amount=(tot / INCOME_MONTHS / size - std_asof) * size)
    # officials
    for p in sorted(set(cores_ok)):
        if p in OFF_BY:
            find("official-relative", hid, p)
    # review
    if AS_OF > add_months(h["review"], REVIEW_MONTHS[h["mgmt"]]) + dt.timedelta(days=GRACE_DAYS):
        find("review-overdue", hid)
    # subsidy
    lo = add_months(AS_OF, -12)
    subs = [s for p in cores_ok for s in SUB_BY.get(p, []) if lo < s["day"] <= AS_OF]
    total = sum((s["amount"] for s in subs), Fraction(0))
    if subs and (any(s["item"] in SUBSIDY_ALWAYS for s in subs) or total >= SUBSIDY_MAX):
        find("subsidy-large", hid, amount=total)

for a in ev_app:
    if a["appr"] is not None:
        late = workdays(a["acc"], a["appr"]) > APPROVAL_WD
    else:
        late = workdays(a["acc"], AS_OF) > APPROVAL_WD
    if late:
        find("approval-late", a["hid"], app=a["aid"])
    if a["appr"] is not None:
        if a["first"] is not None:
            dl = workdays(a["appr"], a["first"]) > DISBURSE_WD
        else:
            dl = workdays(a["appr"], AS_OF) > DISBURSE_WD
        if dl:
            find("disbursement-late", a["hid"], app=a["aid"])

FINDINGS.sort(key=lambda f: (f["rule"], f["household"], f["person"] or "", f["application"] or ""))

# --- compare with the plan ---------------------------------------------------


def case_key(c):
    per = c["person"]
    if isinstance(per, Person):
        per = per.pid
    if c["rule"] not in ("deceased-still-paid", "dual-enrollment", "official-relative", "invalid-id"):
        per = None
    return (c["rule"], c["hh"].hid, per, c["app"].aid if c["app"] else None)


want = sorted(case_key(c) for c in CASES if c["fires"])
got = sorted((f["rule"], f["household"], f["person"], f["application"]) for f in FINDINGS)
near = [case_key(c) for c in CASES if not c["fires"]]
missing = [k for k in want if k not in got]
extra = [k for k in got if k not in want]
if missing or extra:
    raise SystemExit("plan and evaluation differ:\nmissing %r\nextra %r" % (missing, extra))
assert len(set(got)) == len(got)

with open(os.path.join(HERE, "expected-findings.jsonl"), "w", encoding="utf-8", newline="\n") as f:
    for fd in FINDINGS:
        f.write(json.dumps(fd, ensure_ascii=False) + "\n")

# ==========================================================================
# PLANTED.md
# ==========================================================================

RULE_ZH = {
    "deceased-still-paid": "死亡人员仍在领取", "dual-enrollment": "重复享受", "vehicle-owned": "名下有机动车",
    "property-excess": "房产超标", "business-registered": "登记市场主体", "deposits-over-limit": "存款超限",
    "income-over-standard": "收入超标", "official-relative": "财政供养人员家属", "overpaid": "多发", "underpaid": "少发",
    "approval-late": "审批超时", "disbursement-late": "发放超时", "review-overdue": "复核逾期",
    "subsidy-large": "惠农补贴大额", "invalid-id": "身份证号无效",
}
RULE_ORDER = list(RULE_ZH)
amount_of = {(f["rule"], f["household"], f["person"], f["application"]): f["amount"] for f in FINDINGS}
town_of = {hh.hid: hh.town for hh in HOUSEHOLDS}


md = ["# 演示数据：预置案例 / Demo data: planted cases", "",
      "远安县 (420525), as_of 2024-12-31, audit window 2024-01 … 2024-12. Standards: 城市低保 800 (from 2024-01-01), "
      "850 (from 2024-07-01); 农村低保 600; 特困供养 1040 (yuan per person per month). Every other parameter is the "
      "national default. The files are regenerated by `python3 make_data.py`; `expected-findings.jsonl` lists every "
      "finding the data produces (background households produce none).", "",
      "Amount conventions used here: subsidy-large reports the total of all 惠农补贴 received by co-resident members in "
      "the 12 months ending on as_of (after 2023-12-31, up to 2024-12-31), not only the always-flagged items. "
      "review-overdue: with as_of 2024-12-31 no review date falls due exactly on 12-31 (November, September and June "
      "have 30 days), so the near misses are due on 2025-01-01 and the tightest leads are due on 2024-12-30.", ""]
for rule in RULE_ORDER:
    md.append("## %s %s" % (rule, RULE_ZH[rule]))
    md.append("")
    md.append("| 户编号 household | 镇街 township | 人员 person | 申请 application | 结果 result | 金额 amount | 说明 why |")
    md.append("| --- | --- | --- | --- | --- | --- | --- |")
    for c in CASES:
        if c["rule"] != rule:
            continue
        k = case_key(c)
        per = c["person"].pid if isinstance(c["person"], Person) else c["person"]
        res = "fires 命中" if c["fires"] else "near miss 不命中"
        amt = amount_of.get(k) if c["fires"] else None
        md.append("| %s | %s | %s | %s | %s | %s | %s |" % (
            k[1], town_of[k[1]], per or "", k[3] or "", res, amt or "",
            (c["note"] + (" (other household: %s)" % c["other"].hid if c["other"] else "")).replace("|", "/")))
    md.append("")
md.append("## 异常行与坏行 / Messy and bad rows")
md.append("")
md.append("Line numbers are physical lines (the header is line 1; a quoted field with a line break spans two lines, the "
          "record is numbered by its first line). Rows marked BAD must be rejected; DUPLICATE rows count once; the "
          "others must be read correctly. A duplicate of a row about someone who is not on the roster is counted as "
          "unmatched a second time rather than as a duplicate: agency files are only remembered for roster persons, "
          "so that memory follows the roster and not the agency files.")
md.append("")
md.append("| file | line | what |")
md.append("| --- | --- | --- |")
for fn, ln, what in MESSY:
    md.append("| %s | %d | %s |" % (fn, ln, what.replace("|", "/").replace("\n", " ")))
md.append("")
with open(os.path.join(HERE, "PLANTED.md"), "w", encoding="utf-8", newline="\n") as f:
    f.write("\n".join(md))

# --- cross-check the writer's bookkeeping against the reader ----------------
bad_written = sorted((fn, ln) for fn, ln, w in MESSY if w.startswith("BAD"))
assert bad_written == sorted((fn, ln) for fn, ln, _ in REJECTS), (bad_written, REJECTS)
dup_written = sorted((fn, ln) for fn, ln, w in MESSY if w.startswith("DUPLICATE"))
assert dup_written == sorted(DUPS), (dup_written, DUPS)

if __name__ == "__main__":
    import sys
    if "-v" in sys.argv:
        for k, v in SIZES.items():
            print("%-40s %6d rows" % (k, v))
        for t in TOWN_NAMES:
            print(t, sum(1 for hh in HOUSEHOLDS if hh.town == t))
        cnt = {}
        for fd in FINDINGS:
            cnt[fd["rule"]] = cnt.get(fd["rule"], 0) + 1
        for r in RULE_ORDER:
            print("%-22s %d" % (r, cnt.get(r, 0)))
        for fn, ln, why in REJECTS:
            print("REJECT", fn, ln, why)
        for fn, ln in DUPS:
            print("DUP", fn, ln)
