import Foundation
@testable import HechaHost
import Testing
import TestSupport

/// A run asked to keep its data (as the command line asks) leaves it parked when it ends, and the
/// next such run frees it before reading anything, even when that run then fails: a run of
/// several regions never holds two regions' data.
@Suite(.serialized) struct ParkedRunDataTests {
    func request(_ region: String, into out: String) -> RunRequest {
        var request = RunRequest(regionFile: region, outputDirectory: out, rulesetsDirectory: Repository.path("rulesets"))
        request.keepsDataUntilExit = true
        return request
    }

    @Test func aRunThatKeepsItsDataParksItUntilTheNextOne() throws {
        defer { ParkedRunData.release() }
        let out = Repository.temporaryDirectory() + "/out"
        _ = try RegionRun(registry: .known).run(request(Repository.path("rulesets/regions/demo.yaml"), into: out))
        #expect(ParkedRunData.isHoldingData)
        // the next run frees it first, before it fails on its region file
        let missing = Repository.temporaryDirectory() + "/missing.yaml"
        #expect(throws: HostError.self) { try RegionRun(registry: .known).run(request(missing, into: out + "2")) }
        #expect(!ParkedRunData.isHoldingData)
    }

    @Test func aRunThatDoesNotKeepItsDataLeavesNothingParked() throws {
        defer { ParkedRunData.release() }
        let out = Repository.temporaryDirectory() + "/out"
        var plain = request(Repository.path("rulesets/regions/demo.yaml"), into: out)
        plain.keepsDataUntilExit = false
        _ = try RegionRun(registry: .known).run(plain)
        #expect(!ParkedRunData.isHoldingData)
    }
}
