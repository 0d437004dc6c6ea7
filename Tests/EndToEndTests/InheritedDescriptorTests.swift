import Foundation
@testable import HechaHost
import HechaReports
import Testing

/// A connector program inherits nothing of the run but its three pipes: not the lock on the run's
/// output folder (or on another run's in the same process), which would otherwise stay held for as
/// long as the program, or anything it left running, lives.
struct InheritedDescriptorTests {
    @Test func aProgramStartedDuringARunDoesNotHoldTheOutputFolderLock() throws {
        let out = Repository.temporaryDirectory() + "/out"
        // an existing (empty) folder, so that releasing it does not remove it
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let first = try OutputFolderReservation(out)
        let program = try ProgramProcess(command: ["sleep", "5"], directory: NSTemporaryDirectory(), input: [])
        first.release()
        // the folder is free again although the program still runs
        var refusal = ""
        do {
            let second = try OutputFolderReservation(out)
            second.release()
        } catch {
            refusal = error.description
        }
        #expect(refusal == "")
        withExtendedLifetime(program) {}
    }

    @Test func aProgramSeesOnlyItsOwnPipes() throws {
        let out = Repository.temporaryDirectory() + "/out"
        let reservation = try OutputFolderReservation(out)
        defer { reservation.release() }
        // the program lists its open descriptors: the three standard ones and, at most, the one the shell's glob opens
        let program = try ProgramProcess(command: ["sh", "-c", "for f in /proc/self/fd/*; do echo \"${f##*/} $(readlink $f)\"; done"],
                                         directory: NSTemporaryDirectory(), input: [])
        var lines: [String] = []
        _ = program.readLines(until: MonotonicClock.now() + 10) { line in
            lines.append(String(decoding: line, as: UTF8.self))
            return true
        }
        let extra = lines.filter { ($0.split(separator: " ").first.flatMap { Int($0) } ?? 0) > 2 }
        #expect(extra.count <= 1, "descriptors inherited by the program: \(extra)")
    }
}
