import ArgumentParser
import Foundation
import HechaHost

/// `hecha connector …`: tools for connectors written outside Hecha.
struct ConnectorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connector",
        abstract: "Tools for out-of-process connectors (connectors/PROTOCOL.md).",
        subcommands: [ConnectorCheckCommand.self]
    )
}

/// `hecha connector check --command PROGRAM ARGS… --path FOLDER`: the conformance suite.
struct ConnectorCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the conformance checks on a connector program against a folder of sample exports."
    )

    @Option(name: .long, parsing: .upToNextOption, help: "The program and its arguments, e.g. --command python3 connectors/examples/disability.py")
    var command: [String]

    @Option(name: .long, help: "A folder of sample exports the program reads (with at least one messy row).")
    var path: String

    @Option(name: .long, help: "How long one read may take, in seconds.")
    var timeoutSeconds: Int = 60

    @OptionGroup var messages: MessageOptions

    func run() throws {
        let language = messages.language
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError(in: language, "the folder given with --path does not exist: \(path)")
        }
        let results = ConnectorCheck(command: command, folder: path, timeoutSeconds: timeoutSeconds).run()
        for r in results {
            print(MessageCatalog.text(r.passed ? "pass: \(r.check)" : "FAIL: \(r.check)", in: language))
            if let problem = r.problem {
                print(MessageCatalog.text(problem, in: language).split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            }
        }
        let passed = results.filter(\.passed).count
        print(MessageCatalog.text("\(passed) of \(results.count) checks passed", in: language))
        if passed < results.count { throw ExitCode.failure }
    }
}
