/// The one place the SQL that normalises an id number in the warehouse is written: the same rules
/// as ConnectorKit's `IDNumber` (full-width digits and `ｘ` folded, blanks trimmed, `x` upper-cased,
/// a 15-digit legacy number converted to 18 digits with its check character, then the 17 digits,
/// the check character and the birth date checked).
///
/// The SQL is conservative: it yields the normalised 18-character id only for a form it is sure of,
/// and NULL for anything else (other full-width characters, a no-break space, garbage). A row whose
/// id is NULL is always fetched, so the connector's own reader decides it exactly as it decides a
/// CSV row (reject or match); only rows with a valid id that is not on the roster stay in the
/// warehouse. Plain SQL only: derived tables, `~`, `translate`, `btrim`, `substr`, CASE — accepted
/// by PostgreSQL, Greenplum, GaussDB(DWS), openGauss and Citus alike.
public enum IDNumberSQL {
    /// The weights of ISO 7064 MOD 11-2 over the 17 digits.
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

    /// A SELECT over `from` (a table or a parenthesised query with its alias) that keeps the
    /// columns `carrying` (SQL expressions with their aliases, e.g. `t."号牌号码"::text AS c1`,
    /// referring to `alias`) and adds `hecha_id`: the normalised id of the column expression
    /// `idColumn`, or NULL. Each step is a derived table, so no expression is repeated.
    ///
    /// With `fenced`, each derived table ends in `OFFSET 0`, which keeps the planner from
    /// flattening the steps into one expression: flattened, the body's expression would be
    /// repeated in each of the 17 terms of the check sum (its regular expressions with it), a
    /// hundred times the work on every row. (Citus cannot push such a subquery to its workers,
    /// so its SQL is left unfenced.)
    public static func select(carrying: [(expression: String, alias: String)], idColumn: String, from: String,
                              fenced: Bool = true) -> String {
        let fence = fenced ? " OFFSET 0" : ""
        let inner = carrying.map { "\($0.expression) AS \($0.alias)" }.joined(separator: ", ")
        let names = carrying.map(\.alias).joined(separator: ", ")
        let keep = names.isEmpty ? "" : names + ", "
        let plain18 = "'^[0-9]{17}[0-9X]$'", plain15 = "'^[0-9]{15}$'"
        // 1. the id as written, and whether it is already a plain 18-character id (most rows are:
        //    they skip the folding and every later regular expression)
        let step1 = "SELECT \(inner.isEmpty ? "" : inner + ", ")\(idColumn) AS hecha_r FROM \(from)\(fence)"
        let step2 = "SELECT \(keep)hecha_r, hecha_r ~ \(plain18) AS hecha_p FROM (\(step1)) hecha_s1\(fence)"
        // 2. otherwise full-width digits, ｘ/Ｘ and the ideographic space folded, x upper-cased, blanks trimmed
        let folded = "btrim(translate(hecha_r, '０１２３４５６７８９ｘＸx\u{3000}', '0123456789XXX '), E' \\t\\r\\n')"
        let step3 = "SELECT \(keep)CASE WHEN hecha_p THEN hecha_r ELSE \(folded) END AS hecha_n, hecha_p FROM (\(step2)) hecha_s2\(fence)"
        // 3. the 17-digit body (a 15-digit number gets 19 before its year) and the given check character ('' to compute)
        let is18 = "hecha_p OR hecha_n ~ \(plain18)"
        let step4 = """
            SELECT \(keep)\
            CASE WHEN \(is18) THEN substr(hecha_n, 1, 17) \
            WHEN hecha_n ~ \(plain15) THEN substr(hecha_n, 1, 6) || '19' || substr(hecha_n, 7, 9) END AS hecha_body, \
            CASE WHEN \(is18) THEN substr(hecha_n, 18, 1) WHEN hecha_n ~ \(plain15) THEN '' END AS hecha_given \
            FROM (\(step3)) hecha_s3\(fence)
            """
        // 4. the body as a number: its digits, the check character it must have and the birth date
        //    by integer arithmetic (a tenth of the work of a substr and a cast per digit)
        let step5 = "SELECT \(keep)hecha_body, hecha_given, CAST(hecha_body AS bigint) AS hecha_b FROM (\(step4)) hecha_s4\(fence)"
        let sum = weights.enumerated().map { "mod(hecha_b / \(Self.power(16 - $0.offset)), 10) * \($0.element)" }
            .joined(separator: " + ")
        let step6 = """
            SELECT \(keep)hecha_body, hecha_given, substr('10X98765432', CAST(mod(\(sum), 11) AS integer) + 1, 1) AS hecha_check, \
            CAST(mod(hecha_b / 10000000, 10000) AS integer) AS hecha_y, CAST(mod(hecha_b / 100000, 100) AS integer) AS hecha_m, \
            CAST(mod(hecha_b / 1000, 100) AS integer) AS hecha_d \
            FROM (\(step5)) hecha_s5\(fence)
            """
        // 5. valid when the check character is right and the birth date exists (year 1900 or later)
        let days = """
            CASE WHEN hecha_m IN (1, 3, 5, 7, 8, 10, 12) THEN 31 WHEN hecha_m IN (4, 6, 9, 11) THEN 30 \
            WHEN (mod(hecha_y, 4) = 0 AND mod(hecha_y, 100) <> 0) OR mod(hecha_y, 400) = 0 THEN 29 ELSE 28 END
            """
        return """
            SELECT \(keep)CASE WHEN hecha_body IS NOT NULL AND (hecha_given = '' OR hecha_given = hecha_check) \
            AND hecha_y >= 1900 AND hecha_m BETWEEN 1 AND 12 AND hecha_d >= 1 AND hecha_d <= \(days) \
            THEN hecha_body || hecha_check END AS hecha_id \
            FROM (\(step6)) hecha_s6\(fence)
            """
    }

    /// 10 to the power `n`, as the SQL's integer literal.
    static func power(_ n: Int) -> String { "1" + String(repeating: "0", count: n) }

    /// `name` as a quoted SQL identifier (`"所有人证件号码"`), double quotes doubled.
    public static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// `text` as a SQL string literal, quotes doubled.
    public static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
