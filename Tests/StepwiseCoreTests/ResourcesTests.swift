import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

final class ResourcesTests: XCTestCase {
    func testEveryLanguageHasEveryEnglishStringWithTheSamePlaceholders() throws {
        let english = try Localizer.readTable("en", resources: resourcesURL)
        let languages = Localizer.available(resources: resourcesURL)
        XCTAssertTrue(languages.contains("da"))
        for language in languages where language != "en" {
            let table = try Localizer.readTable(language, resources: resourcesURL)
            XCTAssertEqual(Set(english.keys).subtracting(table.keys).sorted(), [], "\(language) lacks these strings")
            XCTAssertEqual(Set(table.keys).subtracting(english.keys).sorted(), [], "\(language) has strings English lacks")
            for (key, text) in english {
                XCTAssertEqual(placeholders(table[key] ?? ""), placeholders(text), "\(language): \(key)")
            }
        }
    }

    func testEveryStringKeyTheCodeUsesExists() throws {
        let english = try Localizer.readTable("en", resources: resourcesURL)
        let sources = resourcesURL.deletingLastPathComponent().appendingPathComponent("Sources")
        let files =
            FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        let pattern = try NSRegularExpression(pattern: #"(?:s|strings)\("([a-zA-Z]+\.[a-zA-Z.]+[a-zA-Z])"(, count:)?"#)
        var used = Set<String>()
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range(at: 1), in: text) else { continue }
                // A text for a count is looked up as its `.one` and `.other` forms.
                let forms = match.range(at: 2).location == NSNotFound ? [""] : [".one", ".other"]
                for form in forms { used.insert(String(text[range]) + form) }
            }
        }
        XCTAssertFalse(used.isEmpty)
        XCTAssertEqual(used.subtracting(english.keys).sorted(), [])
    }

    /// Every `problem.*` text (why a data file cannot be used) is used by the code: named whole,
    /// or, for a family of texts, by its stem (`"problem.mode." + what`).
    func testEveryProblemTextIsUsed() throws {
        let english = try Localizer.readTable("en", resources: resourcesURL)
        let sources = resourcesURL.deletingLastPathComponent().appendingPathComponent("Sources")
        let files =
            FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        let code = try files.map { try String(contentsOf: sources.appendingPathComponent($0), encoding: .utf8) }.joined()
        let keys = english.keys.filter { $0.hasPrefix("problem.") }
        XCTAssertGreaterThan(keys.count, 40)
        for key in keys.sorted() {
            let stem = key.split(separator: ".").dropLast().joined(separator: ".") + "."
            XCTAssertTrue(code.contains("\"\(key)\"") || (stem != "problem." && code.contains("\"\(stem)\" +")), "\(key) is not used")
        }
    }

    /// Every text for a count has both plural forms in every language, and picks the right
    /// one: "1 participant", "2 participants"; "1 deltager", "0 deltagere"; "beginnt in 1 Tag".
    func testEveryCountTextHasItsSingularAndPluralAndTheRightOneIsPicked() throws {
        for language in Localizer.available(resources: resourcesURL) {
            let table = try Localizer.readTable(language, resources: resourcesURL)
            for key in table.keys where key.hasSuffix(".one") {
                XCTAssertNotNil(table[String(key.dropLast(4)) + ".other"], "\(language): \(key) has no .other form")
            }
            for key in table.keys where key.hasSuffix(".other") && table[String(key.dropLast(6)) + ".one"] == nil {
                XCTAssertTrue(key.hasSuffix("kind.other") || !key.contains("{n}"), "\(language): \(key) has no .one form")
            }
        }
        let da = try Localizer.load(language: "da", resources: resourcesURL)
        let de = try Localizer.load(language: "de", resources: resourcesURL)
        let sv = try Localizer.load(language: "sv", resources: resourcesURL)
        let en = try Localizer.load(language: "en", resources: resourcesURL)
        XCTAssertEqual(en("caseload.count", count: 1), "1 participant")
        XCTAssertEqual(en("caseload.count", count: 2), "2 participants")
        XCTAssertEqual(da("caseload.count", count: 0), "0 deltagere")
        XCTAssertEqual(da("course.startsIn", count: 1), "starter om 1 dag")
        XCTAssertEqual(sv("course.startsIn", count: 1), "börjar om 1 dag")
        XCTAssertEqual(de("course.startsIn", count: 1), "beginnt in 1 Tag")
        XCTAssertEqual(de("course.startsIn", count: 3), "beginnt in 3 Tagen")
        XCTAssertEqual(da("scroll.below", count: 12), "↓ 12 linjer mere")
        XCTAssertEqual(de("scroll.above", count: 1), "↑ 1 weitere Zeile")
    }

    func testDemoDataIsWrittenWithDatesAroundToday() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        let today = day("2026-11-22")
        let made = try DemoData.create(in: temp.store, resources: resourcesURL, today: today, by: anna)
        XCTAssertGreaterThanOrEqual(made.participants, 8)
        XCTAssertGreaterThanOrEqual(made.offers, 25)
        let rows = temp.store.loadCaseload()
        XCTAssertEqual(rows.count, made.participants)
        XCTAssertTrue(rows.allSatisfy { if case .participant = $0 { return true } else { return false } })
        let offers = temp.store.loadOffers()
        XCTAssertEqual(offers.problems, [])
        XCTAssertTrue(Set(OfferKind.builtIn).isSubset(of: Set(offers.offers.map(\.kind))), "every kind is in the demo")
        XCTAssertEqual(DataCheck.run(temp.store), [])
        XCTAssertThrowsError(try DemoData.create(in: temp.store, resources: resourcesURL, today: today, by: anna)) { error in
            XCTAssertEqual(error as? DemoData.Refusal, .alreadyThere(temp.store.root.path))
        }
    }

    func testDemoRefusesAFolderWithOtherData() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        let own = Participant(
            id: "p-real", name: "Real Person", language: "da", courseStart: day("2026-10-05"),
            by: Stamp(by: "Anna", at: Date()))
        try temp.store.save(own)
        XCTAssertThrowsError(try DemoData.create(in: temp.store, resources: resourcesURL, today: day("2026-11-22"), by: anna)) { error in
            XCTAssertEqual(error as? DemoData.Refusal, .notDemo(temp.store.root.path))
        }
        XCTAssertEqual(temp.store.participantIDs(), ["p-real"])
    }

    private func placeholders(_ text: String) -> Set<String> {
        let regex = try? NSRegularExpression(pattern: #"\{[a-zA-Z]+\}"#)
        let matches = regex?.matches(in: text, range: NSRange(text.startIndex..., in: text)) ?? []
        return Set(matches.compactMap { Range($0.range, in: text).map { String(text[$0]) } })
    }
}
