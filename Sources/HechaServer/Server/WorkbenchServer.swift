import Foundation
import Hummingbird
import HechaLedger
import Logging

/// `hecha serve`: the case workers' web workbench over one lead ledger — its pages and its JSON
/// API from one process, on loopback unless told otherwise, with nothing loaded from elsewhere.
public struct WorkbenchServer: Sendable {
    /// How the workbench is served.
    public struct Configuration: Sendable {
        /// The address to listen on (loopback by default) and the port (0 picks a free one).
        public var host: String
        /// The port to listen on; 0 picks a free one.
        public var port: Int
        /// How long sessions last.
        public var lifetime: SessionLifetime
        /// Set the cookie's `Secure` attribute: the workbench is reached over TLS (through a
        /// TLS-terminating proxy in front of it).
        public var secureCookies: Bool
        /// How repeated failed logins are slowed.
        public var throttle: LoginThrottle

        /// A configuration as given.
        public init(host: String = "127.0.0.1", port: Int = 8080, lifetime: SessionLifetime = .standard, secureCookies: Bool = false,
                    throttle: LoginThrottle = .standard) {
            self.host = host
            self.port = port
            self.lifetime = lifetime
            self.secureCookies = secureCookies
            self.throttle = throttle
        }
    }

    /// The ledger served.
    public let ledger: LedgerStore
    /// The region's evidence, when the workbench was started with `--region`.
    public let evidence: RegionEvidence?
    /// How it is served.
    public let configuration: Configuration

    /// A workbench over `ledger`, with the region's evidence when given.
    public init(ledger: LedgerStore, evidence: RegionEvidence?, configuration: Configuration = .init()) {
        self.ledger = ledger
        self.evidence = evidence
        self.configuration = configuration
    }

    /// The application: its router with every page and API route behind the session check.
    /// `onRunning` is told the port actually bound (useful with port 0).
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router(context: WorkbenchContext.self)
        router.add(middleware: SessionMiddleware(ledger: ledger, lifetime: configuration.lifetime))
        let state = WorkbenchState(ledger: ledger, evidence: evidence, configuration: configuration)
        AuthRoutes(state: state).add(to: router)
        LeadRoutes(state: state).add(to: router)
        StatsRoutes(state: state).add(to: router)
        PageRoutes().add(to: router)
        var logger = Logger(label: "hecha.serve")
        logger.logLevel = .warning
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "hecha"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// Serves until the process is interrupted.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onRunning: onRunning).runService()
    }
}

/// What every route handler shares.
struct WorkbenchState: Sendable {
    let ledger: LedgerStore
    let evidence: RegionEvidence?
    let configuration: WorkbenchServer.Configuration

    /// The dismiss reasons offered: the region's ruleset's when loaded, else the last run's.
    func dismissReasons() throws -> [String] {
        if let evidence { return evidence.settings.dismissReasons }
        return try ledger.lastRunDismissReasons()
    }

    /// The logged-in session, or a 401.
    static func session(_ context: WorkbenchContext) throws -> WorkbenchSession {
        guard let s = context.session else { throw APIError.notLoggedIn }
        return s
    }
}

/// Now as the ledger's events record it (ISO 8601, UTC, seconds).
func ledgerTimestamp(_ date: Date = Date()) -> String {
    let f = ISO8601DateFormatter()
    f.timeZone = TimeZone(identifier: "UTC")
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: date)
}
