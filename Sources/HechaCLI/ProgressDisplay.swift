import Foundation
import HechaHost
import Synchronization

/// Shows a run's progress on stderr: on a terminal one line rewritten in place per event and a
/// line per finished source; elsewhere (a scheduler's log) plain lines. `--quiet` shows nothing,
/// `--verbose` adds a line per input file and timings. Never prints an id number.
final class ProgressDisplay: Sendable {
    enum Level { case quiet, normal, verbose }
    let level: Level
    let isTerminal: Bool
    /// The language the lines are printed in (they are made in English).
    let language: MessageLanguage
    private let lock = Mutex(())

    init(level: Level, language: MessageLanguage = .chinese, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.level = level
        self.language = language
        self.isTerminal = isTerminal
    }

    func show(_ event: RunProgress) {
        guard level != .quiet else { return }
        switch event {
        case .rosterRead(let source, let households, let persons, let seconds):
            line("\(source): roster of \(households) households, \(persons) persons (\(Self.seconds(seconds)))",
                 status: "reading the sources…")
        case .sourceRead(let source, let rows, let bytes, let seconds, let done, let of):
            let mb = Double(bytes) / 1_048_576
            let rate = seconds > 0 ? Int(Double(rows) / seconds) : rows
            line(String(format: "[%d/%d] %@: %d rows, %.2f MB, %@ rows/s", done, of, source, rows, mb, Self.grouped(rate)),
                 status: done < of ? "reading the sources… \(done) of \(of) done" : "applying the rules…")
        case .fileRead(let source, let file, let rows, let rejected):
            if level == .verbose { line("  \(source): \(file): \(rows) rows, \(rejected) rejected") }
        case .evaluated(let findings, let rules, let households, let seconds):
            line("evaluated \(rules) rules on \(households) households: \(findings) findings" + (level == .verbose ? " (\(Self.seconds(seconds)))" : ""))
        case .written(let folder, let files):
            line("wrote \(files) files to \(folder)")
        }
    }

    /// On a terminal a status line (what is being done now) stays at the bottom: each new line
    /// is written over it ("\r" and erase) and the status is written again after it.
    private func line(_ english: String, status englishStatus: String = "") {
        let text = MessageCatalog.text(english, in: language)
        let status = MessageCatalog.text(englishStatus, in: language)
        lock.withLock { _ in
            let out = isTerminal ? "\r\u{1B}[2K" + text + "\n" + status : text + "\n"
            FileHandle.standardError.write(Data(out.utf8))
        }
    }

    static func seconds(_ s: Double) -> String { String(format: "%.2f s", s) }

    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return out
    }
}
