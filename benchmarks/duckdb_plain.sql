-- What an analyst writes for five checks, in plain DuckDB SQL: the bar Hecha is measured against
-- (benchmarks/duckdb_plain.sh runs it). Every column read as text; ids normalised by full-width
-- digits, case and spaces only (no check character, no 15-digit conversion); the agencies' rows
-- joined on the co-resident members of households in payment (a bank balance is each account's
-- latest query); households counted once. The counts are not Hecha's findings: the rules' other
-- conditions (vehicle types and prices, dates, income periods, duplicates) are left out. The death
-- register is GB18030 and is converted with iconv before this script runs. {data} is the region's
-- data folder, {deaths} the converted death register; the standards are the generated region's.

CREATE MACRO pid(x) AS upper(trim(translate(x, '０１２３４５６７８９', '0123456789')));

CREATE TABLE active AS
    SELECT 户编号 AS hid, any_value(救助类别) AS program,
           CASE any_value(救助类别) WHEN '城市低保' THEN 1050 WHEN '农村低保' THEN 800 ELSE 1350 END AS standard
    FROM read_csv('{data}/civil-affairs/低保家庭.csv', all_varchar = true, quote = '"', ignore_errors = true)
    WHERE 状态 = '在保' GROUP BY 户编号;

CREATE TABLE coresident AS
    SELECT DISTINCT m.户编号 AS hid, pid(m.身份证号) AS id, m.保障对象 = '是' AS covered
    FROM read_csv('{data}/civil-affairs/家庭成员.csv', all_varchar = true, quote = '"', ignore_errors = true) m
    JOIN active a ON a.hid = m.户编号
    WHERE m.共同生活 = '是';

CREATE TABLE size AS SELECT hid, count(*) AS persons FROM coresident GROUP BY hid;

SELECT 'vehicles' AS "check", count(DISTINCT c.hid) AS households
FROM read_csv('{data}/vehicles/机动车登记.csv', all_varchar = true, quote = '"', ignore_errors = true) v
JOIN coresident c ON c.id = pid(v.所有人证件号码)
WHERE v.机动车状态 IN ('正常', '抵押');

SELECT 'deaths' AS "check", count(DISTINCT c.hid) AS households
FROM read_csv('{deaths}', all_varchar = true, quote = '"', ignore_errors = true) d
JOIN coresident c ON c.id = pid(d.公民身份号码)
WHERE c.covered;

SELECT 'homes' AS "check", count(*) AS households FROM (
    SELECT c.hid
    FROM read_csv('{data}/real-estate/不动产登记.csv', all_varchar = true, quote = '"', ignore_errors = true) e
    JOIN coresident c ON c.id = pid(e.权利人证件号)
    WHERE e.权属状态 = '现势' AND e.规划用途 = '住宅'
    GROUP BY c.hid HAVING count(DISTINCT e.不动产单元号) > 1);

SELECT 'deposits' AS "check", count(*) AS households FROM (
    SELECT c.hid
    FROM (SELECT * FROM read_json('{data}/banking/*.jsonl', format = 'newline_delimited', ignore_errors = true,
                                  columns = {'证件号码': 'VARCHAR', '账号': 'VARCHAR', '余额': 'VARCHAR', '查询日期': 'VARCHAR'})
          QUALIFY row_number() OVER (PARTITION BY 账号 ORDER BY 查询日期 DESC) = 1) b
    JOIN coresident c ON c.id = pid(b.证件号码)
    JOIN active a ON a.hid = c.hid JOIN size s ON s.hid = c.hid
    GROUP BY c.hid, a.standard, s.persons
    HAVING sum(TRY_CAST(b.余额 AS DECIMAL(18, 2))) > 24 * a.standard * s.persons);

SELECT 'income' AS "check", count(*) AS households FROM (
    SELECT c.hid
    FROM read_csv('{data}/income/收入明细.csv', all_varchar = true, quote = '"', ignore_errors = true) i
    JOIN coresident c ON c.id = pid(i.证件号码)
    JOIN active a ON a.hid = c.hid JOIN size s ON s.hid = c.hid
    WHERE i.所属期 BETWEEN '202312' AND '202411'
    GROUP BY c.hid, a.standard, s.persons
    HAVING sum(TRY_CAST(i.金额 AS DECIMAL(18, 2))) / 12 / s.persons > a.standard);
