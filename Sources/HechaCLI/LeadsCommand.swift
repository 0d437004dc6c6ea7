import ArgumentParser
import Foundation
import HechaHost
import HechaLedger

/// `hecha leads …`: the lead ledger for case workers and the bureau.
struct LeadsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leads",
        abstract: "The lead ledger: list leads, record what case workers found, hand worksheets to townships, statistics, retention.",
        subcommands: [LeadsListCommand.self, LeadsSetCommand.self, LeadsExportCommand.self, LeadsImportCommand.self,
                      LeadsStatsCommand.self, LeadsPurgeCommand.self]
    )
}

struct LeadsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the leads of the ledger.")

    @OptionGroup var options: LedgerOptions

    @Option(name: .long, help: "Only leads with this status: \(LeadStatus.accepted).")
    var status: String?

    @Option(name: .long, help: "Only leads of this rule.")
    var rule: String?

    @Option(name: .long, help: "Only leads of this township (镇街).")
    var township: String?

    @Option(name: .long, help: "table (for people), csv (for Excel) or json (one object a line, full ids).")
    var format: String = "table"

    func validate() throws {
        if let status, LeadStatus(input: status) == nil { throw ValidationError("--status '\(status)' is not known; use one of: \(LeadStatus.accepted)") }
        if LeadListing.Format(rawValue: format) == nil { throw ValidationError("--format '\(format)' is not known; use table, csv or json") }
    }

    func run() throws {
        let store = try options.open()
        let filter = LeadListing.Filter(status: status.flatMap(LeadStatus.init(input:)), rule: rule, township: township)
        do {
            print(try LeadListing.text(store, filter: filter, format: LeadListing.Format(rawValue: format)!), terminator: "")
        } catch {
            throw fail(error)
        }
    }
}

struct LeadsSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Record what was found about one lead (an event is kept for every change).")

    @OptionGroup var options: LedgerOptions

    @Argument(help: "The lead's id (线索编号), as `hecha leads list` shows it.")
    var id: String

    @Option(name: .long, help: "The new status: \(LeadStatus.accepted).")
    var status: String

    @Option(name: .long, help: "For dismissed (不属实): the reason, from the ruleset's ledger.dismiss_reasons.")
    var reason: String?

    @Option(name: .long, help: "For confirmed (属实): \(LeadAction.accepted).")
    var action: String?

    @Option(name: .long, help: "For confirmed (属实): the amount recovered or paid back, in yuan.")
    var amount: String?

    @Option(name: .long, help: "The date it was verified or the money recovered (YYYY-MM-DD).")
    var date: String?

    @Option(name: .long, help: "A note for the record.")
    var note: String?

    @Option(name: .long, help: "Who records it (kept in the lead's events).")
    var by: String

    func run() throws {
        let settings = try options.settings()
        let store = try options.open()
        do {
            let update = try LeadUpdate(status: status, reason: reason, action: action, amount: amount, date: date, note: note, settings: settings)
            let changed = try store.set(id, update, by: by, at: ledgerNow())
            print(changed ? "\(id): \(update.status.rawValue) (\(update.status.label))" : "\(id): already \(update.status.rawValue) (\(update.status.label)); nothing changed")
        } catch {
            throw fail(error)
        }
    }
}
