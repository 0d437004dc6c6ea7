import Foundation

/// Where a warehouse source's password comes from: never the region file, but `PGPASSWORD`, or
/// the passfile (`PGPASSFILE`, else `~/.pgpass`) in libpq's format
/// `hostname:port:database:username:password`, `*` matching anything and `\` escaping `:` and `\`.
public enum WarehousePassword {
    /// The password for `user` at `host:port/database` from `environment`, or nil (the server may
    /// not ask for one: trust or peer authentication).
    public static func find(host: String, port: Int, database: String, user: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let p = environment["PGPASSWORD"], !p.isEmpty { return p }
        let home = environment["HOME"] ?? NSHomeDirectory()
        let file = environment["PGPASSFILE"] ?? home + "/.pgpass"
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        return lookup(in: text, host: host, port: port, database: database, user: user)
    }

    /// The password of the first line of the passfile text `text` that matches, or nil.
    public static func lookup(in text: String, host: String, port: Int, database: String, user: String) -> String? {
        let wanted = [host, String(port), database, user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            let matches = zip(fields.prefix(4), wanted).allSatisfy { field, value in
                field == "*" || field == value || (field == "localhost" && (value == "127.0.0.1" || value == "::1"))
            }
            if matches { return fields[4] }
        }
        return nil
    }

    /// The fields of one passfile line: split at unescaped `:`, `\:` and `\\` unescaped.
    static func split(_ line: String) -> [String] {
        var fields: [String] = [], current = "", escaped = false
        for c in line {
            if escaped {
                current.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == ":" {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(current)
        return fields
    }
}
