import Foundation

/// The throwaway PostgreSQL server the warehouse tests use: `HECHA_TEST_POSTGRES_URL`
/// (`postgresql://USER@127.0.0.1:PORT/DB`, the password in PGPASSWORD), which `.ci/run` starts
/// (.ci/postgres). Without it the tests are skipped, unless `HECHA_REQUIRE_POSTGRES=1` (set by
/// `.ci/run`) makes them run and fail instead.
public enum TestPostgres {
    /// The server's URL, when one is configured.
    public static var url: String? {
        let u = ProcessInfo.processInfo.environment["HECHA_TEST_POSTGRES_URL"]
        return (u?.isEmpty ?? true) ? nil : u
    }

    /// Whether the warehouse tests must run here (CI) rather than be skipped.
    public static var required: Bool { ProcessInfo.processInfo.environment["HECHA_REQUIRE_POSTGRES"] == "1" }

    /// Whether the warehouse tests run: a server is configured, or CI requires one.
    public static var enabled: Bool { url != nil || required }

    /// The reason shown when they are skipped.
    public static let skipReason = "needs a PostgreSQL server in HECHA_TEST_POSTGRES_URL (.ci/run starts one with .ci/postgres)"

    /// The URL's parts, or nil when the URL is missing or not of the form above.
    public static var parts: (user: String, host: String, port: Int, database: String)? {
        guard let url, let rest = url.split(separator: "://").last, let at = rest.firstIndex(of: "@") else { return nil }
        let user = String(rest[..<at]), after = rest[rest.index(after: at)...]
        guard let slash = after.firstIndex(of: "/") else { return nil }
        let hostPort = after[..<slash].split(separator: ":")
        guard let host = hostPort.first else { return nil }
        return (user, String(host), hostPort.count > 1 ? Int(hostPort[1]) ?? 5432 : 5432, String(after[after.index(after: slash)...]))
    }
}
