import Foundation
import HechaCore
import HechaHost
import HechaReports
import Testing

/// `hecha explain`: every finding of the demo can be traced back to its rule, parameters and rows.
@Suite(.serialized) struct ExplainTests {
    nonisolated(unsafe) static let run: (RunOutcome, [[String: Any]]) = {
        let out = Repository.temporaryDirectory() + "/out"
        let outcome = try! RegionRun(registry: .known).run(RunRequest(regionFile: Repository.path("rulesets/regions/demo.yaml"), outputDirectory: out))
        let text = try! String(contentsOfFile: out + "/findings.jsonl", encoding: .utf8)
        let lines = text.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        return (outcome, lines)
    }()

    func explain(_ id: String) throws -> FindingExplanation {
        try RegionRun(registry: .known).explain(ExplainRequest(findingID: id, outputDirectory: Self.run.0.outputDirectory))
    }

    @Test func aFindingOfEveryRuleIsReproducedWithItsAmountAndEvidence() throws {
        var seen = Set<String>()
        for line in Self.run.1 where seen.insert(line["rule"] as! String).inserted {
            let id = line["id"] as! String
            let e = try explain(id).explanation
            #expect(e.fired, "\(id) \(line["rule"]!) does not fire when explained")
            #expect(e.amount?.decimalString(places: 2) == line["amount"] as? String)
            let evidence = (line["evidence"] as! [[String: Any]]).map { "\($0["file"]!):\($0["line"]!)" }
            #expect(e.evidence.map { "\($0.file):\($0.line)" } == evidence)
        }
        #expect(seen.count == 15)
    }

    @Test func explainShowsTheSameDecisiveValuesAsTheFinding() throws {
        var seen = Set<String>()
        for line in Self.run.1 where seen.insert(line["rule"] as! String).inserted {
            let e = try explain(line["id"] as! String).explanation
            let details = (line["details"] as! [[String: String]]).map { "\($0["label"]!)=\($0["value"]!)" }
            #expect(!details.isEmpty, "\(line["rule"]!) shows nothing")
            #expect(e.details.map { "\($0.label)=\($0.text)" } == details, "\(line["rule"]!)")
        }
    }

    @Test func aVehicleLeadNamesTheCarAndAReviewLeadItsDueDate() throws {
        func text(_ rule: String) throws -> (String, [String: Any]) {
            let line = try #require(Self.run.1.first { $0["rule"] as? String == rule })
            let found = try explain(line["id"] as! String)
            let context = ExplanationReport.Context(findingID: found.findingID, town: nil, headName: nil, warnings: [])
            return (ExplanationReport.text(found.explanation, context, language: .chinese), line)
        }
        let (car, carLine) = try text("vehicle-owned")
        let details = Dictionary(uniqueKeysWithValues: (carLine["details"] as! [[String: String]]).map { ($0["label"]!, $0["value"]!) })
        let plate = try #require(details["车辆·号牌号码"])
        #expect(!car.contains(plate), "the plate is shown unmasked")
        #expect(car.contains("车辆·号牌号码：" + PrivacyMask.personal(plate)))
        #expect(car.contains("车辆·车辆类型：" + details["车辆·车辆类型"]!))
        #expect(car.contains("车辆·购置价格：" + details["车辆·购置价格"]!))
        #expect(car.contains("核查要点"))
        #expect(carLine["concerned"] as? String == details["车辆·所有人证件号码"])
        let (review, _) = try text("review-overdue")
        #expect(review.contains("最近复核日期："))
        #expect(review.contains("应复核日期："))
        #expect(review.contains("due = "))
    }

    @Test func textShowsRuleParametersStepsAndEvidenceWithMaskedIDs() throws {
        let line = try #require(Self.run.1.first { $0["rule"] as? String == "deceased-still-paid" })
        let found = try explain(String((line["id"] as! String).prefix(8)))
        let context = ExplanationReport.Context(findingID: found.findingID, town: found.household?.town,
                                                headName: found.household?.headName, warnings: found.warnings)
        let text = ExplanationReport.text(found.explanation, context, language: .chinese)
        let person = line["person"] as! String
        #expect(text.contains("deceased-still-paid 保障对象死亡后仍在发放"))
        #expect(text.contains("rulesets/national.yaml:"))
        #expect(text.contains("when: member.covered and death is known and count(after_death) > 0"))
        #expect(text.contains("death = 死亡记录@死亡人员.csv:"))
        #expect(text.contains("after_death = "))
        #expect(text.contains("死亡人员.csv:"))
        #expect(text.contains("结果：触发，金额 \(line["amount"] as! String) 元"))
        #expect(!text.contains(person))
        #expect(text.contains(PrivacyMask.id(person)))
        let json = ExplanationReport.json(found.explanation, context)
        #expect(json.contains("\"person\": \"\(person)\""))
    }

    @Test func parametersShowTheDateTheirValueWasInForce() throws {
        var texts: [String] = []
        for line in Self.run.1 where ["overpaid", "underpaid"].contains(line["rule"] as? String) {
            let found = try explain(line["id"] as! String)
            texts.append(ExplanationReport.text(found.explanation, .init(findingID: "x", town: nil, headName: nil, warnings: []), language: .english))
        }
        // every payment case the demo plants (rulesets/regions/demo/expected-findings.jsonl)
        let expected = try String(contentsOfFile: Repository.path("rulesets/regions/demo/expected-findings.jsonl"), encoding: .utf8)
        #expect(texts.count == expected.split(separator: "\n").filter { $0.contains("\"overpaid\"") || $0.contains("\"underpaid\"") }.count)
        #expect(texts.count >= 4)
        #expect(texts.allSatisfy { $0.contains("payment.tolerance @ 2024-12-31 = 1, set at rulesets/national.yaml:") })
        #expect(texts.allSatisfy { $0.contains("entitlement(2024-07) = ") && $0.contains("Result: fires, amount") })
        // an urban household: the dated standard, with the entry in force and where the region sets it
        #expect(texts.contains { $0.contains("standard.urban @ 2024-07-01 = 850 (in force since 2024-07-01), set at ") && $0.contains("demo.yaml:12:") })
        #expect(texts.contains { $0.contains("standard.urban @ 2024-06-01 = 800 (in force since 2024-01-01), set at ") })
    }

    @Test func unknownOrAmbiguousIDsAreClearErrors() {
        #expect(throws: HostError.self) { try explain("ffffffffffffffff") }
        do {
            _ = try explain("ffffffffffffffff")
        } catch let e as HostError {
            #expect(e.message.contains("no finding with id 'ffffffffffffffff'"))
        } catch {}
        #expect(throws: HostError.self) { try explain("abc") }
    }
}
