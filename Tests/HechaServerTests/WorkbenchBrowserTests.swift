import Foundation
import HechaLedger
import Testing

/// The pages in a real browser: headless Chromium driven by Selenium (Tests/Browser), against the
/// real server on loopback. `.ci/run` installs Chromium, its driver and Selenium and sets
/// `HECHA_REQUIRE_BROWSER=1`, so that there a missing browser fails the test instead of skipping it.
@Suite struct WorkbenchBrowserTests {
    static var required: Bool { ProcessInfo.processInfo.environment["HECHA_REQUIRE_BROWSER"] == "1" }

    /// Chromium, its driver and Selenium, when all three are here.
    static var available: Bool {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        func has(_ tool: String) -> Bool { paths.contains { FileManager.default.isExecutableFile(atPath: $0 + "/" + tool) } }
        return has("chromium") && has("chromedriver") && has("python3") && run(["python3", "-c", "import selenium"]).status == 0
    }

    @Test(.enabled(if: required || available, "needs chromium, chromium-driver and Selenium (.ci/run installs them)"))
    func aCaseWorkerLogsInOpensALeadAndRecordsAnOutcome() async throws {
        let store = try WorkbenchFixture.ledger()
        let shots = ProcessInfo.processInfo.environment["HECHA_SCREENSHOTS"] ?? (WorkbenchFixture.scratch + "/screenshots")
        let script = WorkbenchFixture.path("Tests/Browser/workbench_browser.py")
        let output = try await WorkbenchFixture.serve(store) { client in
            let port = try #require(client.port)
            // on a thread of its own: waiting for the browser on a thread of Swift's cooperative
            // pool would take one of the few threads the server and the other tests need
            let result = await withCheckedContinuation { done in
                Thread.detachNewThread {
                    done.resume(returning: Self.run(["python3", script, "http://127.0.0.1:\(port)", "worker-a", WorkbenchFixture.password, shots]))
                }
            }
            #expect(result.status == 0, "the browser run failed:\n\(result.output)")
            return result.output
        }
        let line = try #require(output.split(separator: "\n").last { $0.hasPrefix("{") })
        let recorded = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        let id = try #require(recorded["lead"])
        let lead = try #require(try store.lead(id))
        #expect(lead.township == WorkbenchFixture.townA)
        #expect(lead.status == .confirmed)
        #expect(lead.action == "追回")
        #expect(lead.amountSettled == recorded["amount"])
        #expect(lead.outcomeDate == recorded["date"])
        #expect(lead.note == recorded["note"])
        #expect(try store.events(of: lead.id).last?.by == "worker-a")
        #expect(try store.accessLog(lead: lead.id).count == 1, "revealing the household is logged")
        for name in ["lead-desktop.png", "lead-phone.png"] {
            #expect((try? FileManager.default.attributesOfItem(atPath: shots + "/" + name)[.size] as? Int) ?? 0 > 10_000)
        }
    }

    /// Runs a program and returns its exit status and its output and errors together.
    static func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        do { try p.run() } catch { return (127, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
