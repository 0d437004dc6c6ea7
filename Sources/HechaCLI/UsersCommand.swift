import ArgumentParser
import Foundation
import HechaCore
import HechaHost
import HechaLedger

/// `hecha users …`: the workbench's accounts, kept in the lead ledger.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "The workbench's users: add an admin or a township's case worker, list them, disable one.",
        subcommands: [UsersAddCommand.self, UsersListCommand.self, UsersDisableCommand.self]
    )
}

/// Which ledger the users live in.
struct UsersLedgerOption: ParsableArguments {
    @Option(name: .long, help: "The lead ledger: a file, or postgresql://USER@HOST[:PORT]/DB.")
    var ledger: String

    func open() throws -> LedgerStore {
        guard LedgerStore.isServer(ledger) || FileManager.default.fileExists(atPath: ledger) else {
            throw fail(HostError(.configuration, .error("no lead ledger here", at: SourceLocation(file: ledger, line: 0),
                                                        hint: "`hecha run` creates it (or pass --ledger FILE)")), in: .english)
        }
        do { return try LedgerStore(path: ledger) } catch { throw fail(error, code: .configuration) }
    }
}

struct UsersAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a user; the password is read from standard input (or asked twice at a terminal), never an argument.")

    @Argument(help: "The login name.")
    var name: String

    @Option(name: .long, help: "admin (every township, the statistics) or worker (one township's leads).")
    var role: String

    @Option(name: .long, help: "For a worker: the township (镇街) whose leads they verify, as the roster writes it.")
    var township: String?

    @Flag(name: .long, help: "Accept a township that has no leads in the ledger yet.")
    var newTownship = false

    @OptionGroup var options: UsersLedgerOption

    func validate() throws {
        guard WorkbenchRole(rawValue: role) != nil else { throw ValidationError("--role is admin or worker") }
    }

    func run() throws {
        let store = try options.open()
        let password = try PasswordInput.read(confirm: true)
        // a misspelt township would give the worker an empty list: refuse it unless told it is new
        if let township, !newTownship, let known = try? store.leadFacets(township: nil).townships, !known.isEmpty, !known.contains(township) {
            throw fail(HostError(.configuration, .error(
                "no lead of the ledger is in township '\(township)'\(NameSuggestion.didYouMean(township, in: known)); its townships: \(known.joined(separator: ", "))",
                hint: "write it as the roster does, or pass --new-township for a township with no leads yet")), in: .english)
        }
        do {
            try store.addUser(name, role: WorkbenchRole(rawValue: role)!, township: township, password: password, at: ledgerNow())
            print("added \(role) \(name)\(township.map { " (\($0))" } ?? "")")
        } catch {
            throw fail(error, code: .configuration)
        }
    }
}

struct UsersListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the users (never their passwords).")

    @OptionGroup var options: UsersLedgerOption

    func run() throws {
        let store = try options.open()
        do {
            let users = try store.users()
            if users.isEmpty { print("no users; add one with `hecha users add NAME --role admin --ledger \(options.ledger)`"); return }
            for u in users {
                print([u.name, u.role.rawValue, u.township ?? "-", u.disabled ? "disabled" : "active", u.createdAt].joined(separator: "\t"))
            }
        } catch {
            throw fail(error)
        }
    }
}

struct UsersDisableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable a user: they cannot log in and their sessions end.")

    @Argument(help: "The login name.")
    var name: String

    @OptionGroup var options: UsersLedgerOption

    func run() throws {
        let store = try options.open()
        do {
            print(try store.disableUser(name) ? "disabled \(name)" : "\(name) was already disabled")
        } catch {
            throw fail(error, code: .configuration)
        }
    }
}

/// A password from standard input: one line when it is a pipe or file, or asked (not echoed,
/// twice when `confirm`) at a terminal.
enum PasswordInput {
    static func read(confirm: Bool) throws -> String {
        if isatty(STDIN_FILENO) == 0 {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw fail(HostError(.configuration, .error("no password on standard input",
                                                            hint: "echo the password into the command, or run it at a terminal")), in: .english)
            }
            return line
        }
        let first = ask("password: ")
        if confirm && ask("again: ") != first {
            throw fail(HostError(.configuration, .error("the two passwords differ; nothing was added")), in: .english)
        }
        return first
    }

    static func ask(_ prompt: String) -> String {
        guard let p = getpass(prompt) else { return "" }
        return String(cString: p)
    }
}
