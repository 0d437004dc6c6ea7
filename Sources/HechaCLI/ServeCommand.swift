import ArgumentParser
import Foundation
import HechaCore
import HechaHost
import HechaLedger
import HechaServer

/// `hecha serve`: the case workers' web workbench over a lead ledger.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web workbench: case workers log in, verify their township's leads and record what they found."
    )

    @Option(name: .long, help: "The lead ledger: a file, or postgresql://USER@HOST[:PORT]/DB (its users are added with `hecha users add`).")
    var ledger: String

    @Option(name: .customLong("region"), help: "The region file: lead pages then show the evidence, the members and the explanation (read once at start).")
    var regions: [String] = []

    @Option(name: .long, help: "The rulesets folder (default: found above the region file).")
    var rulesets: String?

    @Option(name: .long, help: "The address to listen on. Anything but loopback needs a TLS proxy in front.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0 picks a free one and prints it).")
    var port: Int = 8080

    @Flag(name: .long, help: "Mark the session cookie Secure: the workbench is reached over HTTPS (through a TLS proxy).")
    var secureCookies = false

    @Option(name: .long, help: "Minutes without a request after which a session ends.")
    var idleMinutes: Int = 120

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be a number from 0 to 65535") }
        guard idleMinutes >= 1 else { throw ValidationError("--idle-minutes must be at least 1") }
    }

    func run() async throws {
        let region = try RegionOptions.one(regions, .chinese)
        guard LedgerStore.isServer(ledger) || FileManager.default.fileExists(atPath: ledger) else {
            throw fail(HostError(.configuration, .error("no lead ledger here", at: SourceLocation(file: ledger, line: 0),
                                                        hint: "`hecha run` creates it, `hecha users add` adds its users")), in: .english)
        }
        let store: LedgerStore
        do { store = try LedgerStore(path: ledger) } catch { throw fail(error, code: .configuration) }
        var evidence: RegionEvidence?
        if let region {
            FileHandle.standardError.write(Data("reading the region \(region) for the lead pages…\n".utf8))
            do {
                evidence = try RegionEvidence(regionFile: region, asOf: try store.lastRunDay(), rulesetsDirectory: rulesets,
                                              registry: CommandConnectors.registry)
            } catch let e as HostError {
                throw fail(e)
            } catch let e as LedgerError {
                throw fail(e, code: .configuration)
            }
        }
        let users = (try? store.users().filter { !$0.disabled }.count) ?? 0
        if users == 0 {
            report([Diagnostic(.warning, "the ledger has no users yet", at: SourceLocation(file: ledger, line: 0),
                               hint: "add one with `hecha users add NAME --role admin --ledger \(ledger)`")], in: .english)
        }
        if !["127.0.0.1", "::1", "localhost"].contains(host) && !secureCookies {
            report([Diagnostic(.warning, "serving on \(host) without TLS", hint: "put a TLS proxy in front and pass --secure-cookies")], in: .english)
        }
        let lifetime = SessionLifetime(idleSeconds: idleMinutes * 60, absoluteSeconds: max(idleMinutes * 60, SessionLifetime.standard.absoluteSeconds))
        let server = WorkbenchServer(ledger: store, evidence: evidence,
                                     configuration: .init(host: host, port: port, lifetime: lifetime, secureCookies: secureCookies))
        let shownHost = host.contains(":") ? "[\(host)]" : host
        try await server.run { bound in
            let line = "hecha serve: http://\(shownHost):\(bound)/ (ledger \(ledger)\(region.map { ", region \($0)" } ?? ""); Ctrl-C stops)\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }
}
