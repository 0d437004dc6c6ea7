import HechaCore
import Yams

/// The keys of a `sources:` entry whose rows are a warehouse table:
///
/// ```yaml
/// vehicle-registry: {database: postgresql://hecha@127.0.0.1:5432/gov, table: ods.vehicle_register}
/// ```
///
/// The password never comes from the region file: PGPASSWORD or a passfile.
enum WarehouseSourceKeys {
    static let names = ["database", "table", "columns", "engine", "key"]

    /// The warehouse of the entry `node` (of source `id`), nil when it names none; problems go to `diags`.
    static func read(_ node: Yams.Node, of id: String, file: YAMLFile, _ diags: inout DiagnosticCollector) -> WarehouseSource? {
        guard let db = node[key: "database"] else {
            for key in names.dropFirst() {
                if let n = node[key: key] {
                    diags.error("\(key): of source '\(id)' is only for a source in a warehouse (database:)", at: file.location(n),
                                hint: "add database: postgresql://USER@HOST:PORT/DB, or remove \(key):")
                }
            }
            return nil
        }
        var ok = true
        for key in ["path", "command", "encoding"] {
            if let n = node[key: key] {
                diags.error("source '\(id)' has both database: and \(key):", at: file.location(n),
                            hint: "a source is either a folder of export files (path:) or a warehouse table (database: and table:)")
                ok = false
            }
        }
        var url: (user: String, host: String, port: Int, database: String)?
        switch parseURL(db.scalar?.string ?? "") {
        case .success(let parts): url = parts
        case .failure(let problem):
            diags.error("database: of source '\(id)' \(problem.text)", at: file.location(db), hint: problem.hint)
        }
        var table: String?
        if let t = node[key: "table"] {
            if let text = t.scalar?.string, isTableName(text) {
                table = text
            } else {
                diags.error("table: of source '\(id)' must be a table name, optionally with its schema", at: file.location(t),
                            hint: "table: ods.vehicle_register (letters, digits and _ only, at most one dot)")
            }
        } else {
            diags.error("source '\(id)' in a warehouse needs table:", at: file.location(db), hint: "table: ods.vehicle_register")
        }
        var columns: [String: String] = [:]
        if let c = node[key: "columns"] {
            if c.mapping == nil {
                diags.error("columns: of source '\(id)' must map the export's headers to the table's columns", at: file.location(c),
                            hint: "columns: {所有人证件号码: owner_id_no}")
            }
            for pair in c.pairs {
                guard let column = pair.value.scalar?.string, !column.isEmpty, !column.contains("\"") else {
                    diags.error("the column for '\(pair.key)' in columns: of source '\(id)' must be a column name", at: file.location(pair.value),
                                hint: "\(pair.key): owner_id_no")
                    continue
                }
                columns[pair.key] = column
            }
        }
        var engine = WarehouseEngine.postgresql
        if let e = node[key: "engine"] {
            let known = WarehouseEngine.allCases.map(\.rawValue)
            if let text = e.scalar?.string, let value = WarehouseEngine(rawValue: text) {
                engine = value
            } else {
                let text = e.scalar?.string ?? ""
                diags.error("unknown engine '\(text)' of source '\(id)'\(NameSuggestion.didYouMean(text, in: known))", at: file.location(e),
                            hint: "engine: is one of \(known.joined(separator: ", "))")
            }
        }
        var key: String?
        if let k = node[key: "key"] {
            if let text = k.scalar?.string, !text.isEmpty, !text.contains("\"") {
                key = text
            } else {
                diags.error("key: of source '\(id)' must be the name of the table's column that identifies a row", at: file.location(k),
                            hint: "key: row_id (its primary key; without key: the rows are named by their ctid)")
            }
        }
        guard ok, let url, let table else { return nil }
        return WarehouseSource(user: url.user, host: url.host, port: url.port, database: url.database, table: table,
                               columns: columns, engine: engine, key: key)
    }

    /// Why a `database:` URL cannot be used, and what to write instead.
    struct URLProblem: Error {
        var text: String
        var hint: String
    }

    /// The parts of `postgresql://USER@HOST[:PORT]/DATABASE` (also `postgres://`).
    static func parseURL(_ text: String) -> Result<(user: String, host: String, port: Int, database: String), URLProblem> {
        let example = "database: postgresql://hecha@127.0.0.1:5432/gov (the password from PGPASSWORD or a passfile)"
        guard let scheme = ["postgresql://", "postgres://"].first(where: { text.hasPrefix($0) }) else {
            return .failure(URLProblem(text: "must be a postgresql:// URL, not '\(text)'", hint: example))
        }
        let rest = text.dropFirst(scheme.count)
        guard let at = rest.firstIndex(of: "@") else {
            return .failure(URLProblem(text: "must name the user (postgresql://USER@HOST/DB)", hint: example))
        }
        let userPart = rest[..<at]
        if userPart.contains(":") {
            return .failure(URLProblem(text: "must not hold a password",
                                       hint: "remove ':…' after the user; set PGPASSWORD or write the password in a passfile (~/.pgpass or PGPASSFILE)"))
        }
        let afterAt = rest[rest.index(after: at)...]
        guard let slash = afterAt.firstIndex(of: "/") else {
            return .failure(URLProblem(text: "must name the database after the host (…/gov)", hint: example))
        }
        let hostPort = afterAt[..<slash], database = String(afterAt[afterAt.index(after: slash)...])
        var host = String(hostPort), port = 5432
        if let colon = hostPort.lastIndex(of: ":") {
            host = String(hostPort[..<colon])
            guard let p = Int(hostPort[hostPort.index(after: colon)...]), p > 0, p < 65536 else {
                return .failure(URLProblem(text: "has a port that is not a number from 1 to 65535", hint: example))
            }
            port = p
        }
        let plain: (String) -> Bool = { s in !s.isEmpty && s.unicodeScalars.allSatisfy { $0.isASCII && !" ?#&=@/".unicodeScalars.contains($0) } }
        guard plain(String(userPart)), plain(host), plain(database) else {
            return .failure(URLProblem(text: "must be postgresql://USER@HOST[:PORT]/DATABASE with no options, not '\(text)'", hint: example))
        }
        return .success((String(userPart), host, port, database))
    }

    /// `schema.table` or `table`, each part letters, digits and `_`, not starting with a digit.
    static func isTableName(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { p in
            guard let first = p.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
            return p.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        }
    }
}
