import ArgumentParser
import Foundation
import HechaCore
import HechaHost
import HechaLedger

struct LeadsStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Per rule and township: leads found, confirmed, dismissed, open, overdue, precision, money confirmed and recovered.")

    @OptionGroup var options: LedgerOptions

    func run() throws {
        let store = try options.open()
        do {
            print(try LeadStatistics(store).text, terminator: "")
        } catch {
            throw fail(error)
        }
    }
}

struct LeadsPurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge", abstract: "Remove the personal data of leads closed longer ago than ledger.retention_months, keeping the counts.")

    @OptionGroup var options: LedgerOptions

    @Option(name: .customLong("as-of"), help: "Count the retention back from this date (YYYY-MM-DD; default: today).")
    var asOf: String?

    @Option(name: .long, help: "Who purges (kept in the leads' events).")
    var by: String

    func run() throws {
        let day: Day
        if let asOf {
            guard let d = Day(iso: asOf) else { throw ValidationError("--as-of '\(asOf)' is not a date; write YYYY-MM-DD") }
            day = d
        } else {
            day = Day(iso: String(ledgerNow().prefix(10)))!
        }
        let settings = try options.settings()
        let store = try options.open()
        do {
            print(try LeadPurge.run(store, day: day, settings: settings, by: by, at: ledgerNow()).text, terminator: "")
        } catch {
            throw fail(error)
        }
    }
}
