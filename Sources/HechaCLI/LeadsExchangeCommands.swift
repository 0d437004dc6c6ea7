import ArgumentParser
import Foundation
import HechaCore
import HechaHost
import HechaLedger

struct LeadsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a township's open leads as an Excel worksheet with empty columns for the case workers' findings.")

    @OptionGroup var options: LedgerOptions

    @Option(name: .long, help: "The township (镇街).")
    var township: String

    @Option(name: .long, help: "The CSV file to write.")
    var out: String

    func run() throws {
        let store = try options.open()
        do {
            let (text, count) = try TownshipExchange.export(store, township: township)
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out))
            } catch {
                throw fail(HostError(.output, .error("cannot write the file (\(error.localizedDescription))", at: SourceLocation(file: out, line: 0),
                                                     hint: "check the folder exists and is writable")), in: .english)
            }
            print("\(out): \(count) open lead(s) of \(township); fill in \(TownshipExchange.outcomeColumns.joined(separator: ", ")) and import it back")
        } catch let e as LedgerError {
            throw fail(e)
        }
    }
}

struct LeadsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Read a filled-in township worksheet back: every row is applied or rejected with its line and reason.")

    @OptionGroup var options: LedgerOptions

    @Argument(help: "The CSV file written by `hecha leads export` and filled in.")
    var file: String

    @Option(name: .long, help: "Who imports it (kept in the leads' events).")
    var by: String

    func run() throws {
        let settings = try options.settings()
        let store = try options.open()
        let report: TownshipExchange.ImportReport
        do {
            report = try TownshipExchange.importFile(file, into: store, by: by, settings: settings, at: ledgerNow())
        } catch {
            throw fail(error)
        }
        for r in report.rejected { printError(r, in: .english) }
        print("\(file): \(report.applied) applied, \(report.unchanged) unchanged, \(report.empty) left open (核查结果 empty), \(report.rejected.count) rejected")
        if !report.rejected.isEmpty { throw ExitCode(HechaExitCode.data.rawValue) }
    }
}
