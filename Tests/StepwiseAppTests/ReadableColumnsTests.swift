import Foundation
import StepwiseCore
import StepwiseTestSupport
import StepwiseUI
import XCTest

/// At 80×24 in every language: a language is shown by its name wherever a person reads it,
/// labels and their values (and columns) keep two spaces between them, hints under a field
/// wrap instead of being cut, and the overdue warning in the participant's header reads whole.
final class ReadableColumnsTests: XCTestCase {
    private let languages = ["en", "da", "sv", "de"]

    /// The rows of the screen with the frame of a box taken off.
    private func rows(_ h: AppHarness) -> [String] {
        h.screen.components(separatedBy: "\n").map { row in
            row.replacingOccurrences(of: "│", with: " ").trimmingCharacters(in: .whitespaces)
        }
    }

    /// The screen's words, frame left out, with single spaces (a wrapped line reads as one).
    private func words(_ h: AppHarness) -> String {
        rows(h).joined(separator: " ").split(separator: " ").joined(separator: " ")
    }

    /// What follows `label` on the row where it starts a form's field (after "› " or two spaces).
    private func afterLabel(_ label: String, _ h: AppHarness) -> String? {
        for row in h.screen.components(separatedBy: "\n") {
            for start in ["› " + label, "  " + label] {
                guard let range = row.range(of: start) else { continue }
                return String(row[range.upperBound...])
            }
        }
        return nil
    }

    /// Every field label of the form on screen has at least two spaces before its value.
    private func assertLabelsApart(_ h: AppHarness, _ place: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let form = h.state.form else { return XCTFail("\(place): no form", file: file, line: line) }
        for field in form.fields {
            let label = h.app.env.strings(field.label)
            guard let rest = afterLabel(label, h) else { continue }
            let value = rest.replacingOccurrences(of: "│", with: "").trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty, !value.hasPrefix("↓"), !value.hasPrefix("↑") else { continue }
            XCTAssertTrue(rest.hasPrefix("  "), "\(place): \(label) runs into its value: \(label)\(rest)\n\(h.screen)", file: file, line: line)
        }
    }

    /// A language field shows the language's name, never its code.
    private func assertLanguageByName(_ h: AppHarness, _ place: String, file: StaticString = #filePath, line: UInt = #line) {
        let s = h.app.env.strings
        guard let rest = afterLabel(s("field.language"), h) else {
            return XCTFail("\(place): no language field\n\(h.screen)", file: file, line: line)
        }
        let names = ["da", "de", "en", "sv"].map { s.languageName($0) }
        XCTAssertTrue(names.contains { rest.contains("‹ " + $0 + " ›") }, "\(place): \(rest)\n\(h.screen)", file: file, line: line)
        for code in ["da", "de", "en", "sv"] {
            XCTAssertFalse(rest.contains("‹ \(code) ›") || rest.contains(" \(code) "), "\(place): \(rest)", file: file, line: line)
        }
    }

    func testLanguageFieldsAreChoicesByNameAndStoreTheCode() throws {
        for language in languages {
            let h = try AppHarness(width: 80, height: 24, language: language)
            let s = h.app.env.strings
            h.press(.char("a"))
            assertLanguageByName(h, "\(language) add participant")
            XCTAssertFalse(words(h).contains("da, de, en, sv"), "\(language): \(h.screen)")
            h.type("Ulla Test")
            h.press(.tab, .tab)
            // The choice goes round the languages with a table; the one after the screen's is kept.
            let codes = h.app.env.languages
            let wanted = codes[((codes.firstIndex(of: language) ?? 0) + 1) % codes.count]
            h.press(.right)
            XCTAssertTrue(h.screen.contains("‹ " + s.languageName(wanted) + " ›"), "\(language):\n\(h.screen)")
            h.press(.enter)
            let id = try XCTUnwrap(h.id(of: "Ulla Test"), "\(language): added\n\(h.screen)")
            XCTAssertEqual(h.participantJSON(id)["language"] as? String, wanted, language)
            h.press(.escape)

            h.press(.char("o"), .char("e"))
            assertLanguageByName(h, "\(language) offer form")
            h.press(.escape, .char("f"))
            while let form = h.state.form, form.fields[form.focus].label != "field.language" { h.press(.tab) }
            h.press(.right)
            assertLanguageByName(h, "\(language) offer filter")
            h.press(.escape, .escape, .char("b"), .char("e"))
            assertLanguageByName(h, "\(language) job form")
            h.press(.escape)
            XCTAssertTrue(h.screen.contains(s("field.language") + ": " + s.languageName("da")), "\(language) job details:\n\(h.screen)")
        }
    }

    func testLabelsAndColumnsKeepTwoSpacesApart() throws {
        for language in languages {
            let h = try AppHarness(width: 80, height: 24, language: language)
            let s = h.app.env.strings
            // The caseload's columns: a long course word does not run into the next conversation.
            let ended = s("course.ended")
            let endedRows = rows(h).filter { $0.contains(ended) }
            XCTAssertFalse(endedRows.isEmpty, "\(language) caseload:\n\(h.screen)")
            for row in endedRows { XCTAssertTrue(row.contains(ended + "  "), "\(language) caseload: \(row)") }
            h.press(.char("o"), .char("e"))
            assertLabelsApart(h, "\(language) offer form")
            h.press(.escape, .escape, .char("b"))
            for status in BoardJob.Status.allCases.map({ s("board.status.\($0.rawValue)") }) {
                for row in rows(h) where row.contains(" " + status + " ") && row.contains(s("board.applications", count: 0)) {
                    XCTAssertTrue(row.contains("  " + status + "  "), "\(language) board: \(row)")
                }
            }
            h.press(.char("e"))
            assertLabelsApart(h, "\(language) job form")
            h.press(.escape, .escape)
            h.open("Jürgen Weiß")
            h.press(.char("5"))
            // The summary is in the citizen's language.
            let citizen = h.app.env.table(for: h.state.open?.participant.language ?? "")
            let coach = rows(h).first { $0.hasPrefix(citizen("summary.fact.coach")) } ?? ""
            XCTAssertTrue(coach.hasPrefix(citizen("summary.fact.coach") + "  "), "\(language) summary: \(coach)\n\(h.screen)")
            h.press(.char("6"))
            let interview = s("jobs.status.interview")
            let application = rows(h).first { $0.contains("Bäckerei Schmidt") } ?? ""
            XCTAssertTrue(application.contains("  " + interview + "  "), "\(language) jobs: \(application)\n\(h.screen)")
        }
    }

    func testHintsUnderFieldsWrapInsteadOfBeingCut() throws {
        for language in languages {
            let h = try AppHarness(width: 80, height: 24, language: language)
            let s = h.app.env.strings
            h.open("Jürgen Weiß")
            h.press(.char("3"), .char("s"))
            XCTAssertTrue(words(h).contains(s("field.peerName.hint")), "\(language):\n\(h.screen)")
            h.press(.escape, .char("6"), .char("a"))
            XCTAssertTrue(words(h).contains(s("field.date.hint")), "\(language):\n\(h.screen)")
            XCTAssertFalse(h.screen.contains("…"), "\(language):\n\(h.screen)")
        }
    }

    func testTheOverdueWarningInTheHeaderReadsWhole() throws {
        for language in languages {
            let h = try AppHarness(width: 80, height: 24, language: language)
            let s = h.app.env.strings
            h.open("Jürgen Weiß")
            let header = h.screen.components(separatedBy: "\n")[1]
            XCTAssertTrue(header.hasSuffix("⚠ " + s("conversation.overdue")), "\(language): \(header)")
            XCTAssertTrue(header.contains(s("participant.next", ["n": "2", "date": ""])), "\(language): \(header)")
        }
    }
}
